package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// fieldError returns the code of the field error naming field, or "" when there is none.
func (r response) fieldError(t *testing.T, field string) string {
	t.Helper()
	var p struct {
		Errors []struct {
			Field string `json:"field"`
			Code  string `json:"code"`
		} `json:"errors"`
	}
	_ = json.Unmarshal(r.Body, &p)
	for _, e := range p.Errors {
		if e.Field == field {
			if e.Code == "" {
				t.Fatalf("field error for %s has no code: %s", field, r.Body)
			}
			return e.Code
		}
	}
	return ""
}

// refused asserts a 400 problem naming field with code.
func refused(t *testing.T, r response, field, code string) {
	t.Helper()
	if r.Status != http.StatusBadRequest {
		t.Fatalf("status %d, want 400 naming %s: %s", r.Status, field, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("content type %q: %s", ct, r.Body)
	}
	if got := r.fieldError(t, field); got != code {
		t.Fatalf("field %s: code %q, want %q: %s", field, got, code, r.Body)
	}
}

// A null inside a list or an object of an adaptation is refused; before, it was stored and broke
// the coordinators' dashboard for everyone.
func TestNullInsideListsIsRefusedAndTheDashboardHolds(t *testing.T) {
	w := newAdaptationWorld(t)
	before := countRows(t, w.world, "adaptations")
	cases := []struct {
		field string
		set   func(b map[string]any)
	}{
		{"frame.reasons.organisation", func(b map[string]any) { b["frame"].(map[string]any)["reasons"] = map[string]any{"organisation": nil} }},
		{"frame.reasons.recipient[0]", func(b map[string]any) {
			b["frame"].(map[string]any)["reasons"] = map[string]any{"recipient": []any{nil}}
		}},
		{"frame.reasons", func(b map[string]any) { b["frame"].(map[string]any)["reasons"] = nil }},
		{"frame.goals[1]", func(b map[string]any) { b["frame"].(map[string]any)["goals"] = []any{"fit", nil} }},
		{"barriers[0]", func(b map[string]any) { b["barriers"] = []any{nil} }},
		{"facilitators", func(b map[string]any) { b["facilitators"] = nil }},
		{"frame", func(b map[string]any) { b["frame"] = nil }},
		{"target_groups", func(b map[string]any) { b["target_groups"] = nil }},
	}
	for _, c := range cases {
		b := w.validBody()
		c.set(b)
		refused(t, w.adaptation(w.partnerDE, b), c.field, string(domain.FieldNotNull))
	}
	if n := countRows(t, w.world, "adaptations"); n != before {
		t.Fatalf("refused bodies stored %d adaptations", n-before)
	}
	// A row stored before input was strict (as the migration found them) does not break the page.
	must(t, w.adaptation(w.partnerDE, w.validBody()), 201)
	if _, err := w.db.SQL().Exec(`UPDATE adaptations SET frame = jsonb_set(frame, '{reasons}', '{"organisation": null, "recipient": "x"}'),
		barriers = '["a", null]', facilitators = 'null'`); err != nil {
		t.Fatal(err)
	}
	d := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/dashboard", w.tok["coordinator"]), 200).json(t)
	if d["adaptations"] == nil {
		t.Fatalf("dashboard: %v", d)
	}
}

// The repair migration cleans rows stored with nulls inside lists and objects.
func TestRepairFunctionsCleanStoredNulls(t *testing.T) {
	e := newEnv(t)
	var frame, list string
	if err := e.db.SQL().QueryRow(`SELECT pb_clean_frame('{"fidelity": null, "goals": ["fit", null], "reasons": {"organisation": null, "recipient": ["language", null]}, "when": "pre_implementation"}'),
		pb_clean_list('["a", null, "b"]'), pb_clean_list('null')`).Scan(&frame, &list, new(string)); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(frame), &got); err != nil {
		t.Fatal(err)
	}
	if got["fidelity"] != "" || len(got["goals"].([]any)) != 1 || got["when"] != "pre_implementation" {
		t.Fatalf("frame: %s", frame)
	}
	reasons := got["reasons"].(map[string]any)
	if _, ok := reasons["organisation"]; ok || len(reasons["recipient"].([]any)) != 1 {
		t.Fatalf("reasons: %s", frame)
	}
	if list != `["a", "b"]` {
		t.Fatalf("list: %s", list)
	}
}

func TestStrictInput(t *testing.T) {
	w := newAdaptationWorld(t)
	prog := w.prog.ID.String()

	t.Run("PATCH refuses null for a field that is not nullable", func(t *testing.T) {
		p := w.createPractice(w.tok["partner"], fullPractice("Null approach", "en"))
		id := p["id"].(string)
		for field, body := range map[string]map[string]any{
			"approach": {"approach": nil}, "title": {"title": nil}, "themes": {"themes": nil}, "scale": {"scale": nil},
			"products[0].core_elements": {"products": []any{map[string]any{"name": "Plan", "kind": "guidance", "core_elements": nil}}},
		} {
			refused(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], body: body, header: map[string]string{"If-Match": `"1"`}}),
				field, string(domain.FieldNotNull))
		}
		// The contract's nullable numbers accept null.
		must(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], body: map[string]any{"scale": map[string]any{"participants": nil}},
			header: map[string]string{"If-Match": `"1"`}}), 200)
		if got := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200).json(t); got["approach"] != "What is done." || got["version"].(float64) != 2 {
			t.Fatalf("practice changed by refused PATCHes: %v", got)
		}
	})

	t.Run("required fields absent or null", func(t *testing.T) {
		adaptation := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
		outcome := func(body map[string]any) response {
			return w.do(req{method: "POST", path: "/api/v1/adaptations/" + adaptation + "/outcomes", token: w.partnerDE, body: body})
		}
		refused(t, outcome(map[string]any{"recorded_on": "2026-01-15", "participants": 10}), "returned_to_work", string(domain.FieldRequired))
		refused(t, outcome(map[string]any{"recorded_on": "2026-01-15", "participants": 10, "returned_to_work": nil}), "returned_to_work", string(domain.FieldNotNull))
		refused(t, outcome(map[string]any{"recorded_on": "2026-01-15", "participants": "ten", "returned_to_work": 1}), "participants", string(domain.FieldType))
		refused(t, outcome(map[string]any{"recorded_on": "2026-01-15", "participants": 1.5, "returned_to_work": 1}), "participants", string(domain.FieldType))
		must(t, outcome(map[string]any{"recorded_on": "2026-01-15", "participants": 10, "returned_to_work": 4, "satisfaction": nil}), 201)
		b := w.validBody()
		delete(b, "frame")
		refused(t, w.adaptation(w.partnerDE, b), "frame", string(domain.FieldRequired))
		b = w.validBody()
		delete(b["frame"].(map[string]any), "fidelity")
		refused(t, w.adaptation(w.partnerDE, b), "frame.fidelity", string(domain.FieldRequired))
	})

	t.Run("a body of just null, or an array, is refused", func(t *testing.T) {
		for _, r := range []req{
			{method: "POST", path: "/api/v1/programmes/" + prog + "/practices", token: w.tok["partner"]},
			{method: "POST", path: "/api/v1/programmes/" + prog + "/adaptations", token: w.partnerDE},
			{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["partner"]},
			{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"]},
			{method: "PUT", path: "/api/v1/me/notification-preferences", token: w.tok["partner"]},
			{method: "POST", path: "/api/v1/auth/login"},
		} {
			r.body = "null"
			refused(t, w.do(r), "body", string(domain.FieldNotNull))
			r.body = "[]"
			refused(t, w.do(r), "body", string(domain.FieldType))
		}
	})

	t.Run("a rubric's title cannot be emptied", func(t *testing.T) {
		rubric := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + prog + "/rubrics", token: w.tok["coordinator"],
			body: map[string]any{"title": "Draft rubric", "based_on": w.rubricID}}), 201).json(t)
		id := rubric["id"].(string)
		for _, title := range []any{"", "   ", nil} {
			r := w.do(req{method: "PATCH", path: "/api/v1/rubrics/" + id, token: w.tok["coordinator"], body: map[string]any{"title": title},
				header: map[string]string{"If-Match": `"1"`}})
			if r.Status != 400 || r.fieldError(t, "title") == "" {
				t.Fatalf("title %q: %d %s", title, r.Status, r.Body)
			}
		}
		if got := must(t, w.get("/api/v1/rubrics/"+id, w.tok["coordinator"]), 200).json(t); got["title"] != "Draft rubric" {
			t.Fatalf("title: %v", got["title"])
		}
	})

	t.Run("wrong types, UUIDs and date-times inside a body name their field", func(t *testing.T) {
		b := w.validBody()
		b["source_practice_id"] = "not-a-uuid"
		refused(t, w.adaptation(w.partnerDE, b), "source_practice_id", string(domain.FieldFormat))
		b = w.validBody()
		b["source_practice_id"] = 42
		refused(t, w.adaptation(w.partnerDE, b), "source_practice_id", string(domain.FieldType))
		b = w.validBody()
		b["frame"].(map[string]any)["goals"] = "fit"
		refused(t, w.adaptation(w.partnerDE, b), "frame.goals", string(domain.FieldType))
		round := func(body map[string]any) response {
			return w.do(req{method: "POST", path: "/api/v1/programmes/" + prog + "/rounds", token: w.tok["coordinator"], body: body})
		}
		refused(t, round(map[string]any{"name": "R", "due_at": "yesterday", "reviewers_per_practice": 2, "max_load": 3}), "due_at", string(domain.FieldFormat))
		refused(t, round(map[string]any{"name": "R", "due_at": "2030-01-01T00:00:00Z", "reviewers_per_practice": "2", "max_load": 3}),
			"reviewers_per_practice", string(domain.FieldType))
		refused(t, round(map[string]any{"name": "R", "due_at": "2030-01-01T00:00:00Z", "reviewers_per_practice": 2, "max_load": 3, "blind": "yes"}),
			"blind", string(domain.FieldType))
	})

	t.Run("NUL characters are a 400, signed in or not", func(t *testing.T) {
		refused(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: `{"email":"a\u0000@example.org","password":"x"}`}), "email", string(domain.FieldNUL))
		refused(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["partner"],
			body: map[string]any{"body": "hello\x00world"}}), "body", string(domain.FieldNUL))
		refused(t, w.get("/api/v1/programmes/"+prog+"/practices?q=a%00b", w.tok["partner"]), "q", string(domain.FieldNUL))
		refused(t, w.get("/api/v1/public/practices?q=%00", ""), "q", string(domain.FieldNUL))
	})

	t.Run("countries and languages are real codes", func(t *testing.T) {
		org := func(country string) response {
			return w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], body: map[string]any{"name": "Org " + country, "country": country, "kind": "ngo"}})
		}
		for _, c := range []string{"XX", "be", "ZZ", "B"} {
			refused(t, org(c), "country", string(domain.FieldCountry))
		}
		must(t, org("IE"), 201)
		practice := func(lang string) response {
			return w.do(req{method: "POST", path: "/api/v1/programmes/" + prog + "/practices", token: w.tok["partner"], body: map[string]any{"title": "T", "language": lang}})
		}
		for _, l := range []string{"zz", "xx-YY", "english", "qaa", "NL"} {
			refused(t, practice(l), "language", string(domain.FieldLanguage))
		}
		for _, l := range []string{"nl", "fr-BE", "de-AT", "ga"} {
			must(t, practice(l), 201)
		}
		refused(t, w.get("/api/v1/programmes/"+prog+"/practices?country=XX", w.tok["partner"]), "country", string(domain.FieldCountry))
	})

	t.Run("boolean query parameters are true or false", func(t *testing.T) {
		refused(t, w.get("/api/v1/me/notifications?unread=maybe", w.tok["partner"]), "unread", string(domain.FieldType))
		must(t, w.get("/api/v1/me/notifications?unread=true", w.tok["partner"]), 200)
		refused(t, w.get("/api/v1/programmes/"+prog+"/exports/practices.csv?include_identities=1", w.tok["coordinator"]), "include_identities", string(domain.FieldType))
	})

	t.Run("a known path with another method is 405 with Allow", func(t *testing.T) {
		for path, allow := range map[string]string{
			"/api/v1/me":                              "GET, HEAD, PATCH",
			"/api/v1/practices/" + w.practiceID:       "DELETE, GET, HEAD, PATCH",
			"/api/v1/practices/" + w.practiceID + "/": "DELETE, GET, HEAD, PATCH",
			"/api/v1/auth/login":                      "POST",
		} {
			r := w.do(req{method: "PUT", path: path, token: w.tok["partner"], body: map[string]any{}})
			if r.Status != 405 || r.Header.Get("Allow") != allow || r.code() != string(domain.CodeMethodNotAllowed) {
				t.Fatalf("PUT %s: %d Allow=%q %s", path, r.Status, r.Header.Get("Allow"), r.Body)
			}
		}
		must(t, w.do(req{method: "PUT", path: "/api/v1/no-such-thing", token: w.tok["partner"]}), 404)
	})
}
