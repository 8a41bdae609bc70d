package httpapi_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// rebuttalRound is a round of the review world whose rebuttal ends two days after its due_at.
func (w *reviewWorld) rebuttalRound(blind bool) string {
	w.t.Helper()
	id := w.newRound(blind)
	cur := must(w.t, w.get("/api/v1/rounds/"+id, w.tok["coordinator"]), 200)
	due, err := time.Parse(time.RFC3339, cur.json(w.t)["due_at"].(string))
	if err != nil {
		w.t.Fatal(err)
	}
	r := must(w.t, w.do(req{method: "PATCH", path: "/api/v1/rounds/" + id, token: w.tok["coordinator"], header: map[string]string{"If-Match": cur.Header.Get("ETag")},
		body: map[string]any{"rebuttal_due_at": due.Add(48 * time.Hour).Format(time.RFC3339)}}), 200).json(w.t)
	if r["rebuttal_due_at"] == nil || r["reviews_released_at"] != nil {
		w.t.Fatalf("round after setting its rebuttal deadline: %v", r)
	}
	return id
}

func (w *reviewWorld) release(round string, force bool, token string) response {
	w.t.Helper()
	return w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/release-reviews", token: token, body: map[string]any{"force": force}})
}

func (w *reviewWorld) respond(round, token, body string) response {
	w.t.Helper()
	return w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/response", token: token, body: map[string]any{"round_id": round, "body": body}})
}

func problemField(t *testing.T, r response) string {
	t.Helper()
	errs, _ := r.json(t)["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	return errs[0].(map[string]any)["field"].(string)
}

func TestRebuttalDeadlineMustFollowDueAt(t *testing.T) {
	w := newReviewWorld(t)
	due := time.Now().Add(10 * 24 * time.Hour).UTC().Truncate(time.Second)
	at := func(d time.Duration) string { return due.Add(d).Format(time.RFC3339) }
	round := func(rebuttal any) map[string]any {
		return map[string]any{"name": "Autumn round", "due_at": due.Format(time.RFC3339), "reviewers_per_practice": 2, "max_load": 3, "rebuttal_due_at": rebuttal}
	}
	created := ""
	for _, c := range []struct {
		name     string
		rebuttal any
		status   int
	}{
		{"on due_at", at(0), 422},
		{"before due_at", at(-time.Hour), 422},
		{"without a rebuttal", nil, 201},
		{"after due_at", at(72 * time.Hour), 201},
	} {
		t.Run("create "+c.name, func(t *testing.T) {
			r := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: round(c.rebuttal)}), c.status)
			if c.status == 422 {
				if r.code() != "schedule_invalid" || problemField(t, r) != "rebuttal_due_at" {
					t.Fatalf("refusal: %s", r.Body)
				}
				return
			}
			if got := r.json(t)["rebuttal_due_at"]; fmt.Sprint(got) != fmt.Sprint(c.rebuttal) {
				t.Fatalf("rebuttal_due_at = %v, want %v", got, c.rebuttal)
			}
			created = r.json(t)["id"].(string)
		})
	}
	for _, c := range []struct {
		name   string
		body   map[string]any
		status int
	}{
		{"rebuttal before due_at", map[string]any{"rebuttal_due_at": at(-24 * time.Hour)}, 422},
		{"due_at moved past the rebuttal", map[string]any{"due_at": at(96 * time.Hour)}, 422},
		{"rebuttal moved later", map[string]any{"rebuttal_due_at": at(120 * time.Hour)}, 200},
		{"rebuttal removed", map[string]any{"rebuttal_due_at": nil}, 200},
	} {
		t.Run("patch "+c.name, func(t *testing.T) {
			cur := must(t, w.get("/api/v1/rounds/"+created, w.tok["coordinator"]), 200)
			r := must(t, w.do(req{method: "PATCH", path: "/api/v1/rounds/" + created, token: w.tok["coordinator"], header: map[string]string{"If-Match": cur.Header.Get("ETag")}, body: c.body}), c.status)
			if c.status == 422 {
				if r.code() != "schedule_invalid" || problemField(t, r) != "rebuttal_due_at" {
					t.Fatalf("refusal: %s", r.Body)
				}
				// Nothing changed.
				if after := must(t, w.get("/api/v1/rounds/"+created, w.tok["coordinator"]), 200); after.Header.Get("ETag") != cur.Header.Get("ETag") {
					t.Fatal("a refused change moved the round's version")
				}
			}
		})
	}
	// A round without a rebuttal deadline cannot be released.
	r := w.newRound(true)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + r + "/open", token: w.tok["coordinator"]}), 200)
	if res := must(t, w.release(r, true, w.tok["coordinator"]), 422); problemField(t, res) != "rebuttal_due_at" {
		t.Fatalf("release without a rebuttal deadline: %s", res.Body)
	}
}

// TestRebuttalInABlindRound follows a blind round through the rebuttal: the organisation reads
// nothing before the release, reads its anonymised reviews after it, answers until the deadline
// and not after, and nothing it receives names a reviewer.
func TestRebuttalInABlindRound(t *testing.T) {
	w := newReviewWorld(t)
	round := w.rebuttalRound(true)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	reviews := func(token string) map[string]any {
		return must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", token), 200).json(t)
	}
	w.review(w.tok["rev.de"], aDE, 3)

	// Only coordinators release, and only with every review in unless they force it.
	must(t, w.release(round, false, w.tok["partner"]), 403)
	must(t, w.release(round, false, w.tok["outsider"]), 404)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/release-reviews", token: w.tok["coordinator"]}), 400)
	out := must(t, w.release(round, false, w.tok["coordinator"]), 409)
	if out.code() != "reviews_outstanding" || out.json(t)["params"].(map[string]any)["outstanding"] != float64(1) {
		t.Fatalf("release with a review outstanding: %s", out.Body)
	}
	if n := len(reviews(w.tok["partner"])["reviews"].([]any)); n != 0 {
		t.Fatalf("the organisation read %d reviews before the release", n)
	}
	if r := must(t, w.respond(round, w.tok["partner"], "Too early"), 409); r.code() != "not_decided" {
		t.Fatalf("a response before the release: %s", r.Body)
	}
	w.review(w.tok["rev.fi"], aFI, 4)
	rel := must(t, w.release(round, false, w.tok["coordinator"]), 200).json(t)
	if rel["status"] != "rebuttal" || rel["reviews_released_at"] == nil {
		t.Fatalf("released round: %v", rel)
	}
	if r := must(t, w.release(round, true, w.tok["coordinator"]), 409); r.code() != "invalid_status_transition" {
		t.Fatalf("a second release: %s", r.Body)
	}

	org := reviews(w.tok["partner"])
	if n := len(org["reviews"].([]any)); n != 2 {
		t.Fatalf("the organisation reads %d reviews in the rebuttal", n)
	}
	if len(org["responses"].([]any)) != 0 || len(org["decisions"].([]any)) != 0 {
		t.Fatalf("before any response or decision: %v", org)
	}
	if rb := org["rebuttals"].([]any); len(rb) != 1 || rb[0].(map[string]any)["open"] != true || rb[0].(map[string]any)["round_id"] != round {
		t.Fatalf("the organisation's rebuttals: %v", rb)
	}
	var released map[string]any
	for _, n := range must(t, w.get("/api/v1/me/notifications?page_size=100", w.tok["partner"]), 200).json(t)["items"].([]any) {
		if n := n.(map[string]any); n["kind"] == domain.NotifyReviewsReleased {
			released = n
		}
	}
	if released == nil || released["params"].(map[string]any)["rebuttal_due_at"] == "" {
		t.Fatalf("the organisation was not told of the release with its deadline: %v", released)
	}

	must(t, w.respond(round, w.tok["partner"], "Thank you; the cost table is in annex 2."), 201)
	// The reviewers read the response with their review and on the practice's reviews, and are told.
	own := must(t, w.get("/api/v1/assignments/"+aDE+"/review", w.tok["rev.de"]), 200).json(t)
	if rs, _ := own["responses"].([]any); len(rs) != 1 || rs[0].(map[string]any)["body"] != "Thank you; the cost table is in annex 2." || own["revisable"] != true {
		t.Fatalf("the reviewer's own review in the rebuttal: responses %v, revisable %v", own["responses"], own["revisable"])
	}
	if rs := reviews(w.tok["rev.fi"])["responses"].([]any); len(rs) != 1 {
		t.Fatalf("a reviewer sees %d responses on the practice's reviews", len(rs))
	}
	told := 0
	for _, n := range must(t, w.get("/api/v1/me/notifications?page_size=100", w.tok["rev.fi"]), 200).json(t)["items"].([]any) {
		if n.(map[string]any)["kind"] == domain.NotifyResponsePosted {
			told++
		}
	}
	if told != 1 {
		t.Fatalf("the reviewer was told of the response %d times", told)
	}

	// The blind scan: everything the organisation can receive, e-mails included, in every language.
	var blob strings.Builder
	for _, path := range []string{
		"/api/v1/practices/" + w.practiceID + "/reviews", "/api/v1/practices/" + w.practiceID, "/api/v1/me/notifications?page_size=100",
		"/api/v1/programmes/" + w.prog.ID.String() + "/practices",
	} {
		r := must(t, w.get(path, w.tok["partner"]), 200)
		blob.Write(r.Body)
		for k, v := range r.Header {
			blob.WriteString(k + ": " + strings.Join(v, ",") + "\n")
		}
		if strings.HasPrefix(path, "/api/v1/me/notifications") {
			var page struct {
				Items []struct {
					Kind   string
					Params map[string]string
				}
			}
			if err := json.Unmarshal(r.Body, &page); err != nil {
				t.Fatal(err)
			}
			for _, n := range page.Items {
				for _, lang := range domain.Locales {
					subject, body := service.Describe(domain.Notification{Kind: n.Kind, Params: n.Params}, lang)
					blob.WriteString(subject + "\n" + body + "\n")
				}
			}
		}
	}
	for _, u := range []domain.User{w.revDE, w.revFI} {
		for _, secret := range []string{u.ID.String(), u.Name, u.Email, aDE, aFI, w.orgDE.Name, w.orgFI.Name} {
			if strings.Contains(blob.String(), secret) {
				t.Fatalf("the organisation can see %q of a blind reviewer", secret)
			}
		}
	}
	if !strings.Contains(blob.String(), "Reviewer A") || !strings.Contains(blob.String(), "Reviewer B") {
		t.Fatal("the anonymised reviews should be there")
	}

	// After the rebuttal deadline the organisation can no longer respond, decided or not.
	if _, err := w.db.SQL().Exec(`UPDATE rounds SET due_at = now() - interval '2 days', rebuttal_due_at = now() - interval '1 minute' WHERE id = $1`, round); err != nil {
		t.Fatal(err)
	}
	if r := must(t, w.respond(round, w.tok["partner"], "One more thing"), 409); r.code() != "rebuttal_closed" {
		t.Fatalf("a response after the rebuttal: %s", r.Body)
	}
	if rb := reviews(w.tok["partner"])["rebuttals"].([]any); len(rb) != 1 || rb[0].(map[string]any)["open"] != false {
		t.Fatalf("the organisation's rebuttals after the deadline: %v", rb)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "promising_practice", "rationale": "Promising; outcomes still short."}}), 200)
	if r := must(t, w.respond(round, w.tok["partner"], "After the decision"), 409); r.code() != "rebuttal_closed" {
		t.Fatalf("a response after the rebuttal and the decision: %s", r.Body)
	}
	if st := must(t, w.get("/api/v1/rounds/"+round, w.tok["coordinator"]), 200).json(t)["status"]; st != "decided" {
		t.Fatalf("a round in rebuttal whose practices are all decided is %v", st)
	}
}

// criterionMean is the mean of one criterion in the round's results for the review world's practice.
func (w *reviewWorld) criterionMean(round, key string) (reviews, mean float64) {
	w.t.Helper()
	res := must(w.t, w.get("/api/v1/rounds/"+round+"/results", w.tok["coordinator"]), 200).json(w.t)
	p := res["practices"].([]any)[0].(map[string]any)
	for _, c := range p["criteria"].([]any) {
		if c := c.(map[string]any); c["key"] == key {
			mean = c["mean"].(float64)
		}
	}
	return p["reviews"].(float64), mean
}

// TestReviseOnceDuringTheRebuttal: a reviewer revises once, before the decision; the first
// submission is kept for the coordinators; results follow the revised review.
func TestReviseOnceDuringTheRebuttal(t *testing.T) {
	w := newReviewWorld(t)
	round := w.rebuttalRound(false)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], aDE, 2)
	w.review(w.tok["rev.fi"], aFI, 4)
	revise := func(assignment, token string) response {
		return w.do(req{method: "POST", path: "/api/v1/assignments/" + assignment + "/review/revise", token: token})
	}
	if r := must(t, revise(aDE, w.tok["rev.de"]), 409); r.code() != "round_not_in_rebuttal" {
		t.Fatalf("a revise before the release: %s", r.Body)
	}
	if n, mean := w.criterionMean(round, "equity"); n != 2 || mean != 3 {
		t.Fatalf("before the revise: %v reviews, equity mean %v", n, mean)
	}
	must(t, w.release(round, false, w.tok["coordinator"]), 200)

	must(t, revise(aDE, w.tok["coordinator"]), 403) // only its reviewer revises it
	must(t, revise(aDE, w.tok["rev.fi"]), 404)      // another reviewer's assignment does not exist for them
	draft := must(t, revise(aDE, w.tok["rev.de"]), 200)
	d := draft.json(t)
	if d["status"] != "draft" || d["revised"] != true || d["first_submission"] == nil || d["revisable"] != false {
		t.Fatalf("the revised review: %v", d)
	}
	if r := must(t, revise(aDE, w.tok["rev.de"]), 409); r.code() != "already_revised" {
		t.Fatalf("a second revise: %s", r.Body)
	}
	// While it is being revised the review counts in no result, and the organisation still reads
	// it as it was submitted.
	if n, _ := w.criterionMean(round, "equity"); n != 1 {
		t.Fatalf("while revising: %v reviews", n)
	}
	orgView := must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", w.tok["partner"]), 200).json(t)["reviews"].([]any)
	if len(orgView) != 2 {
		t.Fatalf("while a review is revised the organisation reads %d reviews", len(orgView))
	}
	for _, r := range orgView {
		if r := r.(map[string]any); r["status"] != "submitted" || r["first_submission"] != nil {
			t.Fatalf("a review being revised, as the organisation reads it: %v", r)
		}
	}
	// Saved and handed in again through the usual routes, after the review deadline too.
	if _, err := w.db.SQL().Exec(`UPDATE assignments SET due_at = now() - interval '1 hour' WHERE id = $1`, aDE); err != nil {
		t.Fatal(err)
	}
	must(t, w.do(req{method: "PUT", path: "/api/v1/assignments/" + aDE + "/review", token: w.tok["rev.de"], header: map[string]string{"If-Match": draft.Header.Get("ETag")},
		body: completeReview(4)}), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + aDE + "/review/submit", token: w.tok["rev.de"]}), 200)
	if n, mean := w.criterionMean(round, "equity"); n != 2 || mean != 4 {
		t.Fatalf("after the revised review was submitted: %v reviews, equity mean %v (want 2 reviews, mean 4)", n, mean)
	}
	if r := must(t, revise(aDE, w.tok["rev.de"]), 409); r.code() != "already_revised" {
		t.Fatalf("a revise after resubmitting: %s", r.Body)
	}

	// Coordinators see both versions; the organisation only the latest.
	value := func(scores []any, key string) any {
		for _, s := range scores {
			if s := s.(map[string]any); s["criterion_key"] == key {
				return s["value"]
			}
		}
		return nil
	}
	coord := must(t, w.get("/api/v1/assignments/"+aDE+"/review", w.tok["coordinator"]), 200).json(t)
	first, _ := coord["first_submission"].(map[string]any)
	if first == nil || value(first["scores"].([]any), "equity") != float64(2) || value(coord["scores"].([]any), "equity") != float64(4) {
		t.Fatalf("the coordinator's view of the revised review: %v", coord)
	}
	for token, want := range map[string]bool{"coordinator": true, "partner": false} {
		found := false
		for _, r := range must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", w.tok[token]), 200).json(t)["reviews"].([]any) {
			found = found || r.(map[string]any)["first_submission"] != nil
		}
		if found != want {
			t.Fatalf("%s sees a first submission: %v", token, found)
		}
	}

	// Once the practice is decided nobody revises.
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Both reviewers now rate it strong."}}), 200)
	if r := must(t, revise(aFI, w.tok["rev.fi"]), 409); r.code() != "practice_decided" {
		t.Fatalf("a revise after the decision: %s", r.Body)
	}
}

// TestReviseAfterDecisionInARoundStillInRebuttal: with two practices in the round, deciding
// one leaves the round in rebuttal, and the decided practice's reviews are closed.
func TestReviseAfterDecisionInARoundStillInRebuttal(t *testing.T) {
	w := newReviewWorld(t)
	round := w.rebuttalRound(false)
	second := w.createPractice(w.tok["partner"], fullPractice("Placement scheme", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	a := w.assignment(round, w.revIE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.ie"], a, 3)
	// The second practice has no reviewer at all: releasing needs no force then.
	must(t, w.release(round, false, w.tok["coordinator"]), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong."}}), 200)
	if st := must(t, w.get("/api/v1/rounds/"+round, w.tok["coordinator"]), 200).json(t)["status"]; st != "rebuttal" {
		t.Fatalf("round status with one practice undecided: %v", st)
	}
	if r := must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/review/revise", token: w.tok["rev.ie"]}), 409); r.code() != "practice_decided" {
		t.Fatalf("a revise after the decision: %s", r.Body)
	}
}
