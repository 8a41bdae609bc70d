package httpapi_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// fullPractice is a complete practice body, ready to submit.
func fullPractice(title, language string) map[string]any {
	return map[string]any{
		"title": title, "summary": "A short summary of " + title, "language": language,
		"themes": []string{"upscaling"}, "context": "The setting.", "approach": "What is done.",
		"evidence":           map[string]any{"level": "monitoring", "indicators": []string{"returned to work"}},
		"contact":            map[string]any{"name": "Els", "email": "els@example.org"},
		"learning_questions": []string{"How would this work in your country?"},
		"products":           []map[string]any{{"name": "Return-to-work plan", "kind": "guidance", "core_elements": []string{"Early contact", "Joint plan with the employer"}}},
	}
}

func (w *world) createPractice(token string, body map[string]any) map[string]any {
	w.t.Helper()
	return must(w.t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/practices", token: token, body: body}), 201).json(w.t)
}

func (w *world) action(token, id, action string) response {
	return w.do(req{method: "POST", path: "/api/v1/practices/" + id + "/" + action, token: token})
}

// setStatus moves a practice directly, for statuses whose transitions belong to peer review.
func (w *world) setStatus(id string, status domain.PracticeStatus) {
	w.t.Helper()
	if _, err := w.db.SQL().Exec(`UPDATE practices SET status = $1 WHERE id = $2`, string(status), id); err != nil {
		w.t.Fatal(err)
	}
}

func TestPracticeLifecycle(t *testing.T) {
	w := newWorld(t)
	p := w.createPractice(w.tok["partner"], fullPractice("Werkgeversnetwerk", "nl"))
	id := p["id"].(string)
	if p["status"] != "draft" || p["organisation"].(map[string]any)["id"] != w.orgNL.ID.String() || p["country"] != "NL" || p["revision"].(float64) != 0 {
		t.Fatalf("new practice: %v", p)
	}
	products := p["products"].([]any)
	if len(products) != 1 || len(products[0].(map[string]any)["core_elements"].([]any)) != 2 {
		t.Fatalf("products: %v", products)
	}
	if fmt.Sprint(p["allowed_actions"]) != "[comment edit delete submit translate]" {
		t.Fatalf("allowed actions of a draft: %v", p["allowed_actions"])
	}
	must(t, w.action(w.tok["partner"], id, "withdraw"), 409)
	sub := must(t, w.action(w.tok["partner"], id, "submit"), 200).json(t)
	if sub["status"] != "submitted" || sub["revision"].(float64) != 1 || sub["submitted_at"] == nil {
		t.Fatalf("after submit: %v", sub)
	}
	// Submitted is frozen for the owner.
	r := must(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], header: map[string]string{"If-Match": fmt.Sprintf(`"%v"`, sub["version"])}, body: map[string]any{"title": "x"}}), 409)
	if r.code() != "practice_not_editable" {
		t.Fatal(string(r.Body))
	}
	must(t, w.do(req{method: "DELETE", path: "/api/v1/practices/" + id, token: w.tok["partner"]}), 409)
	must(t, w.action(w.tok["partner"], id, "withdraw"), 200)
	must(t, w.action(w.tok["partner"], id, "reopen"), 200)
	got := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200)
	// Edit, resubmit: revision 2, and the comparison names exactly the changed fields.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], header: map[string]string{"If-Match": got.Header.Get("ETag")},
		body: map[string]any{"title": "Werkgeversnetwerk Brabant", "evidence": map[string]any{"level": "evaluation"}}}), 200)
	must(t, w.action(w.tok["partner"], id, "submit"), 200)
	revs := must(t, w.get("/api/v1/practices/"+id+"/revisions", w.tok["partner"]), 200).json(t)["items"].([]any)
	if len(revs) != 2 || revs[0].(map[string]any)["number"].(float64) != 2 {
		t.Fatalf("revisions: %v", revs)
	}
	cmp := must(t, w.get("/api/v1/practices/"+id+"/revisions/2?compare_to=1", w.tok["partner"]), 200).json(t)
	var fields []string
	for _, c := range cmp["changes"].([]any) {
		fields = append(fields, c.(map[string]any)["field"].(string))
	}
	if fmt.Sprint(fields) != "[evidence.indicators evidence.level title]" {
		t.Fatalf("changed fields: %v", fields)
	}
	if cmp["practice"].(map[string]any)["title"] != "Werkgeversnetwerk Brabant" {
		t.Fatalf("revision 2 text: %v", cmp["practice"])
	}
	must(t, w.get("/api/v1/practices/"+id+"/revisions/9", w.tok["partner"]), 404)
	must(t, w.get("/api/v1/practices/"+id+"/revisions/2?compare_to=7", w.tok["partner"]), 400)

	var n int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE object_id = $1 AND action IN ('practice.created','practice.submit','practice.withdraw','practice.reopen')`, id).Scan(&n); err != nil || n != 5 {
		t.Fatalf("audit entries: %d %v", n, err)
	}
}

func TestSubmitNeedsACompletePractice(t *testing.T) {
	w := newWorld(t)
	p := w.createPractice(w.tok["partner"], map[string]any{"title": "Half written", "language": "en"})
	r := must(t, w.action(w.tok["partner"], p["id"].(string), "submit"), 422)
	if r.code() != "practice_incomplete" || !strings.Contains(string(r.Body), "evidence.level") || !strings.Contains(string(r.Body), "contact.email") {
		t.Fatalf("incomplete submit: %s", r.Body)
	}
	var revs int
	_ = w.db.SQL().QueryRow(`SELECT count(*) FROM practice_revisions`).Scan(&revs)
	if revs != 0 {
		t.Fatal("a failed submit left a revision behind")
	}
}

// The owner's practice names what submitting still needs; each list must be exactly the fields
// the submit then refuses with, so the editor's checklist and the server never disagree.
func TestMissingFieldsAreWhatSubmitRefuses(t *testing.T) {
	w := newWorld(t)
	without := func(keys ...string) map[string]any {
		body := fullPractice("Job coaching", "en")
		for _, k := range keys {
			delete(body, k)
		}
		return body
	}
	noEvidenceLevel := without()
	noEvidenceLevel["evidence"] = map[string]any{"description": "Monitored, not yet rated."}
	cases := []struct {
		name string
		body map[string]any
	}{
		{"title only", map[string]any{"title": "Half written", "language": "en"}},
		{"no summary, no themes", without("summary", "themes")},
		{"no contact", without("contact")},
		{"no context and approach", without("context", "approach")},
		{"evidence without a level", noEvidenceLevel},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id := w.createPractice(w.tok["partner"], c.body)["id"].(string)
			got := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200).json(t)
			missing, ok := got["missing"].([]any)
			if !ok || len(missing) == 0 {
				t.Fatalf("missing of an incomplete draft: %v", got["missing"])
			}
			refused := must(t, w.action(w.tok["partner"], id, "submit"), 422)
			if refused.code() != "practice_incomplete" {
				t.Fatalf("submit: %s", refused.Body)
			}
			var fields []any
			for _, e := range refused.json(t)["errors"].([]any) {
				fields = append(fields, e.(map[string]any)["field"])
			}
			if fmt.Sprint(missing) != fmt.Sprint(fields) {
				t.Fatalf("missing %v, submit refused with %v", missing, fields)
			}
		})
	}

	t.Run("complete, then submitted", func(t *testing.T) {
		id := w.createPractice(w.tok["partner"], fullPractice("Ready", "en"))["id"].(string)
		got := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200).json(t)
		if missing, ok := got["missing"].([]any); !ok || len(missing) != 0 {
			t.Fatalf("missing of a complete draft: %v (present: %v)", got["missing"], ok)
		}
		sub := must(t, w.action(w.tok["partner"], id, "submit"), 200).json(t)
		if _, present := sub["missing"]; present {
			t.Fatalf("a submitted practice cannot be submitted, yet carries missing: %v", sub["missing"])
		}
		// Only whoever may submit is told: not the coordinator reading it.
		if _, present := must(t, w.get("/api/v1/practices/"+id, w.tok["coordinator"]), 200).json(t)["missing"]; present {
			t.Fatal("the coordinator sees missing")
		}
	})
}

func TestPracticeBoundsAndProgrammeVocabulary(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/practices"
	cases := map[string]map[string]any{
		"unknown theme":        {"title": "x", "language": "en", "themes": []string{"astrology"}},
		"title too long":       {"title": strings.Repeat("t", 201), "language": "en"},
		"bad language":         {"title": "x", "language": "English"},
		"bad evidence level":   {"title": "x", "language": "en", "evidence": map[string]any{"level": "anecdote"}},
		"too many questions":   {"title": "x", "language": "en", "learning_questions": strings.Split(strings.Repeat("q,", 11), ",")[:11]},
		"bad link":             {"title": "x", "language": "en", "links": []map[string]any{{"title": "t", "url": "ftp://x"}}},
		"product without kind": {"title": "x", "language": "en", "products": []map[string]any{{"name": "n"}}},
		"foreign product id":   {"title": "x", "language": "en", "products": []map[string]any{{"id": uuid.NewString(), "name": "n", "kind": "tool"}}},
		"negative scale":       {"title": "x", "language": "en", "scale": map[string]any{"participants": -1}},
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			r := must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], body: body}), 400)
			if r.code() != "validation_failed" {
				t.Fatal(string(r.Body))
			}
		})
	}
	if countRows(t, w, "practices") != 0 {
		t.Fatal("invalid practices were stored")
	}
}

// Fields a partner may not set are never applied, on create or on edit.
func TestPracticeMassAssignmentIsIgnored(t *testing.T) {
	w := newWorld(t)
	body := fullPractice("Mine", "en")
	for k, v := range map[string]any{"status": "published", "organisation_id": w.orgBE.ID, "version": 42, "revision": 7, "id": uuid.NewString(),
		"created_at": "2000-01-01T00:00:00Z", "published_at": "2000-01-01T00:00:00Z", "programme_id": w.other.ID, "decision": map[string]any{"outcome": "good_practice"}} {
		body[k] = v
	}
	p := w.createPractice(w.tok["partner"], body)
	if p["status"] != "draft" || p["organisation"].(map[string]any)["id"] != w.orgNL.ID.String() || p["version"].(float64) != 1 ||
		p["revision"].(float64) != 0 || p["id"] == body["id"] || p["published_at"] != nil || p["programme_id"] != w.prog.ID.String() || p["decision"] != nil {
		t.Fatalf("a protected field was applied: %v", p)
	}
	id := p["id"].(string)
	patched := must(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], header: map[string]string{"If-Match": `"1"`},
		body: map[string]any{"status": "published", "organisation_id": w.orgBE.ID, "version": 99, "revision": 5, "summary": "changed"}}), 200).json(t)
	if patched["status"] != "draft" || patched["organisation"].(map[string]any)["id"] != w.orgNL.ID.String() || patched["version"].(float64) != 2 || patched["summary"] != "changed" {
		t.Fatalf("PATCH applied a protected field: %v", patched)
	}
}

func TestConcurrentPracticeEditsExactlyOneWins(t *testing.T) {
	w := newWorld(t)
	id := w.createPractice(w.tok["partner"], fullPractice("Shared draft", "en"))["id"].(string)
	var wg sync.WaitGroup
	statuses := make([]int, 6)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"], header: map[string]string{"If-Match": `"1"`},
				body: map[string]any{"summary": fmt.Sprintf("writer %d", i)}}).Status
		}()
	}
	wg.Wait()
	wins := 0
	for _, s := range statuses {
		if s == 200 {
			wins++
		} else if s != 412 {
			t.Fatalf("status %d", s)
		}
	}
	if wins != 1 {
		t.Fatalf("%d writers won: %v", wins, statuses)
	}
}

func TestIdempotentPracticeCreate(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/practices"
	h := map[string]string{"Idempotency-Key": "practice-1"}
	a := must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], header: h, body: fullPractice("Once", "en")}), 201)
	b := must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], header: h, body: fullPractice("Once", "en")}), 201)
	if a.json(t)["id"] != b.json(t)["id"] || countRows(t, w, "practices") != 1 {
		t.Fatal("a retried create made a second practice")
	}
}

// TestPracticeVisibilityMatrix checks SPEC §2 for every status and role, and that each list holds
// exactly what GET allows.
func TestPracticeVisibilityMatrix(t *testing.T) {
	w := newWorld(t)
	// A second partner from another organisation and country, in the same programme.
	orgDE := w.org("Wiedereinstieg", "DE")
	other := w.user("other.partner@example.org", orgDE, false)
	w.member(w.prog, other, domain.RolePartner)
	w.tok["other partner"] = w.login(other.Email)
	// A colleague of the owner in the same organisation.
	colleague := w.user("colleague@example.org", w.orgNL, false)
	w.member(w.prog, colleague, domain.RolePartner)
	w.tok["colleague"] = w.login(colleague.Email)
	// The public catalogue is on for this programme.
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = true WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}

	ids := map[domain.PracticeStatus]string{}
	for _, st := range domain.PracticeStatuses {
		ids[st] = w.createPractice(w.tok["partner"], fullPractice("Practice "+string(st), "en"))["id"].(string)
		if st != domain.StatusDraft {
			w.setStatus(ids[st], st)
		}
	}
	viewers := []string{"partner", "colleague", "other partner", "coordinator", "reviewer", "outsider", "admin", "anonymous"}
	// Who sees what; the reviewer is not assigned to anything, so sees only published practices.
	sees := func(viewer string, st domain.PracticeStatus) bool {
		switch viewer {
		case "partner", "colleague", "admin":
			return true
		case "coordinator":
			return st != domain.StatusDraft
		case "other partner", "reviewer":
			return st == domain.StatusPublished
		}
		return false
	}
	for _, v := range viewers {
		listed := map[string]bool{}
		if v != "anonymous" && v != "outsider" {
			page := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/practices?page_size=100", w.tok[v]), 200).json(t)
			for _, it := range page["items"].([]any) {
				listed[it.(map[string]any)["id"].(string)] = true
			}
		}
		for _, st := range domain.PracticeStatuses {
			r := w.get("/api/v1/practices/"+ids[st], w.tok[v])
			want := 404
			if v == "anonymous" {
				want = 401
			} else if sees(v, st) {
				want = 200
			}
			if r.Status != want {
				t.Errorf("%s GET %s practice: %d, want %d", v, st, r.Status, want)
			}
			if listed[ids[st]] != (r.Status == 200) {
				t.Errorf("%s: %s practice listed=%v but GET %d", v, st, listed[ids[st]], r.Status)
			}
			// Anything reachable through a practice is as hidden as the practice itself.
			for _, sub := range []string{"/revisions", "/comments"} {
				sr := w.get("/api/v1/practices/"+ids[st]+sub, w.tok[v])
				if (sr.Status == 200) != (r.Status == 200) {
					t.Errorf("%s GET %s%s: %d while the practice is %d", v, st, sub, sr.Status, r.Status)
				}
			}
		}
	}
	// The public catalogue: published only, no contact e-mail.
	pub := must(t, w.get("/api/v1/public/practices", ""), 200).json(t)
	if pub["total"].(float64) != 1 || pub["items"].([]any)[0].(map[string]any)["id"] != ids[domain.StatusPublished] {
		t.Fatalf("public catalogue: %v", pub)
	}
	one := must(t, w.get("/api/v1/public/practices/"+ids[domain.StatusPublished], ""), 200)
	if strings.Contains(string(one.Body), "els@example.org") {
		t.Fatal("the public catalogue shows the contact e-mail")
	}
	must(t, w.get("/api/v1/public/practices/"+ids[domain.StatusSubmitted], ""), 404)
	// A programme without a public catalogue shows nothing publicly.
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = false WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	must(t, w.get("/api/v1/public/practices/"+ids[domain.StatusPublished], ""), 404)
}

func TestOnlyTheOwningOrganisationEdits(t *testing.T) {
	w := newWorld(t)
	id := w.createPractice(w.tok["partner"], fullPractice("Ours", "en"))["id"].(string)
	w.setStatus(id, domain.StatusRevisionRequested)
	patch := func(token string) int {
		v := w.get("/api/v1/practices/"+id, w.tok["partner"]).Header.Get("ETag")
		return w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: token, header: map[string]string{"If-Match": v}, body: map[string]any{"summary": "x"}}).Status
	}
	for role, want := range map[string]int{"coordinator": 403, "reviewer": 404, "outsider": 404, "partner": 200} {
		if got := patch(w.tok[role]); got != want {
			t.Errorf("%s editing another organisation's practice: %d, want %d", role, got, want)
		}
	}
	// Reviewers and coordinators cannot start practices; partners can.
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/practices"
	must(t, w.do(req{method: "POST", path: path, token: w.tok["reviewer"], body: fullPractice("R", "en")}), 403)
	must(t, w.do(req{method: "POST", path: path, token: w.tok["outsider"], body: fullPractice("O", "en")}), 404)
}

func TestTranslationsNeedThePracticeVersion(t *testing.T) {
	w := newWorld(t)
	p := w.createPractice(w.tok["partner"], fullPractice("Employer network", "en"))
	id := p["id"].(string)
	productID := p["products"].([]any)[0].(map[string]any)["id"].(string)
	path := "/api/v1/practices/" + id + "/translations/nl"
	body := map[string]any{"status": "machine", "title": "Werkgeversnetwerk", "summary": "Een netwerk van werkgevers",
		"products": []map[string]any{{"id": productID, "name": "Re-integratieplan"}}}
	must(t, w.do(req{method: "PUT", path: path, token: w.tok["partner"], body: body}), 428)
	r := must(t, w.do(req{method: "PUT", path: path, token: w.tok["partner"], header: map[string]string{"If-Match": `"1"`}, body: body}), 200)
	if r.Header.Get("ETag") != `"2"` {
		t.Fatalf("translation did not bump the practice version: %s", r.Header.Get("ETag"))
	}
	must(t, w.do(req{method: "PUT", path: path, token: w.tok["partner"], header: map[string]string{"If-Match": `"1"`}, body: body}), 412)
	must(t, w.do(req{method: "PUT", path: "/api/v1/practices/" + id + "/translations/en", token: w.tok["partner"], header: map[string]string{"If-Match": `"2"`}, body: body}), 400)
	got := must(t, w.get(path, w.tok["partner"]), 200).json(t)
	if got["status"] != "machine" || got["title"] != "Werkgeversnetwerk" {
		t.Fatalf("translation: %v", got)
	}
	full := must(t, w.get("/api/v1/practices/"+id, w.tok["partner"]), 200).json(t)
	if len(full["translations"].([]any)) != 1 {
		t.Fatalf("translations on the practice: %v", full["translations"])
	}
	must(t, w.get("/api/v1/practices/"+id+"/translations/fr", w.tok["partner"]), 404)
	// The translation is searchable in its own language.
	res := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/practices?q=werkgevers", w.tok["partner"]), 200).json(t)
	if res["total"].(float64) != 1 {
		t.Fatalf("search found %v through the translation", res["total"])
	}
}

func TestComments(t *testing.T) {
	w := newWorld(t)
	id := w.createPractice(w.tok["partner"], fullPractice("Discussed", "en"))["id"].(string)
	w.setStatus(id, domain.StatusPublished)
	path := "/api/v1/practices/" + id + "/comments"
	first := must(t, w.do(req{method: "POST", path: path, token: w.tok["reviewer"], body: map[string]any{"body": "How do you reach small employers?"}}), 201).json(t)
	reply := must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], body: map[string]any{"body": "Through the sector fund.", "parent_id": first["id"]}}), 201).json(t)
	if reply["parent_id"] != first["id"] || reply["author"].(map[string]any)["name"] != "partner" {
		t.Fatalf("reply: %v", reply)
	}
	must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], body: map[string]any{"body": "x", "parent_id": uuid.NewString()}}), 400)
	must(t, w.do(req{method: "POST", path: path, token: w.tok["partner"], body: map[string]any{"body": "   "}}), 400)
	must(t, w.do(req{method: "POST", path: path, token: w.tok["outsider"], body: map[string]any{"body": "hi"}}), 404)
	cid := first["id"].(string)
	// Only the author edits; the coordinator may remove.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/comments/" + cid, token: w.tok["partner"], header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"body": "hijack"}}), 403)
	edited := must(t, w.do(req{method: "PATCH", path: "/api/v1/comments/" + cid, token: w.tok["reviewer"], header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"body": "How do you reach small firms?"}}), 200).json(t)
	if edited["edited_at"] == nil || edited["body"] != "How do you reach small firms?" {
		t.Fatalf("edited: %v", edited)
	}
	must(t, w.do(req{method: "DELETE", path: "/api/v1/comments/" + cid, token: w.tok["partner"]}), 403)
	must(t, w.do(req{method: "DELETE", path: "/api/v1/comments/" + cid, token: w.tok["coordinator"]}), 204)
	list := must(t, w.get(path, w.tok["reviewer"]), 200).json(t)["items"].([]any)
	if len(list) != 2 || list[0].(map[string]any)["deleted"] != true || list[0].(map[string]any)["body"] != "" || list[1].(map[string]any)["parent_id"] != cid {
		t.Fatalf("thread after removal: %v", list)
	}
}

// The organisation shown with a practice is the organisation's own, with its own country, even
// when the practice runs elsewhere; and a sign-in answers with the user's organisation.
func TestOrganisationShownWithItsOwnCountry(t *testing.T) {
	w := newWorld(t)
	body := fullPractice("Runs in Belgium", "en")
	body["country"] = "BE"
	p := w.createPractice(w.tok["partner"], body)
	if p["country"] != "BE" || p["organisation"].(map[string]any)["country"] != "NL" {
		t.Fatalf("practice country %v, organisation %v", p["country"], p["organisation"])
	}
	login := must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.partner.Email, "password": testPassword}}), 200).json(t)
	if org := login["user"].(map[string]any)["organisation"].(map[string]any); org["country"] != "NL" || org["name"] != "Werkbrug" {
		t.Fatalf("sign-in user organisation: %v", org)
	}
}
