package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// reviewWorld is a programme with partners and reviewers in several countries and one submitted
// practice by the Dutch partner.
type reviewWorld struct {
	*world
	orgDE, orgFI, orgIE domain.Organisation
	revDE, revFI, revIE domain.User
	practiceID          string
	rubricID            string
}

func newReviewWorld(t *testing.T) *reviewWorld { return reviewWorldOn(newWorld(t)) }

func reviewWorldOn(base *world) *reviewWorld {
	t := base.t
	w := &reviewWorld{world: base}
	w.orgDE, w.orgFI, w.orgIE = w.org("Netzwerk", "DE"), w.org("Tyokyky", "FI"), w.org("WorkWell", "IE")
	w.revDE = w.user("rev.de@example.org", w.orgDE, false)
	w.revFI = w.user("rev.fi@example.org", w.orgFI, false)
	w.revIE = w.user("rev.ie@example.org", w.orgIE, false)
	for _, u := range []domain.User{w.revDE, w.revFI, w.revIE} {
		w.member(w.prog, u, domain.RoleReviewer)
	}
	// The French reviewer of the base world also reviews.
	w.tok["rev.de"], w.tok["rev.fi"], w.tok["rev.ie"] = w.login(w.revDE.Email), w.login(w.revFI.Email), w.login(w.revIE.Email)
	if err := w.svc.EnsureDefaultRubric(context.Background(), w.prog.ID); err != nil {
		t.Fatal(err)
	}
	rubrics := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/rubrics", w.tok["coordinator"]), 200).json(t)["items"].([]any)
	w.rubricID = rubrics[0].(map[string]any)["id"].(string)
	p := w.createPractice(w.tok["partner"], fullPractice("Employer network", "en"))
	w.practiceID = p["id"].(string)
	must(t, w.action(w.tok["partner"], w.practiceID, "submit"), 200)
	return w
}

func (w *reviewWorld) newRound(blind bool) string {
	w.t.Helper()
	r := must(w.t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": "Spring round", "due_at": time.Now().Add(14 * 24 * time.Hour).UTC().Format(time.RFC3339), "reviewers_per_practice": 2, "max_load": 3,
		"blind": blind, "cross_border": true,
	}}), 201).json(w.t)
	id := r["id"].(string)
	must(w.t, w.do(req{method: "POST", path: "/api/v1/rounds/" + id + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{w.practiceID}}}), 200)
	return id
}

func (w *reviewWorld) assignment(round, reviewer string) string {
	w.t.Helper()
	r := must(w.t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
		body: map[string]any{"practice_id": w.practiceID, "reviewer_id": reviewer}}), 201).json(w.t)
	return r["id"].(string)
}

// completeReview answers every criterion of the default rubric with value.
func completeReview(value float64) map[string]any {
	var scores []map[string]any
	for _, c := range domain.DefaultCriteria() {
		v := value
		if c.Gate() {
			v = 1
		}
		scores = append(scores, map[string]any{"criterion_key": c.Key, "value": v, "comment": "Because of the evidence given."})
	}
	return map[string]any{
		"scores": scores, "strengths": "Clear roles.", "improvements": "Measure outcomes longer.",
		"transferability": map[string]any{"rating": 4, "conditions": "Needs an employer network."},
		"answers":         []map[string]any{{"question": "How would this work in your country?", "answer": "Through the chambers of commerce."}},
		"recommendation":  "good_practice", "confidence": 4,
	}
}

// review accepts, writes and submits a review as the reviewer with token.
func (w *reviewWorld) review(token, assignment string, value float64) {
	w.t.Helper()
	must(w.t, w.do(req{method: "POST", path: "/api/v1/assignments/" + assignment + "/accept", token: token}), 200)
	cur := must(w.t, w.get("/api/v1/assignments/"+assignment+"/review", token), 200)
	must(w.t, w.do(req{method: "PUT", path: "/api/v1/assignments/" + assignment + "/review", token: token, header: map[string]string{"If-Match": cur.Header.Get("ETag")},
		body: completeReview(value)}), 200)
	must(w.t, w.do(req{method: "POST", path: "/api/v1/assignments/" + assignment + "/review/submit", token: token}), 200)
}

func TestDefaultRubricAndVersioning(t *testing.T) {
	w := newReviewWorld(t)
	r := must(t, w.get("/api/v1/rubrics/"+w.rubricID, w.tok["partner"]), 200).json(t)
	tiers := map[string]int{}
	for _, c := range r["criteria"].([]any) {
		cm := c.(map[string]any)
		tiers[cm["tier"].(string)]++
		scale := cm["scale"].(map[string]any)
		if levels := len(cm["levels"].([]any)); levels != int(scale["max"].(float64)-scale["min"].(float64))+1 {
			t.Fatalf("criterion %s has %d levels for its scale", cm["key"], levels)
		}
	}
	if tiers["gate"] != 4 || tiers["core"] != 2 || tiers["qualifier"] != 4 || r["status"] != "active" {
		t.Fatalf("default rubric: %v, status %v", tiers, r["status"])
	}
	// Editable while unused; an unusable edit is refused with the field named.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/rubrics/" + w.rubricID, token: w.tok["partner"], header: map[string]string{"If-Match": `"` + fmt.Sprint(r["version"]) + `"`}, body: map[string]any{"title": "x"}}), 403)
	bad := r["criteria"].([]any)[4].(map[string]any)
	bad["levels"] = bad["levels"].([]any)[:2]
	res := must(t, w.do(req{method: "PATCH", path: "/api/v1/rubrics/" + w.rubricID, token: w.tok["coordinator"], header: map[string]string{"If-Match": `"` + fmt.Sprint(r["version"]) + `"`},
		body: map[string]any{"criteria": []any{bad}}}), 400)
	if !strings.Contains(string(res.Body), "criteria[0].levels") {
		t.Fatalf("rubric validation: %s", res.Body)
	}
	tag := w.get("/api/v1/rubrics/"+w.rubricID, w.tok["coordinator"]).Header.Get("ETag")
	must(t, w.do(req{method: "PATCH", path: "/api/v1/rubrics/" + w.rubricID, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag}, body: map[string]any{"title": "Our rubric"}}), 200)
	// Once a round uses it, it is frozen; a new version is made from it.
	w.newRound(true)
	tag = w.get("/api/v1/rubrics/"+w.rubricID, w.tok["coordinator"]).Header.Get("ETag")
	frozen := must(t, w.do(req{method: "PATCH", path: "/api/v1/rubrics/" + w.rubricID, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag}, body: map[string]any{"title": "Changed"}}), 409)
	if frozen.code() != "rubric_in_use" {
		t.Fatal(string(frozen.Body))
	}
	v2 := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rubrics", token: w.tok["coordinator"],
		body: map[string]any{"title": "Version 2", "based_on": w.rubricID}}), 201).json(t)
	if v2["number"].(float64) != 2 || len(v2["criteria"].([]any)) != 10 || v2["status"] != "draft" {
		t.Fatalf("new version: %v", v2)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/rubrics/" + v2["id"].(string) + "/activate", token: w.tok["coordinator"]}), 200)
	old := must(t, w.get("/api/v1/rubrics/"+w.rubricID, w.tok["coordinator"]), 200).json(t)
	if old["status"] != "retired" {
		t.Fatalf("previous rubric after activating v2: %v", old["status"])
	}
}

func TestManualAssignmentRules(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	// A reviewer from the practice's own organisation, one from the same country, one who
	// declared a conflict, one who reads no English, and a partner who is not a reviewer.
	colleague := w.user("colleague.rev@example.org", w.orgNL, false)
	w.member(w.prog, colleague, domain.RoleReviewer)
	orgNL2 := w.org("Other Dutch", "NL")
	dutch := w.user("dutch.rev@example.org", orgNL2, false)
	w.member(w.prog, dutch, domain.RoleReviewer)
	conflicted := w.user("conflicted@example.org", w.orgFR, false)
	w.member(w.prog, conflicted, domain.RoleReviewer)
	if err := w.store.DeclareConflict(context.Background(), conflicted.ID, w.orgNL.ID, "former employee"); err != nil {
		t.Fatal(err)
	}
	finnishOnly := w.user("fi.only@example.org", w.orgFI, false)
	w.member(w.prog, finnishOnly, domain.RoleReviewer)
	if _, err := w.db.SQL().Exec(`UPDATE users SET languages = '["fi"]' WHERE id = $1`, finnishOnly.ID); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		reviewer uuid.UUID
		code     string
	}{
		{colleague.ID, "conflict_same_organisation"},
		{dutch.ID, "conflict_same_country"},
		{conflicted.ID, "conflict_declared"},
		{finnishOnly.ID, "language_mismatch"},
		{w.partner.ID, "not_a_reviewer"},
	}
	for _, c := range cases {
		r := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
			body: map[string]any{"practice_id": w.practiceID, "reviewer_id": c.reviewer}}), 409)
		if r.code() != c.code {
			t.Errorf("reviewer %s: code %s, want %s", c.reviewer, r.code(), c.code)
		}
	}
	w.assignment(round, w.revDE.ID.String())
	dup := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
		body: map[string]any{"practice_id": w.practiceID, "reviewer_id": w.revDE.ID}}), 409)
	if dup.code() != "already_assigned" {
		t.Fatal(string(dup.Body))
	}
	// Overload: max_load 1 and a second practice.
	tag := w.get("/api/v1/rounds/"+round, w.tok["coordinator"]).Header.Get("ETag")
	must(t, w.do(req{method: "PATCH", path: "/api/v1/rounds/" + round, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag}, body: map[string]any{"max_load": 1}}), 200)
	second := w.createPractice(w.tok["partner"], fullPractice("Second", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	over := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
		body: map[string]any{"practice_id": second, "reviewer_id": w.revDE.ID}}), 409)
	if over.code() != "reviewer_overloaded" {
		t.Fatal(string(over.Body))
	}
	// Only submitted practices join a round.
	draft := w.createPractice(w.tok["partner"], fullPractice("Draft", "en"))["id"].(string)
	nr := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{draft}}}), 409)
	if nr.code() != "practice_not_submitted" {
		t.Fatal(string(nr.Body))
	}
}

func TestAutoAssignProposesThenCommits(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	before := countRows(t, w.world, "assignments")
	proposal := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": true}}), 200).json(t)
	items := proposal["assignments"].([]any)
	if len(items) != 2 || countRows(t, w.world, "assignments") != before {
		t.Fatalf("dry run: %v", proposal)
	}
	countries := map[string]bool{}
	for _, it := range items {
		m := it.(map[string]any)
		countries[m["reviewer_country"].(string)] = true
		if m["explanation"] == "" {
			t.Fatal("a proposal without explanation")
		}
	}
	if len(countries) != 2 || countries["NL"] {
		t.Fatalf("reviewers' countries: %v", countries)
	}
	committed := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": false}}), 200).json(t)
	if len(committed["assignments"].([]any)) != 2 || countRows(t, w.world, "assignments") != before+2 {
		t.Fatalf("commit: %v", committed)
	}
	// Without saying whether it is a dry run, nothing is committed.
	for _, body := range []any{nil, map[string]any{}, map[string]any{"dry_run": nil}} {
		r := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["coordinator"], body: body}), 400)
		if body != nil && r.fieldError(t, "dry_run") == "" {
			t.Fatalf("auto-assign %v: %s", body, r.Body)
		}
	}
	// Running again keeps what exists and adds nothing.
	again := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": false}}), 200).json(t)
	if len(again["assignments"].([]any)) != 0 || countRows(t, w.world, "assignments") != before+2 {
		t.Fatalf("second run: %v", again)
	}
	// Reviewers and partners cannot run it; outsiders do not see the round.
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["rev.de"], body: map[string]any{"dry_run": true}}), 403)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["outsider"], body: map[string]any{"dry_run": true}}), 404)
}

func TestReviewLifecycle(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	a := w.assignment(round, w.revDE.ID.String())
	// Not visible to the reviewer before the round opens.
	must(t, w.get("/api/v1/assignments/"+a+"/review", w.tok["rev.de"]), 404)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	p := must(t, w.get("/api/v1/practices/"+w.practiceID, w.tok["rev.de"]), 200).json(t)
	if p["status"] != "in_review" {
		t.Fatalf("practice status after opening: %v", p["status"])
	}
	inbox := must(t, w.get("/api/v1/me/assignments?status=open", w.tok["rev.de"]), 200).json(t)
	if inbox["total"].(float64) != 1 {
		t.Fatalf("inbox: %v", inbox)
	}
	cur := must(t, w.get("/api/v1/assignments/"+a+"/review", w.tok["rev.de"]), 200)
	if cur.json(t)["status"] != "draft" || cur.Header.Get("ETag") == "" {
		t.Fatal("the review should exist as a draft with an ETag")
	}
	put := func(body map[string]any, tag string) response {
		return w.do(req{method: "PUT", path: "/api/v1/assignments/" + a + "/review", token: w.tok["rev.de"], header: map[string]string{"If-Match": tag}, body: body})
	}
	r := must(t, put(completeReview(3), cur.Header.Get("ETag")), 409)
	if r.code() != "assignment_state" {
		t.Fatal(string(r.Body))
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/accept", token: w.tok["rev.de"]}), 200)
	must(t, put(map[string]any{"scores": []map[string]any{{"criterion_key": "equity", "value": 9}}}, cur.Header.Get("ETag")), 400)
	must(t, put(map[string]any{"scores": []map[string]any{{"criterion_key": "astrology", "value": 1}}}, cur.Header.Get("ETag")), 400)
	saved := must(t, put(map[string]any{"scores": []map[string]any{{"criterion_key": "equity", "value": 3}}, "strengths": "Good"}, cur.Header.Get("ETag")), 200)
	must(t, put(map[string]any{"strengths": "stale"}, cur.Header.Get("ETag")), 412)
	inc := must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/review/submit", token: w.tok["rev.de"]}), 422)
	if inc.code() != "review_incomplete" || !strings.Contains(string(inc.Body), "scores.relevance") || !strings.Contains(string(inc.Body), "answers[0]") {
		t.Fatalf("incomplete submit: %s", inc.Body)
	}
	must(t, put(completeReview(3), saved.Header.Get("ETag")), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/review/submit", token: w.tok["rev.de"]}), 200)
	// Read-only after submission, until a coordinator reopens it.
	tag := w.get("/api/v1/assignments/"+a+"/review", w.tok["rev.de"]).Header.Get("ETag")
	locked := must(t, put(completeReview(4), tag), 409)
	if locked.code() != "review_locked" {
		t.Fatal(string(locked.Body))
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/review/reopen", token: w.tok["rev.de"]}), 403)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/review/reopen", token: w.tok["coordinator"]}), 200)
	tag = w.get("/api/v1/assignments/"+a+"/review", w.tok["rev.de"]).Header.Get("ETag")
	must(t, put(completeReview(4), tag), 200)
	// After the deadline only a coordinator can extend it.
	if _, err := w.db.SQL().Exec(`UPDATE assignments SET due_at = now() - interval '1 hour' WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	tag = w.get("/api/v1/assignments/"+a+"/review", w.tok["rev.de"]).Header.Get("ETag")
	over := must(t, put(completeReview(4), tag), 409)
	if over.code() != "review_overdue" {
		t.Fatal(string(over.Body))
	}
	atag := must(t, w.get("/api/v1/rounds/"+round+"/assignments", w.tok["coordinator"]), 200).json(t)["items"].([]any)[0].(map[string]any)["version"]
	ifm := map[string]string{"If-Match": fmt.Sprintf(`"%v"`, atag)}
	must(t, w.do(req{method: "PATCH", path: "/api/v1/assignments/" + a, token: w.tok["rev.de"], header: ifm, body: map[string]any{"due_at": time.Now().Add(48 * time.Hour)}}), 403)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/assignments/" + a, token: w.tok["coordinator"], header: ifm, body: map[string]any{"due_at": time.Now().Add(48 * time.Hour)}}), 200)
	must(t, put(completeReview(4), tag), 200)
}

func TestDeclineWithConflictIsRemembered(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	a := w.assignment(round, w.revDE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/decline", token: w.tok["rev.de"], body: map[string]any{}}), 400)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/decline", token: w.tok["rev.de"], body: map[string]any{"reason": "I advised them last year", "conflict": true}}), 200)
	// The declined reviewer is not proposed again, and the conflict now blocks manual assignment.
	p := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": true}}), 200).json(t)
	for _, it := range p["assignments"].([]any) {
		if it.(map[string]any)["reviewer_id"] == w.revDE.ID.String() {
			t.Fatal("a reviewer who declined was proposed again")
		}
	}
	second := w.createPractice(w.tok["partner"], fullPractice("Another", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	r := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"], body: map[string]any{"practice_id": second, "reviewer_id": w.revDE.ID}}), 409)
	if r.code() != "conflict_declared" {
		t.Fatal(string(r.Body))
	}
}

// TestReviewVisibilityAndBlindness: peers see each other's reviews only after submitting their
// own; the organisation sees them only after the decision, and in a blind round nothing it can
// receive names a reviewer.
func TestReviewVisibilityAndBlindness(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	reviews := func(token string) []any {
		return must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", token), 200).json(t)["reviews"].([]any)
	}
	w.review(w.tok["rev.de"], aDE, 3)
	// A reviewer comments on the practice during the round.
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.de"], body: map[string]any{"body": "Which employers joined first?"}}), 201)
	if n := len(reviews(w.tok["rev.fi"])); n != 0 {
		t.Fatalf("a reviewer saw %d reviews before submitting their own", n)
	}
	if n := len(reviews(w.tok["partner"])); n != 0 {
		t.Fatalf("the organisation saw %d reviews before the decision", n)
	}
	if n := len(reviews(w.tok["coordinator"])); n != 1 {
		t.Fatalf("coordinator sees %d reviews", n)
	}
	w.review(w.tok["rev.fi"], aFI, 4)
	if n := len(reviews(w.tok["rev.fi"])); n != 2 {
		t.Fatalf("after submitting, a reviewer sees %d reviews", n)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/response", token: w.tok["partner"], body: map[string]any{"round_id": round, "body": "Thanks"}}), 409)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["partner"],
		body: map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong"}}), 403)
	d := must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Two reviewers from other countries found it strong."}}), 200).json(t)
	if d["status"] != "published" || d["decision"].(map[string]any)["outcome"] != "good_practice" {
		t.Fatalf("after decision: %v %v", d["status"], d["decision"])
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/response", token: w.tok["partner"], body: map[string]any{"round_id": round, "body": "Thank you, we will measure outcomes longer."}}), 201)
	orgView := reviews(w.tok["partner"])
	if len(orgView) != 2 {
		t.Fatalf("the organisation sees %d reviews after the decision", len(orgView))
	}
	// The blind scan: everything the organisation can receive is searched for every reviewer's
	// id, name and e-mail.
	var blob strings.Builder
	for _, path := range []string{
		"/api/v1/practices/" + w.practiceID + "/reviews", "/api/v1/practices/" + w.practiceID, "/api/v1/practices/" + w.practiceID + "/comments",
		"/api/v1/practices/" + w.practiceID + "/revisions", "/api/v1/me/notifications?page_size=100", "/api/v1/programmes/" + w.prog.ID.String() + "/practices",
	} {
		r := must(t, w.get(path, w.tok["partner"]), 200)
		blob.Write(r.Body)
		for k, v := range r.Header {
			blob.WriteString(k + ": " + strings.Join(v, ",") + "\n")
		}
	}
	for _, u := range []domain.User{w.revDE, w.revFI} {
		for _, secret := range []string{u.ID.String(), u.Name, u.Email, aDE, aFI} {
			if strings.Contains(blob.String(), secret) {
				t.Fatalf("the organisation can see %q of a blind reviewer", secret)
			}
		}
	}
	if !strings.Contains(blob.String(), "Reviewer A") || !strings.Contains(blob.String(), "Which employers joined first?") {
		t.Fatal("the anonymised reviews and comments should still be there")
	}
	// The round is decided once every practice in it is.
	if st := must(t, w.get("/api/v1/rounds/"+round, w.tok["coordinator"]), 200).json(t)["status"]; st != "decided" {
		t.Fatalf("round status %v", st)
	}
}

func TestOpenRoundShowsNamesToTheOrganisation(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(false)
	a := w.assignment(round, w.revIE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.ie"], a, 2)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "revision_requested", "rationale": "Please add outcome data."}}), 200)
	body := string(must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", w.tok["partner"]), 200).Body)
	if !strings.Contains(body, w.revIE.Name) {
		t.Fatal("in an open (not blind) round the organisation should see who reviewed")
	}
	p := must(t, w.get("/api/v1/practices/"+w.practiceID, w.tok["partner"]), 200).json(t)
	if p["status"] != "revision_requested" || !strings.Contains(fmt.Sprint(p["allowed_actions"]), "edit") {
		t.Fatalf("after revision requested: %v %v", p["status"], p["allowed_actions"])
	}
}

func TestResultsAndAgreement(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], aDE, 2) // every scored criterion 2 of 1–4 → 33.3
	w.review(w.tok["rev.fi"], aFI, 4) // every scored criterion 4 → 100
	must(t, w.get("/api/v1/rounds/"+round+"/results", w.tok["rev.de"]), 403)
	res := must(t, w.get("/api/v1/rounds/"+round+"/results", w.tok["coordinator"]), 200).json(t)
	p := res["practices"].([]any)[0].(map[string]any)
	// One practice: the round's SEM is estimated from its own two reviews (66.7/√2 = 47.1), and the
	// range of two values never exceeds 2.77 times that (1.96 × the range): no flag.
	if p["reviews"].(float64) != 2 || p["gates_passed"] != true || p["weighted_score"].(float64) != 66.7 || p["spread_flag"] != false || p["suggest_extra_reviewer"] != false ||
		p["spread_limit"].(float64) != 130.7 || p["reviewer_adjusted_score"].(float64) != 66.7 {
		t.Fatalf("practice result: %v", p)
	}
	var equity map[string]any
	for _, c := range p["criteria"].([]any) {
		if c.(map[string]any)["key"] == "equity" {
			equity = c.(map[string]any)
		}
	}
	if equity["mean"].(float64) != 3 || equity["min"].(float64) != 2 || equity["max"].(float64) != 4 || equity["median"].(float64) != 3 {
		t.Fatalf("equity summary: %v", equity)
	}
	completion := res["completion"].(map[string]any)
	if completion["submitted"].(float64) != 2 || completion["practices"].(float64) != 1 {
		t.Fatalf("completion: %v", completion)
	}
	// One practice on which the two reviewers disagree: Krippendorff's alpha is exactly 0
	// (observed disagreement equals expected disagreement), and one practice is too little to
	// read it as low agreement (SPEC §7.3).
	b, _ := json.Marshal(res["agreement"])
	agreement := res["agreement"].(map[string]any)
	ws := agreement["weighted_score"].(map[string]any)
	if agreement["weighted_score_alpha"] != float64(0) || ws["alpha"] != float64(0) || ws["reading"] != "too_few_units" || ws["units"] != float64(1) {
		t.Fatalf("agreement on the weighted score with one practice: %s", b)
	}
	found := false
	for _, c := range agreement["criteria"].([]any) {
		c := c.(map[string]any)
		if c["key"] == "equity" {
			found = c["alpha"] == float64(0) && c["units"] == float64(1) && c["pairable_values"] == float64(2) && c["reading"] == "too_few_units"
		}
	}
	if !found {
		t.Fatalf("agreement on equity with one practice: %s", b)
	}
}

// Two reviewers who agree exactly on each of two different practices: alpha is 1 for the
// weighted score and every criterion — which also checks that practices are the units and
// reviewers the coders.
func TestPerfectAgreementGivesAlphaOne(t *testing.T) {
	w := newReviewWorld(t)
	second := w.createPractice(w.tok["partner"], fullPractice("Second practice", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	round := w.newRound(true)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	assignTo := func(practice string, reviewer uuid.UUID) string {
		return must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
			body: map[string]any{"practice_id": practice, "reviewer_id": reviewer}}), 201).json(t)["id"].(string)
	}
	a1, a2 := assignTo(w.practiceID, w.revDE.ID), assignTo(w.practiceID, w.revFI.ID)
	b1, b2 := assignTo(second, w.revDE.ID), assignTo(second, w.revFI.ID)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], a1, 2)
	w.review(w.tok["rev.fi"], a2, 2)
	w.review(w.tok["rev.de"], b1, 4)
	w.review(w.tok["rev.fi"], b2, 4)
	res := must(t, w.get("/api/v1/rounds/"+round+"/results", w.tok["coordinator"]), 200).json(t)
	ag := res["agreement"].(map[string]any)
	if ag["weighted_score_alpha"].(float64) != 1 {
		t.Fatalf("weighted score alpha: %v", ag["weighted_score_alpha"])
	}
	for _, c := range ag["criteria"].([]any) {
		cm := c.(map[string]any)
		if cm["alpha"].(float64) != 1 || cm["units"].(float64) != 2 {
			t.Fatalf("criterion agreement: %v", cm)
		}
	}
	for _, p := range res["practices"].([]any) {
		if p.(map[string]any)["spread_flag"] != false {
			t.Fatalf("no spread expected: %v", p)
		}
	}
}

func TestNotificationsAndPreferences(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	w.assignment(round, w.revDE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	n := must(t, w.get("/api/v1/me/notifications", w.tok["rev.de"]), 200).json(t)
	if n["unread"].(float64) != 1 || n["items"].([]any)[0].(map[string]any)["kind"] != "assignment_created" {
		t.Fatalf("notifications: %v", n)
	}
	var jobs int
	_ = w.db.SQL().QueryRow(`SELECT count(*) FROM jobs WHERE kind = 'email'`).Scan(&jobs)
	if jobs != 1 {
		t.Fatalf("e-mail jobs queued: %d", jobs)
	}
	// An empty request is not "everything".
	must(t, w.do(req{method: "POST", path: "/api/v1/me/notifications/read", token: w.tok["rev.de"]}), 400)
	must(t, w.do(req{method: "POST", path: "/api/v1/me/notifications/read", token: w.tok["rev.de"], body: map[string]any{}}), 400)
	if must(t, w.get("/api/v1/me/notifications", w.tok["rev.de"]), 200).json(t)["unread"].(float64) == 0 {
		t.Fatal("an empty request marked notifications read")
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/me/notifications/read", token: w.tok["rev.de"], body: map[string]any{"all": true}}), 204)
	if must(t, w.get("/api/v1/me/notifications", w.tok["rev.de"]), 200).json(t)["unread"].(float64) != 0 {
		t.Fatal("notifications not marked read")
	}
	must(t, w.do(req{method: "PUT", path: "/api/v1/me/notification-preferences", token: w.tok["rev.fi"], body: map[string]any{"email": "weekly"}}), 400)
	must(t, w.do(req{method: "PUT", path: "/api/v1/me/notification-preferences", token: w.tok["rev.fi"], body: map[string]any{"email": "daily"}}), 200)
	if must(t, w.get("/api/v1/me/notification-preferences", w.tok["rev.fi"]), 200).json(t)["email"] != "daily" {
		t.Fatal("preference not stored")
	}
	w.assignment(round, w.revFI.ID.String())
	_ = w.db.SQL().QueryRow(`SELECT count(*) FROM jobs WHERE kind = 'email'`).Scan(&jobs)
	if jobs != 1 {
		t.Fatalf("a daily-digest reader got an immediate e-mail job (%d jobs)", jobs)
	}
}

func TestCommentsNotifyThePracticeOrganisationWithoutNamingTheAuthor(t *testing.T) {
	w := newReviewWorld(t)
	w.setStatus(w.practiceID, domain.StatusPublished)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.fi"], body: map[string]any{"body": "Interesting"}}), 201)
	n := must(t, w.get("/api/v1/me/notifications", w.tok["partner"]), 200)
	items := n.json(t)["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["kind"] != "comment_on_practice" {
		t.Fatalf("notifications of the practice's organisation: %s", n.Body)
	}
	if strings.Contains(string(n.Body), w.revFI.Name) || strings.Contains(string(n.Body), w.revFI.ID.String()) {
		t.Fatal("the notification names the commenter")
	}
	// Commenting on your own organisation's practice notifies nobody.
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["partner"], body: map[string]any{"body": "Thanks"}}), 201)
	if got := must(t, w.get("/api/v1/me/notifications", w.tok["partner"]), 200).json(t)["total"].(float64); got != 1 {
		t.Fatalf("notifications after an own comment: %v", got)
	}
}
