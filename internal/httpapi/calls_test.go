package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func stamp(d time.Duration) string { return time.Now().Add(d).UTC().Format(time.RFC3339) }

// callBody is a call of the world's programme open from opens to closes (offsets from now).
func callBody(title string, opens, closes time.Duration) map[string]any {
	return map[string]any{"title": title, "description": "Practices that bring people back to work.", "themes": []string{"upscaling"},
		"opens_at": stamp(opens), "closes_at": stamp(closes)}
}

func (w *world) createCall(body map[string]any) map[string]any {
	w.t.Helper()
	return must(w.t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/calls", token: w.tok["coordinator"], body: body}), 201).json(w.t)
}

// foreignCall is a call of the other programme, which the world's members cannot see.
func (w *world) foreignCall() string {
	w.t.Helper()
	c, err := w.store.CreateCall(context.Background(), domain.Call{ID: uuid.New(), ProgrammeID: w.other.ID, Title: "Second track call",
		Themes: []string{}, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour)})
	if err != nil {
		w.t.Fatal(err)
	}
	return c.ID.String()
}

// practiceInCall creates a complete draft of the partner that answers call.
func (w *world) practiceInCall(title, call string) string {
	w.t.Helper()
	body := fullPractice(title, "en")
	body["call_id"] = call
	p := w.createPractice(w.tok["partner"], body)
	if p["call_id"] != call {
		w.t.Fatalf("the new practice does not name its call: %v", p["call_id"])
	}
	return p["id"].(string)
}

func TestCallsAreReadByMembersAndWrittenByCoordinators(t *testing.T) {
	w := newWorld(t)
	list := "/api/v1/programmes/" + w.prog.ID.String() + "/calls"
	r := must(t, w.do(req{method: "POST", path: list, token: w.tok["coordinator"], body: callBody("Spring call", -time.Hour, 24*time.Hour)}), 201)
	call := r.json(t)
	id := call["id"].(string)
	if r.Header.Get("ETag") != `"1"` || r.Header.Get("Location") != "/api/v1/calls/"+id {
		t.Fatalf("headers: ETag %q Location %q", r.Header.Get("ETag"), r.Header.Get("Location"))
	}
	if call["state"] != "open" || call["submitted_practices"].(float64) != 0 || call["programme_id"] != w.prog.ID.String() || fmt.Sprint(call["themes"]) != "[upscaling]" {
		t.Fatalf("new call: %v", call)
	}
	w.createCall(callBody("Autumn call", 30*24*time.Hour, 60*24*time.Hour))

	for _, who := range []string{"coordinator", "partner", "reviewer", "admin"} {
		t.Run(who+" reads", func(t *testing.T) {
			items := must(t, w.get(list, w.tok[who]), 200).json(t)["items"].([]any)
			if len(items) != 2 || items[0].(map[string]any)["title"] != "Autumn call" || items[0].(map[string]any)["state"] != "upcoming" {
				t.Fatalf("calls as %s: %v", who, items)
			}
			must(t, w.get("/api/v1/calls/"+id, w.tok[who]), 200)
		})
	}
	cases := []struct {
		name, token string
		r           req
		status      int
	}{
		{"partner creates", "partner", req{method: "POST", path: list, body: callBody("x", 0, time.Hour)}, 403},
		{"reviewer edits", "reviewer", req{method: "PATCH", path: "/api/v1/calls/" + id, header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"title": "x"}}, 403},
		{"outsider lists", "outsider", req{method: "GET", path: list}, 404},
		{"outsider reads", "outsider", req{method: "GET", path: "/api/v1/calls/" + id}, 404},
		{"outsider creates", "outsider", req{method: "POST", path: list, body: callBody("x", 0, time.Hour)}, 404},
		{"outsider edits", "outsider", req{method: "PATCH", path: "/api/v1/calls/" + id, header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"title": "x"}}, 404},
		{"unknown call", "coordinator", req{method: "GET", path: "/api/v1/calls/" + uuid.NewString()}, 404},
		{"call of another programme", "coordinator", req{method: "GET", path: "/api/v1/calls/" + w.foreignCall()}, 404},
		{"anonymous", "anonymous", req{method: "GET", path: "/api/v1/calls/" + id}, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.r.token = w.tok[c.token]
			must(t, w.do(c.r), c.status)
		})
	}
	if n := countRows(t, w, "calls"); n != 3 { // two of the programme, one of the other
		t.Fatalf("%d calls stored", n)
	}
	if e := findEntry(auditEntries(t, w, ""), "call.created", id); e == nil || e["object_title"] != "Spring call" || e["object_type"] != "call" {
		t.Fatalf("audit entry of the creation: %v", e)
	}
}

func TestCallValidationNamesTheField(t *testing.T) {
	w := newWorld(t)
	existing := w.createCall(callBody("Spring call", -time.Hour, time.Hour))
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/calls"
	patch := "/api/v1/calls/" + existing["id"].(string)
	cases := []struct {
		name, method, path string
		body               map[string]any
		field, code        string
	}{
		{"unknown theme", "POST", path, map[string]any{"title": "x", "themes": []string{"upscaling", "astrology"}, "opens_at": stamp(0), "closes_at": stamp(time.Hour)}, "themes[1]", "unknown_theme"},
		{"closes before it opens", "POST", path, map[string]any{"title": "x", "opens_at": stamp(time.Hour), "closes_at": stamp(0)}, "closes_at", "invalid"},
		{"closes as it opens", "POST", path, map[string]any{"title": "x", "opens_at": stamp(time.Hour), "closes_at": stamp(time.Hour)}, "closes_at", "invalid"},
		{"no title", "POST", path, map[string]any{"opens_at": stamp(0), "closes_at": stamp(time.Hour)}, "title", "required"},
		{"no closing", "POST", path, map[string]any{"title": "x", "opens_at": stamp(0)}, "closes_at", "required"},
		{"edit closes before it opens", "PATCH", patch, map[string]any{"closes_at": stamp(-2 * time.Hour)}, "closes_at", "invalid"},
		{"edit to an unknown theme", "PATCH", patch, map[string]any{"themes": []string{"astrology"}}, "themes[0]", "unknown_theme"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := must(t, w.do(req{method: c.method, path: c.path, token: w.tok["coordinator"], body: c.body, header: map[string]string{"If-Match": `"1"`}}), 400)
			var p struct {
				Code   string
				Errors []struct{ Field, Code string }
			}
			if err := json.Unmarshal(r.Body, &p); err != nil || p.Code != "validation_failed" || len(p.Errors) != 1 || p.Errors[0].Field != c.field || p.Errors[0].Code != c.code {
				t.Fatalf("want %s (%s): %s", c.field, c.code, r.Body)
			}
		})
	}
	if n := countRows(t, w, "calls"); n != 1 {
		t.Fatalf("%d calls stored", n)
	}
	if got := must(t, w.get(patch, w.tok["partner"]), 200).json(t); got["version"].(float64) != 1 || got["closes_at"] != existing["closes_at"] {
		t.Fatalf("a refused edit changed the call: %v", got)
	}
}

func TestCallEditNeedsTheCurrentVersion(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/calls"
	h := map[string]string{"Idempotency-Key": "spring-call"}
	body := callBody("Spring call", -time.Hour, time.Hour)
	first := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], body: body, header: h}), 201).json(t)
	again := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], body: body, header: h}), 201).json(t)
	if first["id"] != again["id"] || countRows(t, w, "calls") != 1 {
		t.Fatalf("a retried creation made another call: %v %v", first["id"], again["id"])
	}
	id := first["id"].(string)
	edit := func(ifMatch string, b map[string]any) response {
		hdr := map[string]string{}
		if ifMatch != "" {
			hdr["If-Match"] = ifMatch
		}
		return w.do(req{method: "PATCH", path: "/api/v1/calls/" + id, token: w.tok["coordinator"], header: hdr, body: b})
	}
	must(t, edit("", map[string]any{"title": "Renamed"}), 428)
	r := must(t, edit(`"1"`, map[string]any{"title": "Spring call 2027", "description": "Only the title and the description change."}), 200)
	got := r.json(t)
	if r.Header.Get("ETag") != `"2"` || got["title"] != "Spring call 2027" || got["opens_at"] != first["opens_at"] || fmt.Sprint(got["themes"]) != "[upscaling]" {
		t.Fatalf("after a partial edit: %v", got)
	}
	if stale := must(t, edit(`"1"`, map[string]any{"title": "Lost update"}), 412); stale.code() != "version_mismatch" {
		t.Fatal(string(stale.Body))
	}
	if got := must(t, w.get("/api/v1/calls/"+id, w.tok["coordinator"]), 200).json(t); got["title"] != "Spring call 2027" {
		t.Fatalf("a stale edit was applied: %v", got["title"])
	}
	e := findEntry(auditEntries(t, w, ""), "call.updated", id)
	if e == nil || e["object_title"] != "Spring call 2027" {
		t.Fatalf("audit entry of the edit: %v", e)
	}
}

func TestSubmissionFollowsTheCallWindow(t *testing.T) {
	cases := []struct {
		name          string
		opens, closes time.Duration
		status        int
		code          string
	}{
		{"before the call opens", time.Hour, 48 * time.Hour, 409, "call_closed"},
		{"while the call is open", -time.Hour, time.Hour, 200, ""},
		{"after the call closed", -48 * time.Hour, -time.Hour, 409, "call_closed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			call := w.createCall(callBody("Call", c.opens, c.closes))["id"].(string)
			id := w.practiceInCall("Job coaching", call)
			r := must(t, w.action(w.tok["partner"], id, "submit"), c.status)
			got := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200).json(t)
			if c.status != 200 {
				if r.code() != c.code {
					t.Fatalf("code %q: %s", r.code(), r.Body)
				}
				if got["status"] != "draft" || got["revision"].(float64) != 0 || got["version"].(float64) != 1 || countRows(t, w, "practice_revisions") != 0 {
					t.Fatalf("a refused submission changed the practice: %v", got)
				}
				return
			}
			if got["status"] != "submitted" || got["call_id"] != call {
				t.Fatalf("after submission: %v", got)
			}
			if n := must(t, w.get("/api/v1/calls/"+call, w.tok["coordinator"]), 200).json(t)["submitted_practices"]; n.(float64) != 1 {
				t.Fatalf("submitted practices of the call: %v", n)
			}
		})
	}
}

// A practice that a decision sent back for revision entered the call in time: its resubmission
// is accepted after the call has closed. A draft of the same call is not.
func TestRevisionIsResubmittedAfterTheCallClosed(t *testing.T) {
	w := newWorld(t)
	created := w.createCall(callBody("Call", -time.Hour, time.Hour))
	call := created["id"].(string)
	revised := w.practiceInCall("Revised", call)
	late := w.practiceInCall("Late", call)
	must(t, w.action(w.tok["partner"], revised, "submit"), 200)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/calls/" + call, token: w.tok["coordinator"], header: map[string]string{"If-Match": `"1"`},
		body: map[string]any{"opens_at": stamp(-3 * time.Hour), "closes_at": stamp(-2 * time.Hour)}}), 200)
	w.setStatus(revised, domain.StatusRevisionRequested)
	if r := must(t, w.action(w.tok["partner"], late, "submit"), 409); r.code() != "call_closed" {
		t.Fatal(string(r.Body))
	}
	got := must(t, w.action(w.tok["partner"], revised, "submit"), 200).json(t)
	if got["status"] != "submitted" || got["revision"].(float64) != 2 {
		t.Fatalf("resubmitted revision: %v", got)
	}
}

func TestPracticeCallIsAChoiceOfTheProgrammeWhileADraft(t *testing.T) {
	w := newWorld(t)
	call := w.createCall(callBody("Call", -time.Hour, time.Hour))["id"].(string)
	other := w.createCall(callBody("Other call", -time.Hour, time.Hour))["id"].(string)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/practices"
	for name, callID := range map[string]string{"unknown call": uuid.NewString(), "call of another programme": w.foreignCall()} {
		t.Run("create with "+name, func(t *testing.T) {
			body := fullPractice("x", "en")
			body["call_id"] = callID
			r := must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], body: body}), 400)
			if r.code() != "validation_failed" || !hasFieldError(r, "call_id") {
				t.Fatal(string(r.Body))
			}
		})
	}
	if n := countRows(t, w, "practices"); n != 0 {
		t.Fatalf("%d practices stored", n)
	}
	id := w.practiceInCall("Job coaching", call)
	edit := func(body map[string]any) response {
		cur := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200)
		return w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], header: map[string]string{"If-Match": cur.Header.Get("ETag")}, body: body})
	}
	if got := must(t, edit(map[string]any{"call_id": other}), 200).json(t); got["call_id"] != other {
		t.Fatalf("moved to another call: %v", got["call_id"])
	}
	if r := must(t, edit(map[string]any{"call_id": w.foreignCall()}), 400); !hasFieldError(r, "call_id") {
		t.Fatal(string(r.Body))
	}
	if got := must(t, edit(map[string]any{"title": "Only the title"}), 200).json(t); got["call_id"] != other {
		t.Fatalf("an edit without call_id changed it: %v", got["call_id"])
	}
	if got := must(t, edit(map[string]any{"call_id": nil}), 200).json(t); got["call_id"] != nil {
		t.Fatalf("null did not clear the call: %v", got["call_id"])
	}
	must(t, edit(map[string]any{"call_id": call}), 200)
	must(t, w.action(w.tok["partner"], id, "submit"), 200)
	w.setStatus(id, domain.StatusRevisionRequested)
	if r := must(t, edit(map[string]any{"call_id": other}), 400); !hasFieldError(r, "call_id") {
		t.Fatal(string(r.Body))
	}
	if r := must(t, edit(map[string]any{"call_id": nil}), 400); !hasFieldError(r, "call_id") {
		t.Fatal(string(r.Body))
	}
	// Naming the call it already has (as an editor that sends whole fields does) is no change.
	must(t, edit(map[string]any{"call_id": call, "summary": "Revised after the reviews."}), 200)
	if got := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200).json(t); got["call_id"] != call {
		t.Fatalf("a revision moved to another call: %v", got["call_id"])
	}
}

func TestRoundFromACallHoldsItsSubmittedPractices(t *testing.T) {
	w := newReviewWorld(t) // its practice is submitted without a call
	call := w.createCall(callBody("Call", -time.Hour, time.Hour))["id"].(string)
	first, second := w.practiceInCall("First", call), w.practiceInCall("Second", call)
	draft := w.practiceInCall("Still a draft", call)
	must(t, w.action(w.tok["partner"], first, "submit"), 200)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)

	roundPractices := func(round string) map[string]string {
		rows, err := w.db.SQL().Query(`SELECT rp.practice_id, p.status FROM round_practices rp JOIN practices p ON p.id = rp.practice_id WHERE rp.round_id = $1`, round)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var id, status string
			if err := rows.Scan(&id, &status); err != nil {
				t.Fatal(err)
			}
			out[id] = status
		}
		return out
	}
	roundBody := func(callID string) map[string]any {
		return map[string]any{"name": "Call round", "due_at": stamp(14 * 24 * time.Hour), "reviewers_per_practice": 2, "max_load": 3, "call_id": callID}
	}
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/rounds"
	for name, callID := range map[string]string{"unknown call": uuid.NewString(), "call of another programme": w.foreignCall()} {
		t.Run(name, func(t *testing.T) {
			if r := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], body: roundBody(callID)}), 400); !hasFieldError(r, "call_id") {
				t.Fatal(string(r.Body))
			}
		})
	}
	if n := countRows(t, w.world, "rounds"); n != 0 {
		t.Fatalf("%d rounds stored", n)
	}
	round := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], body: roundBody(call)}), 201).json(t)
	id := round["id"].(string)
	if round["call_id"] != call || round["practice_count"].(float64) != 2 {
		t.Fatalf("round from the call: %v", round)
	}
	if got := roundPractices(id); len(got) != 2 || got[first] != "submitted" || got[second] != "submitted" {
		t.Fatalf("practices of the round: %v", got)
	}

	// Submitted later, a practice joins the draft round; once the round is open it goes into
	// review at once.
	must(t, w.action(w.tok["partner"], draft, "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + id + "/open", token: w.tok["coordinator"]}), 200)
	latest := w.practiceInCall("Latest", call)
	if got := must(t, w.action(w.tok["partner"], latest, "submit"), 200).json(t); got["status"] != "in_review" {
		t.Fatalf("a practice submitted to the call of an open round: %v", got["status"])
	}
	got := roundPractices(id)
	if len(got) != 4 || got[draft] != "in_review" || got[latest] != "in_review" || got[w.practiceID] != "" {
		t.Fatalf("practices of the round after later submissions: %v", got)
	}
	if e := findEntry(auditEntries(t, w.world, ""), "practice.start_review", latest); e == nil {
		t.Fatal("no audit entry for the practice that went into review")
	}
	// A second round from the same call finds its practices in the first one.
	if r := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], body: roundBody(call)}), 201).json(t); r["practice_count"].(float64) != 0 {
		t.Fatalf("a second round from the call: %v", r)
	}
}

// A practice of the call already in another undecided round keeps a round from the call from
// being set up, as adding it by hand would.
func TestRoundFromACallRespectsOtherRounds(t *testing.T) {
	w := newReviewWorld(t)
	call := w.createCall(callBody("Call", -time.Hour, time.Hour))["id"].(string)
	p := w.practiceInCall("In another round", call)
	must(t, w.action(w.tok["partner"], p, "submit"), 200)
	manual := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": "By hand", "due_at": stamp(14 * 24 * time.Hour), "reviewers_per_practice": 2, "max_load": 3}}), 201).json(t)["id"].(string)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + manual + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{p}}}), 200)
	r := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": "From the call", "due_at": stamp(14 * 24 * time.Hour), "reviewers_per_practice": 2, "max_load": 3, "call_id": call}}), 409)
	if r.code() != "practice_in_other_round" || !hasFieldError(r, "call_id") {
		t.Fatal(string(r.Body))
	}
	if n := countRows(t, w.world, "rounds"); n != 1 {
		t.Fatalf("%d rounds stored", n)
	}
}

func hasFieldError(r response, field string) bool {
	var p struct{ Errors []struct{ Field string } }
	_ = json.Unmarshal(r.Body, &p)
	for _, e := range p.Errors {
		if e.Field == field {
			return true
		}
	}
	return false
}
