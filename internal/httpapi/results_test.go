package httpapi_test

import (
	"testing"
)

// TestResultsPageAndFollowWrites pages through a round's practices and checks that the round's
// statistics, cached after the first read, follow every write that changes them: a submitted
// review, a reopened one, a decision.
func TestResultsPageAndFollowWrites(t *testing.T) {
	w := newReviewWorld(t)
	second := w.createPractice(w.tok["partner"], fullPractice("Second practice", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	round := w.newRound(true)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)

	results := func(query string) map[string]any {
		t.Helper()
		return must(t, w.get("/api/v1/rounds/"+round+"/results"+query, w.tok["coordinator"]), 200).json(t)
	}
	all := results("")
	if all["total"].(float64) != 2 || all["page"].(float64) != 1 || all["page_size"].(float64) != 100 || len(all["practices"].([]any)) != 2 {
		t.Fatalf("default page: total %v page %v size %v, %d practices", all["total"], all["page"], all["page_size"], len(all["practices"].([]any)))
	}
	first, last := results("?page=1&page_size=1"), results("?page=2&page_size=1")
	p1, p2 := first["practices"].([]any), last["practices"].([]any)
	if len(p1) != 1 || len(p2) != 1 || first["total"].(float64) != 2 || last["page"].(float64) != 2 {
		t.Fatalf("pages of one: %v / %v", first, last)
	}
	if p1[0].(map[string]any)["practice_id"] != all["practices"].([]any)[0].(map[string]any)["practice_id"] ||
		p2[0].(map[string]any)["practice_id"] != all["practices"].([]any)[1].(map[string]any)["practice_id"] {
		t.Fatalf("pages do not follow the round's order")
	}
	if beyond := results("?page=3&page_size=1"); len(beyond["practices"].([]any)) != 0 || beyond["total"].(float64) != 2 {
		t.Fatalf("page beyond the end: %v", beyond)
	}
	must(t, w.get("/api/v1/rounds/"+round+"/results?page=0", w.tok["coordinator"]), 400)

	completion := func(r map[string]any) map[string]any { return r["completion"].(map[string]any) }
	if c := completion(all); c["submitted"].(float64) != 0 || c["accepted"].(float64) != 0 || c["assigned"].(float64) != 2 {
		t.Fatalf("before reviews: %v", c)
	}
	w.review(w.tok["rev.de"], aDE, 2)
	w.review(w.tok["rev.fi"], aFI, 4)
	after := results("")
	if c := completion(after); c["submitted"].(float64) != 2 || c["assigned"].(float64) != 0 {
		t.Fatalf("after two submissions the cached statistics must have moved on: %v", c)
	}
	if a, _ := after["agreement"].(map[string]any)["weighted_score_alpha"].(float64); a != 0 || after["agreement"].(map[string]any)["weighted_score_alpha"] == nil {
		t.Fatalf("agreement after submissions: %v", after["agreement"])
	}
	dash := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/dashboard", w.tok["coordinator"]), 200).json(t)
	found := false
	for _, a := range dash["reviews"].(map[string]any)["agreement"].([]any) {
		if am := a.(map[string]any); am["round_id"] == round {
			found = am["reviews"].(float64) == 2 && am["weighted_score_alpha"].(float64) == 0
		}
	}
	if !found {
		t.Fatalf("dashboard agreement does not show the round's two reviews: %v", dash["reviews"])
	}

	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + aFI + "/review/reopen", token: w.tok["coordinator"]}), 200)
	reopened := results("")
	if c := completion(reopened); c["submitted"].(float64) != 1 || c["accepted"].(float64) != 1 {
		t.Fatalf("after reopening one review: %v", c)
	}
	if reopened["agreement"].(map[string]any)["weighted_score_alpha"] != nil {
		t.Fatalf("one review left: alpha must be undefined, got %v", reopened["agreement"])
	}
}
