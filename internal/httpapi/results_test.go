package httpapi_test

import (
	"fmt"
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

// TestResultsAdjustedScoresAndICC checks the figures of SPEC §7.3 end to end on a round computed by
// hand, on the default rubric (scored criteria 1–4, every criterion given the same answer):
//
//	P1: DE 1 (0),     FI 2 (33.33)
//	P2: DE 2 (33.33), FI 3 (66.67)
//	P3:               FI 4 (100)
//
// FI scores 33.33 above DE on both shared practices; effects centred on a review-weighted mean of
// zero (DE 2 reviews, FI 3): DE −20, FI +13.33. Adjusted scores: P1 (0 + 20 + 33.33 − 13.33)/2 = 20,
// P2 53.3, P3 100 − 13.33 = 86.7. ICC over P1 and P2: MSW = 4 × 16.67² / 2 = 555.6, MSB = 1111.1,
// k0 = k = 2: ICC(1,1) = 555.6 / 1666.7 = 0.333, ICC(1,2) = 0.5; SEM = √555.6 = 23.57.
func TestResultsAdjustedScoresAndICC(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	var practices []string
	practices = append(practices, w.practiceID)
	for _, title := range []string{"Second practice", "Third practice"} {
		id := w.createPractice(w.tok["partner"], fullPractice(title, "en"))["id"].(string)
		must(t, w.action(w.tok["partner"], id, "submit"), 200)
		practices = append(practices, id)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": practices[1:]}}), 200)
	assign := func(practice, reviewer string) string {
		return must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
			body: map[string]any{"practice_id": practice, "reviewer_id": reviewer}}), 201).json(t)["id"].(string)
	}
	de, fi := w.revDE.ID.String(), w.revFI.ID.String()
	plan := []struct {
		practice, reviewer, token string
		value                     float64
	}{{practices[0], de, "rev.de", 1}, {practices[0], fi, "rev.fi", 2}, {practices[1], de, "rev.de", 2}, {practices[1], fi, "rev.fi", 3}, {practices[2], fi, "rev.fi", 4}}
	var ids []string
	for _, p := range plan {
		ids = append(ids, assign(p.practice, p.reviewer))
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	for i, p := range plan {
		w.review(w.tok[p.token], ids[i], p.value)
	}
	// The first read computes the statistics, the second reads them from the cache: both the same.
	res := must(t, w.get("/api/v1/rounds/"+round+"/results", w.tok["coordinator"]), 200).json(t)
	if again := must(t, w.get("/api/v1/rounds/"+round+"/results", w.tok["coordinator"]), 200).json(t); fmt.Sprint(again) != fmt.Sprint(res) {
		t.Fatalf("results from the cached statistics differ:\n%v\n%v", again, res)
	}
	var cached int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM round_statistics WHERE round_id = $1 AND statistics -> 'reviewer_effects' IS NOT NULL`, round).Scan(&cached); err != nil || cached != 1 {
		t.Fatalf("statistics cached with their reviewer effects: %d (%v)", cached, err)
	}
	want := map[string][2]float64{practices[0]: {16.7, 20}, practices[1]: {50, 53.3}, practices[2]: {100, 86.7}}
	for _, p := range res["practices"].([]any) {
		pm := p.(map[string]any)
		wv, ok := want[pm["practice_id"].(string)]
		if !ok || pm["weighted_score"] != wv[0] || pm["reviewer_adjusted_score"] != wv[1] || pm["spread_flag"] != false {
			t.Errorf("practice %v: score %v adjusted %v flag %v, want %v", pm["title"], pm["weighted_score"], pm["reviewer_adjusted_score"], pm["spread_flag"], wv)
		}
		if _, leaks := pm["reviewer_effects"]; leaks {
			t.Errorf("reviewer effects in the response: %v", pm)
		}
	}
	ws := res["agreement"].(map[string]any)["weighted_score"].(map[string]any)
	icc, _ := ws["icc"].(map[string]any)
	if icc == nil || icc["single"] != 0.333 || icc["average"] != 0.5 || icc["reviews_per_practice"] != float64(2) || ws["sem"] != 23.57 {
		t.Fatalf("weighted score agreement: %v", ws)
	}
	// The dashboard draws the same figure with its reading.
	dash := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/dashboard", w.tok["coordinator"]), 200).json(t)
	for _, a := range dash["reviews"].(map[string]any)["agreement"].([]any) {
		if am := a.(map[string]any); am["round_id"] == round {
			fig := am["weighted_score"].(map[string]any)
			if fig["alpha"] != ws["alpha"] || fig["reading"] != ws["reading"] || fig["units"] != float64(2) || fmt.Sprint(fig["ci95"]) != fmt.Sprint(ws["ci95"]) {
				t.Fatalf("dashboard figure %v, results %v", fig, ws)
			}
			return
		}
	}
	t.Fatalf("round missing from the dashboard: %v", dash["reviews"])
}
