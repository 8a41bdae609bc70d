package httpapi_test

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestDashboardFollowsEveryWrite checks that the cached dashboard figures are never stale: after
// each kind of write that changes a figure, the dashboard equals one computed without the cache
// (and differs from before the write), and that consecutive requests with no write between them
// are answered from the cache.
func TestDashboardFollowsEveryWrite(t *testing.T) {
	w := newAdaptationWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/dashboard"
	sql := func(q string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	const maybe = "either"
	// dashboard reads the figures; when they were computed, and that they are current (nothing
	// else is computing here), are checked and then left out of the comparisons.
	dashboard := func() map[string]any {
		t.Helper()
		d := must(t, w.get(path, w.tok["coordinator"]), 200).json(t)
		if d["refreshing"] != false {
			t.Fatalf("refreshing = %v with no other request computing", d["refreshing"])
		}
		if at, err := time.Parse(time.RFC3339Nano, d["figures_as_of"].(string)); err != nil || time.Since(at) > time.Hour || time.Until(at) > time.Minute {
			t.Fatalf("figures_as_of = %v (%v)", d["figures_as_of"], err)
		}
		delete(d, "figures_as_of")
		return d
	}
	uncached := func() map[string]any {
		t.Helper()
		sql(`DELETE FROM programme_figures`)
		return dashboard()
	}
	before := dashboard()
	// step checks the dashboard after a write: the same as computed afresh, and changed from before
	// when changes is true, unchanged when it is false (maybe: either).
	step := func(name string, changes any) {
		t.Helper()
		got := dashboard()
		if want := uncached(); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s the dashboard is stale:\ngot  %v\nwant %v", name, got, want)
		}
		if c, ok := changes.(bool); ok && c == reflect.DeepEqual(got, before) {
			t.Fatalf("after %s the dashboard changed: %v, want %v", name, !c, c)
		}
		before = got
	}

	// Two requests without a write between them: the second reads the cached figures (their time
	// of computing is marked here so that reading them shows; the store keeps their decoded
	// document in memory, since figures cached for a version never change).
	dashboard()
	marked := time.Now().UTC().Add(-30 * time.Minute).Truncate(time.Second)
	sql(`UPDATE programme_figures SET computed_at = $1`, marked)
	if at := must(t, w.get(path, w.tok["coordinator"]), 200).json(t)["figures_as_of"].(string); at != marked.Format(time.RFC3339) {
		t.Fatalf("a second request did not reuse the cached figures: figures_as_of %v, want %v", at, marked.Format(time.RFC3339))
	}
	// A newer version's figures are read and decoded anew.
	sql(`UPDATE programme_figures SET figures = jsonb_set(figures, '{outcomes,participants}', '4242'), data_version = data_version + 1`)
	sql(`UPDATE programme_data_versions SET version = version + 1`)
	if p := dashboard()["outcomes"].(map[string]any)["participants"].(float64); p != 4242 {
		t.Fatalf("figures of a newer version not read: participants %v", p)
	}
	before = uncached()

	// Practices: a submission, a draft's text (no figure), and a raw SQL change of country and themes.
	second := w.createPractice(w.tok["partner"], fullPractice("Second practice", "en"))["id"].(string)
	step("a draft created", false)
	tag := w.get("/api/v1/practices/"+second, w.tok["partner"]).Header.Get("ETag")
	must(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + second, token: w.tok["partner"], header: map[string]string{"If-Match": tag},
		body: map[string]any{"title": "Second practice, renamed"}}), 200)
	step("a draft edited", false)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	step("a practice submitted", true)
	sql(`UPDATE practices SET country = 'FI', themes = '["networks"]' WHERE id = $1`, second)
	step("country and themes changed in SQL", true)

	// Comments: posted and deleted.
	c := must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.fi"], body: map[string]any{"body": "Inspiring"}}), 201).json(t)
	step("a comment", true)
	must(t, w.do(req{method: "DELETE", path: "/api/v1/comments/" + c["id"].(string), token: w.tok["rev.fi"]}), 204)
	step("a comment deleted", true)

	// Peer review: a round, assignments, answers, reviews submitted and reopened, a decision, a response.
	round := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": "Spring round", "due_at": time.Now().Add(14 * 24 * time.Hour).UTC().Format(time.RFC3339), "reviewers_per_practice": 2, "max_load": 3,
		"cross_border": true}}), 201).json(t)["id"].(string)
	step("a round", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	step("a practice in the round", maybe)
	assign := func(reviewer string) string {
		return must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
			body: map[string]any{"practice_id": second, "reviewer_id": reviewer}}), 201).json(t)["id"].(string)
	}
	aDE, aIE := assign(w.revDE.ID.String()), assign(w.revIE.ID.String())
	step("assignments", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	step("the round opened", maybe)
	sql(`UPDATE assignments SET due_at = now() - interval '1 hour' WHERE id = $1`, aIE)
	step("an assignment overdue", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + aIE + "/decline", token: w.tok["rev.ie"], body: map[string]any{"reason": "No time."}}), 200)
	step("an assignment declined", true)
	w.review(w.tok["rev.de"], aDE, 3)
	step("a review submitted", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + aDE + "/review/reopen", token: w.tok["coordinator"]}), 200)
	step("a review reopened", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + aDE + "/review/submit", token: w.tok["rev.de"]}), 200)
	step("a review submitted again", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + second + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong."}}), 200)
	step("a decision", maybe)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + second + "/response", token: w.tok["partner"],
		body: map[string]any{"round_id": round, "body": "Thank you."}}), 201)
	step("a response to the reviews", true)

	// Adaptations: created, their stage changed, a follow-up, a new product.
	ad := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
	step("an adaptation", true)
	tag = w.get("/api/v1/adaptations/"+ad, w.partnerDE).Header.Get("ETag")
	must(t, w.do(req{method: "PATCH", path: "/api/v1/adaptations/" + ad, token: w.partnerDE, header: map[string]string{"If-Match": tag},
		body: map[string]any{"stage": "planning"}}), 200)
	step("an adaptation's stage", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + ad + "/outcomes", token: w.partnerDE,
		body: map[string]any{"recorded_on": time.Now().Format("2006-01-02"), "participants": 7, "returned_to_work": 2, "satisfaction": 4}}), 201)
	step("a follow-up", true)
	must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Pool", "kind": "network", "status": "idea", "derived_from_adaptation_ids": []string{ad}}}), 201)
	step("a new product", true)
}

// TestDashboardAnswersEarlierFiguresWhileComputing holds the computation of a programme's new
// figures (a lock on a table they read) and checks that another coordinator's request meanwhile
// answers at once with the earlier figures, marked refreshing and dated, instead of waiting for
// it; and that the held request, once free, answers the current figures.
func TestDashboardAnswersEarlierFiguresWhileComputing(t *testing.T) {
	w := newAdaptationWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/dashboard"
	earlier := must(t, w.get(path, w.tok["coordinator"]), 200).json(t)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.fi"], body: map[string]any{"body": "Inspiring"}}), 201)

	ctx := context.Background()
	lock, err := w.db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = lock.Rollback() }()
	if _, err := lock.Exec(`LOCK TABLE adaptations IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	held := make(chan response, 1)
	go func() { held <- w.get(path, w.tok["coordinator"]) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		if err := w.db.SQL().QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first request never started computing the figures")
		}
		time.Sleep(20 * time.Millisecond)
	}

	start := time.Now()
	meanwhile := must(t, w.get(path, w.tok["coordinator"]), 200).json(t)
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("the second request waited %v for the computation", took)
	}
	if meanwhile["refreshing"] != true {
		t.Fatalf("refreshing = %v while another request computes, want true", meanwhile["refreshing"])
	}
	if meanwhile["figures_as_of"] != earlier["figures_as_of"] {
		t.Fatalf("figures_as_of = %v, want the earlier figures' %v", meanwhile["figures_as_of"], earlier["figures_as_of"])
	}
	for _, d := range []map[string]any{earlier, meanwhile} {
		delete(d, "refreshing")
		delete(d, "figures_as_of")
	}
	if !reflect.DeepEqual(meanwhile, earlier) {
		t.Fatalf("the figures answered meanwhile are not the earlier ones:\ngot  %v\nwant %v", meanwhile, earlier)
	}

	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	current := must(t, <-held, 200).json(t)
	if current["refreshing"] != false {
		t.Fatalf("the computing request answered refreshing = %v", current["refreshing"])
	}
	exchanged := func(d map[string]any) float64 {
		return d["outputs"].(map[string]any)["information_exchanged"].(float64)
	}
	if exchanged(current) != exchanged(earlier)+1 {
		t.Fatalf("information exchanged = %v after a comment, want %v", exchanged(current), exchanged(earlier)+1)
	}
	again := must(t, w.get(path, w.tok["coordinator"]), 200).json(t)
	if again["refreshing"] != false || again["figures_as_of"] != current["figures_as_of"] {
		t.Fatalf("after the computation: refreshing %v, figures_as_of %v, want false and %v", again["refreshing"], again["figures_as_of"], current["figures_as_of"])
	}
}
