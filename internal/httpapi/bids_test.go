package httpapi_test

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// bidWorld is the review world with a second practice in the round, by a French partner: the
// French reviewer cannot review it and must not see it while bidding.
type bidWorld struct {
	*reviewWorld
	round, frenchPractice string
}

func newBidWorld(t *testing.T, perPractice int) *bidWorld {
	w := &bidWorld{reviewWorld: newReviewWorld(t)}
	frPartner := w.user("fr.partner@example.org", w.orgFR, false)
	w.member(w.prog, frPartner, domain.RolePartner)
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET themes = themes || '[{"key": "inclusion", "title": "Inclusion"}]'::jsonb WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	body := fullPractice("Retour à l'emploi", "fr")
	body["themes"] = []string{"inclusion"}
	w.frenchPractice = w.createPractice(w.login(frPartner.Email), body)["id"].(string)
	must(t, w.action(w.login(frPartner.Email), w.frenchPractice, "submit"), 200)
	r := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": "Bidding round", "due_at": time.Now().Add(14 * 24 * time.Hour).UTC().Format(time.RFC3339), "reviewers_per_practice": perPractice,
		"max_load": 3, "blind": true, "cross_border": true,
	}}), 201).json(t)
	w.round = r["id"].(string)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/practices", token: w.tok["coordinator"],
		body: map[string]any{"practice_ids": []string{w.practiceID, w.frenchPractice}}}), 200)
	return w
}

func (w *bidWorld) bid(token, practice string, body any) response {
	return w.do(req{method: "PUT", path: "/api/v1/rounds/" + w.round + "/bids/" + practice, token: token, body: body})
}

func (w *bidWorld) bidding(token, query string) response {
	return w.get("/api/v1/rounds/"+w.round+"/bidding"+query, token)
}

func itemsOf(t *testing.T, r response) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, it := range r.json(t)["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}

func idsOf(items []map[string]any) []string {
	var out []string
	for _, it := range items {
		out = append(out, it["id"].(string))
	}
	sort.Strings(out)
	return out
}

func TestBiddingShowsOnlyTheListedFieldsAndNoOwnPractices(t *testing.T) {
	w := newBidWorld(t, 2)
	both := []string{w.practiceID, w.frenchPractice}
	sort.Strings(both)

	// The German reviewer sees both practices with exactly the listed fields and no bid yet.
	items := itemsOf(t, must(t, w.bidding(w.tok["rev.de"], ""), 200))
	if got := idsOf(items); !slices.Equal(got, both) {
		t.Fatalf("German reviewer sees %v, want %v", got, both)
	}
	want := []string{"bid", "country", "id", "language", "organisation_name", "summary", "themes", "title"}
	for _, it := range items {
		var keys []string
		for k := range it {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !slices.Equal(keys, want) {
			t.Fatalf("bidding item has fields %v, want exactly %v", keys, want)
		}
		if it["bid"] != nil {
			t.Fatalf("bid before bidding = %v", it["bid"])
		}
		if it["id"] == w.practiceID && (it["organisation_name"] != "Werkbrug" || it["country"] != "NL" || it["language"] != "en" || it["title"] != "Employer network") {
			t.Fatalf("practice shown as %v", it)
		}
	}
	// The French reviewer does not see the practice of their own organisation; the coordinator
	// (Belgian) sees both.
	if got := idsOf(itemsOf(t, must(t, w.bidding(w.tok["reviewer"], ""), 200))); !slices.Equal(got, []string{w.practiceID}) {
		t.Fatalf("French reviewer sees %v, want only %s", got, w.practiceID)
	}
	if got := idsOf(itemsOf(t, must(t, w.bidding(w.tok["coordinator"], ""), 200))); !slices.Equal(got, both) {
		t.Fatalf("coordinator sees %v", got)
	}
	// Outside the programme's reviewers and coordinators the round does not exist.
	for _, who := range []string{"partner", "outsider"} {
		if r := w.bidding(w.tok[who], ""); r.Status != 404 {
			t.Errorf("%s: status %d, want 404", who, r.Status)
		}
	}
	must(t, w.bidding("", ""), 401)
	must(t, w.get("/api/v1/rounds/"+uuid.NewString()+"/bidding", w.tok["rev.de"]), 404)

	// The caller's bid only, and the filters.
	must(t, w.bid(w.tok["rev.de"], w.practiceID, map[string]any{"level": "eager"}), 200)
	must(t, w.bid(w.tok["rev.fi"], w.frenchPractice, map[string]any{"level": "reluctant"}), 200)
	cases := []struct {
		query string
		want  []string
	}{
		{"", both},
		{"?bid=eager", []string{w.practiceID}},
		{"?bid=none", []string{w.frenchPractice}},
		{"?bid=reluctant", nil},
		{"?theme=upscaling", []string{w.practiceID}},
		{"?language=fr", []string{w.frenchPractice}},
		{"?country=NL", []string{w.practiceID}},
		{"?country=DE", nil},
		{"?country=FR&bid=none", []string{w.frenchPractice}},
	}
	for _, c := range cases {
		got := idsOf(itemsOf(t, must(t, w.bidding(w.tok["rev.de"], c.query), 200)))
		if !slices.Equal(got, c.want) {
			t.Errorf("bidding%s = %v, want %v", c.query, got, c.want)
		}
	}
	for _, it := range itemsOf(t, must(t, w.bidding(w.tok["rev.de"], ""), 200)) {
		if want := map[bool]any{true: "eager", false: nil}[it["id"] == w.practiceID]; it["bid"] != want {
			t.Errorf("German reviewer's bid on %s = %v, want %v", it["id"], it["bid"], want)
		}
	}
	// Pages have the lists' shape and limits.
	page := must(t, w.bidding(w.tok["rev.de"], "?page_size=1&page=2"), 200).json(t)
	if page["total"] != float64(2) || page["page"] != float64(2) || page["page_size"] != float64(1) || len(page["items"].([]any)) != 1 {
		t.Fatalf("page 2 of size 1: %v", page)
	}
	if capped := must(t, w.bidding(w.tok["rev.de"], "?page_size=1000"), 200).json(t); capped["page_size"] != float64(domain.MaxPageSize) {
		t.Fatalf("page_size not capped: %v", capped["page_size"])
	}
	bad := []struct{ query, field string }{
		{"?bid=keen", "bid"},
		{"?country=Netherlands", "country"},
		{"?language=not_a_tag", "language"},
		{"?theme=" + strings.Repeat("x", 41), "theme"},
		{"?page=-1", "page"},
	}
	for _, b := range bad {
		r := must(t, w.bidding(w.tok["rev.de"], b.query), 400)
		if r.fieldError(t, b.field) == "" {
			t.Errorf("bidding%s: no error naming %s: %s", b.query, b.field, r.Body)
		}
	}
}

func TestPutBidRules(t *testing.T) {
	w := newBidWorld(t, 2)
	stored := func(reviewer uuid.UUID, practice string) string {
		t.Helper()
		var level []string
		rows, err := w.db.SQL().Query(`SELECT level FROM bids WHERE round_id = $1 AND user_id = $2 AND practice_id = $3`, w.round, reviewer, practice)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var l string
			if err := rows.Scan(&l); err != nil {
				t.Fatal(err)
			}
			level = append(level, l)
		}
		return strings.Join(level, ",")
	}
	// Every level can be set, and the last one counts.
	for _, level := range domain.BidLevels {
		r := must(t, w.bid(w.tok["rev.de"], w.practiceID, map[string]any{"level": level}), 200).json(t)
		if r["level"] != level || r["practice_id"] != w.practiceID || r["round_id"] != w.round {
			t.Fatalf("PUT %s answered %v", level, r)
		}
		if got := stored(w.revDE.ID, w.practiceID); got != level {
			t.Fatalf("stored %q after PUT %s", got, level)
		}
	}
	must(t, w.bid(w.tok["rev.de"], w.practiceID, map[string]any{"level": "willing"}), 200)

	// Bad bodies name the field and change nothing.
	for _, body := range []any{map[string]any{"level": "keen"}, map[string]any{"level": nil}, map[string]any{}, map[string]any{"level": 3}, map[string]any{"level": "Eager"}} {
		r := must(t, w.bid(w.tok["rev.de"], w.practiceID, body), 400)
		if r.fieldError(t, "level") == "" {
			t.Errorf("PUT %v: no error naming level: %s", body, r.Body)
		}
	}
	if got := stored(w.revDE.ID, w.practiceID); got != "willing" {
		t.Fatalf("a refused bid changed the stored one to %q", got)
	}

	// 404: outside the reviewers, practices not in the round or of one's own organisation.
	notFound := []struct {
		name, token, practice string
	}{
		{"practice not in the round", w.tok["rev.de"], uuid.NewString()},
		{"own organisation's practice", w.tok["reviewer"], w.frenchPractice},
		{"coordinator who is not a reviewer", w.tok["coordinator"], w.practiceID},
		{"partner", w.tok["partner"], w.practiceID},
		{"outsider", w.tok["outsider"], w.practiceID},
		{"malformed practice id", w.tok["rev.de"], "not-a-uuid"},
	}
	for _, c := range notFound {
		if r := w.bid(c.token, c.practice, map[string]any{"level": "eager"}); r.Status != 404 {
			t.Errorf("%s: status %d, want 404: %s", c.name, r.Status, r.Body)
		}
		if r := w.do(req{method: "DELETE", path: "/api/v1/rounds/" + w.round + "/bids/" + c.practice, token: c.token}); r.Status != 404 {
			t.Errorf("DELETE, %s: status %d, want 404", c.name, r.Status)
		}
	}
	if r := w.do(req{method: "PUT", path: "/api/v1/rounds/" + uuid.NewString() + "/bids/" + w.practiceID, token: w.tok["rev.de"], body: map[string]any{"level": "eager"}}); r.Status != 404 {
		t.Errorf("unknown round: status %d", r.Status)
	}
	if got := stored(w.reviewer.ID, w.frenchPractice); got != "" {
		t.Fatalf("a bid on one's own organisation's practice was stored: %q", got)
	}

	// Clearing: DELETE removes the bid, and clearing nothing is fine.
	must(t, w.do(req{method: "DELETE", path: "/api/v1/rounds/" + w.round + "/bids/" + w.practiceID, token: w.tok["rev.de"]}), 204)
	if got := stored(w.revDE.ID, w.practiceID); got != "" {
		t.Fatalf("after DELETE the bid is %q", got)
	}
	must(t, w.do(req{method: "DELETE", path: "/api/v1/rounds/" + w.round + "/bids/" + w.practiceID, token: w.tok["rev.de"]}), 204)

	// While the round is open bids still change; once closed they are 409 round_not_open.
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/open", token: w.tok["coordinator"]}), 200)
	must(t, w.bid(w.tok["rev.de"], w.practiceID, map[string]any{"level": "eager"}), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/close", token: w.tok["coordinator"]}), 200)
	for _, r := range []response{
		w.bid(w.tok["rev.de"], w.practiceID, map[string]any{"level": "reluctant"}),
		w.do(req{method: "DELETE", path: "/api/v1/rounds/" + w.round + "/bids/" + w.practiceID, token: w.tok["rev.de"]}),
	} {
		if r.Status != 409 || r.code() != string(domain.CodeRoundState) {
			t.Errorf("closed round: status %d code %s, want 409 %s", r.Status, r.code(), domain.CodeRoundState)
		}
	}
	if got := stored(w.revDE.ID, w.practiceID); got != "eager" {
		t.Fatalf("a refused change in a closed round left %q", got)
	}
	// The bidding page stays readable.
	must(t, w.bidding(w.tok["rev.de"], ""), 200)
}

// proposedFor returns the reviewers auto-assign proposes for a practice, with their reasons.
func (w *bidWorld) proposedFor(practice string) map[string]map[string]any {
	w.t.Helper()
	res := must(w.t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": true}}), 200).json(w.t)
	out := map[string]map[string]any{}
	for _, it := range res["assignments"].([]any) {
		m := it.(map[string]any)
		if m["practice_id"] == practice {
			out[m["reviewer_id"].(string)] = m
		}
	}
	return out
}

func TestAutoAssignFollowsBids(t *testing.T) {
	w := newBidWorld(t, 1)
	// Four reviewers could take the Dutch practice, equal in everything but their bids.
	set := func(token, level string) { must(t, w.bid(token, w.practiceID, map[string]any{"level": level}), 200) }
	set(w.tok["rev.de"], "reluctant")
	set(w.tok["rev.fi"], "eager")
	set(w.tok["rev.ie"], "conflict")
	set(w.tok["reviewer"], "reluctant")
	got := w.proposedFor(w.practiceID)
	pick, ok := got[w.revFI.ID.String()]
	if len(got) != 1 || !ok {
		t.Fatalf("proposed %v, want only the eager Finnish reviewer", got)
	}
	reasons := pick["reasons"].(map[string]any)
	if reasons["bid"] != "eager" || !strings.Contains(pick["explanation"].(string), "bid eager") {
		t.Fatalf("the eager bid is not in the reasons: %v", pick)
	}

	// The eager reviewer changes their mind: now the willing one wins over the reluctant ones.
	set(w.tok["rev.fi"], "reluctant")
	set(w.tok["rev.de"], "willing")
	if got := w.proposedFor(w.practiceID); len(got) != 1 || got[w.revDE.ID.String()] == nil {
		t.Fatalf("proposed %v, want only the willing German reviewer", got)
	}

	// A conflict bid is never proposed, even when the practice then lacks reviewers, and it is
	// reported among the blocking rules.
	tag := w.get("/api/v1/rounds/"+w.round, w.tok["coordinator"]).Header.Get("ETag")
	must(t, w.do(req{method: "PATCH", path: "/api/v1/rounds/" + w.round, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag},
		body: map[string]any{"reviewers_per_practice": 4}}), 200)
	res := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": true}}), 200).json(t)
	var reviewers []string
	for _, it := range res["assignments"].([]any) {
		if m := it.(map[string]any); m["practice_id"] == w.practiceID {
			reviewers = append(reviewers, m["reviewer_id"].(string))
		}
	}
	if len(reviewers) != 3 || slices.Contains(reviewers, w.revIE.ID.String()) {
		t.Fatalf("with 4 wanted, proposed %v: want the three without a conflict", reviewers)
	}
	found := false
	for _, u := range res["unstaffed"].([]any) {
		m := u.(map[string]any)
		if m["practice_id"] != w.practiceID {
			continue
		}
		for _, b := range m["blocked"].([]any) {
			if bb := b.(map[string]any); bb["rule"] == "conflict_declared" && bb["count"] == float64(1) {
				found = true
			}
		}
	}
	if !found {
		t.Fatalf("unstaffed does not count the conflict bid: %v", res["unstaffed"])
	}
	// A coordinator cannot assign the conflicted reviewer by hand either.
	r := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/assignments", token: w.tok["coordinator"],
		body: map[string]any{"practice_id": w.practiceID, "reviewer_id": w.revIE.ID}}), 409)
	if r.code() != "conflict_declared" {
		t.Fatalf("manual assignment against a conflict bid: %s", r.Body)
	}
	// Committing follows the same proposal.
	committed := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/auto-assign", token: w.tok["coordinator"], body: map[string]any{"dry_run": false}}), 200).json(t)
	for _, it := range committed["assignments"].([]any) {
		if m := it.(map[string]any); m["reviewer_id"] == w.revIE.ID.String() && m["practice_id"] == w.practiceID {
			t.Fatal("committed an assignment against a conflict bid")
		}
	}
}

func TestBidCountsForTheBoard(t *testing.T) {
	w := newBidWorld(t, 2)
	must(t, w.bid(w.tok["rev.de"], w.practiceID, map[string]any{"level": "eager"}), 200)
	must(t, w.bid(w.tok["rev.fi"], w.practiceID, map[string]any{"level": "eager"}), 200)
	must(t, w.bid(w.tok["rev.ie"], w.practiceID, map[string]any{"level": "conflict"}), 200)
	must(t, w.bid(w.tok["rev.de"], w.frenchPractice, map[string]any{"level": "reluctant"}), 200)
	path := "/api/v1/rounds/" + w.round + "/bid-counts?practice_ids=" + w.practiceID + "," + w.frenchPractice + "," + uuid.NewString()
	items := itemsOf(t, must(t, w.get(path, w.tok["coordinator"]), 200))
	want := map[string][5]float64{w.practiceID: {2, 0, 0, 0, 1}, w.frenchPractice: {0, 0, 0, 1, 0}}
	if len(items) != len(want) {
		t.Fatalf("bid counts: %v", items)
	}
	for _, it := range items {
		got := [5]float64{it["eager"].(float64), it["willing"].(float64), it["neutral"].(float64), it["reluctant"].(float64), it["conflict"].(float64)}
		if got != want[it["practice_id"].(string)] {
			t.Errorf("counts of %s = %v, want %v", it["practice_id"], got, want[it["practice_id"].(string)])
		}
	}
	// Reviewers may not read the counts; outsiders do not see the round.
	must(t, w.get(path, w.tok["rev.de"]), 403)
	must(t, w.get(path, w.tok["outsider"]), 404)
	r := must(t, w.get("/api/v1/rounds/"+w.round+"/bid-counts?practice_ids=nope", w.tok["coordinator"]), 400)
	if r.fieldError(t, "practice_ids") == "" {
		t.Fatalf("bad practice_ids: %s", r.Body)
	}
	many := make([]string, domain.MaxPageSize+1)
	for i := range many {
		many[i] = uuid.NewString()
	}
	must(t, w.get("/api/v1/rounds/"+w.round+"/bid-counts?practice_ids="+strings.Join(many, ","), w.tok["coordinator"]), 400)
}

func TestMyBiddingRounds(t *testing.T) {
	w := newBidWorld(t, 2)
	names := func(token string) []string {
		var out []string
		for _, it := range itemsOf(t, must(t, w.get("/api/v1/me/bidding-rounds", token), 200)) {
			out = append(out, it["id"].(string))
		}
		return out
	}
	if got := names(w.tok["rev.de"]); !slices.Equal(got, []string{w.round}) {
		t.Fatalf("reviewer's bidding rounds = %v, want the draft round", got)
	}
	// Partners, coordinators who do not review, and outsiders have none.
	for _, who := range []string{"partner", "coordinator", "outsider"} {
		if got := names(w.tok[who]); len(got) != 0 {
			t.Errorf("%s sees bidding rounds %v", who, got)
		}
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/open", token: w.tok["coordinator"]}), 200)
	if got := names(w.tok["rev.de"]); len(got) != 1 {
		t.Fatalf("open round missing: %v", got)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/close", token: w.tok["coordinator"]}), 200)
	if got := names(w.tok["rev.de"]); len(got) != 0 {
		t.Fatalf("closed round still offered for bidding: %v", got)
	}
}
