package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func (w *reviewWorld) discussionPath(round, practice string) string {
	return "/api/v1/rounds/" + round + "/practices/" + practice + "/discussion"
}

func (w *reviewWorld) post(round, token, body string) response {
	w.t.Helper()
	return w.do(req{method: "POST", path: w.discussionPath(round, w.practiceID), token: token, body: map[string]any{"body": body}})
}

// discussionItems reads the whole discussion as the holder of token.
func (w *reviewWorld) discussionItems(round, token string) []map[string]any {
	w.t.Helper()
	items := must(w.t, w.get(w.discussionPath(round, w.practiceID)+"?page_size=100", token), 200).json(w.t)["items"].([]any)
	out := make([]map[string]any, len(items))
	for i, it := range items {
		out[i] = it.(map[string]any)
	}
	return out
}

// TestDiscussionIsOpenToCoordinatorsAndSubmittedReviewersOnly: the round's coordinators and the
// reviewers who submitted read and write; the unsubmitted reviewer, a reviewer of another
// practice, the practice's organisation and outsiders find nothing there.
func TestDiscussionIsOpenToCoordinatorsAndSubmittedReviewersOnly(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	aDE := w.assignment(round, w.revDE.ID.String())
	w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	// Before submitting, the German reviewer does not take part either.
	must(t, w.post(round, w.tok["rev.de"], "Too early"), 404)
	w.review(w.tok["rev.de"], aDE, 3)
	// A second practice of the round, which the French reviewer (of the base world) reviews
	// and submits: a reviewer of another practice of the same round.
	second := w.createPractice(w.tok["partner"], fullPractice("Second practice", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	aFR := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
		body: map[string]any{"practice_id": second, "reviewer_id": w.reviewer.ID}}), 201).json(t)["id"].(string)
	w.review(w.tok["reviewer"], aFR, 4)

	cases := []struct {
		who    string
		status int // for reading; writing answers 201 where reading answers 200
	}{
		{"coordinator", 200},
		{"admin", 200},
		{"rev.de", 200},   // submitted
		{"rev.fi", 404},   // assigned, not submitted
		{"rev.ie", 404},   // a reviewer of the programme, not of this practice
		{"reviewer", 404}, // submitted, but for another practice
		{"partner", 404},  // the practice's organisation
		{"outsider", 404}, // another programme
		{"anonymous", 401},
	}
	for _, c := range cases {
		t.Run(c.who, func(t *testing.T) {
			r := w.get(w.discussionPath(round, w.practiceID), w.tok[c.who])
			if r.Status != c.status {
				t.Fatalf("GET: %d, want %d: %s", r.Status, c.status, r.Body)
			}
			want := c.status
			if want == 200 {
				want = 201
			}
			if r := w.post(round, w.tok[c.who], "A word from "+c.who); r.Status != want {
				t.Fatalf("POST: %d, want %d: %s", r.Status, want, r.Body)
			}
		})
	}
	// Only the participants' posts are there, oldest first.
	items := w.discussionItems(round, w.tok["coordinator"])
	var bodies []string
	for _, it := range items {
		bodies = append(bodies, it["body"].(string))
	}
	if got := strings.Join(bodies, "|"); got != "A word from coordinator|A word from admin|A word from rev.de" {
		t.Fatalf("posts: %s", got)
	}
	// The participants of the second practice do not see the first one's discussion.
	if items := w.discussionItems(round, w.tok["coordinator"]); len(items) != 3 {
		t.Fatalf("discussion has %d posts", len(items))
	}
	if n := len(must(t, w.get(w.discussionPath(round, second), w.tok["reviewer"]), 200).json(t)["items"].([]any)); n != 0 {
		t.Fatalf("the second practice's discussion has %d posts", n)
	}
	// A practice outside the round, a round that does not exist, a malformed id: 404.
	other := w.createPractice(w.tok["partner"], fullPractice("Not in the round", "en"))["id"].(string)
	must(t, w.get(w.discussionPath(round, other), w.tok["coordinator"]), 404)
	must(t, w.get(w.discussionPath("00000000-0000-4000-8000-000000000000", w.practiceID), w.tok["coordinator"]), 404)
	must(t, w.get(w.discussionPath("not-a-uuid", w.practiceID), w.tok["coordinator"]), 404)
	// Paged like every list.
	page := must(t, w.get(w.discussionPath(round, w.practiceID)+"?page_size=2&page=2", w.tok["rev.de"]), 200).json(t)
	if page["total"].(float64) != 3 || len(page["items"].([]any)) != 1 || page["items"].([]any)[0].(map[string]any)["body"] != "A word from rev.de" {
		t.Fatalf("second page: %v", page)
	}
}

// TestDiscussionRefusesBadInputAndRepeatsIdempotently: blank, missing, too long, NUL and
// mistyped bodies change nothing; a repeated Idempotency-Key posts once.
func TestDiscussionRefusesBadInputAndRepeatsIdempotently(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	w.assignment(round, w.revDE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	path := w.discussionPath(round, w.practiceID)
	cases := []struct {
		name string
		body any
	}{
		{"blank", map[string]any{"body": "   "}},
		{"missing", map[string]any{}},
		{"too long", map[string]any{"body": strings.Repeat("x", 5001)}},
		{"NUL", `{"body": "before\u0000after"}`},
		{"not a string", map[string]any{"body": 7}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := w.do(req{method: "POST", path: path, token: w.tok["coordinator"], body: c.body})
			if r.Status != 400 && r.Status != 422 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
		})
	}
	if n := len(w.discussionItems(round, w.tok["coordinator"])); n != 0 {
		t.Fatalf("refused posts were stored: %d", n)
	}
	key := map[string]string{"Idempotency-Key": "discussion-post-1"}
	first := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], header: key, body: map[string]any{"body": "Once"}}), 201).json(t)
	again := must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], header: key, body: map[string]any{"body": "Once"}}), 201).json(t)
	if first["id"] != again["id"] {
		t.Fatalf("a repeated key posted twice: %v %v", first["id"], again["id"])
	}
	if n := len(w.discussionItems(round, w.tok["coordinator"])); n != 1 {
		t.Fatalf("posts after a repeated key: %d", n)
	}
	must(t, w.do(req{method: "POST", path: path, token: w.tok["coordinator"], header: key, body: map[string]any{"body": "Something else"}}), 422)
	if first["body"] != "Once" || first["mine"] != true || first["created_at"] == "" {
		t.Fatalf("post: %v", first)
	}
}

// TestDiscussionLabelsBlindReviewers: in a blind round reviewers see each other as "Reviewer A",
// "Reviewer B" — the letters the practice's reviews carry — and their own posts as theirs;
// coordinators see names; notifications follow the same rule.
func TestDiscussionLabelsBlindReviewers(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	w.assignment(round, w.revIE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], aDE, 2) // submitted first: Reviewer A
	w.review(w.tok["rev.fi"], aFI, 4) // then Reviewer B
	must(t, w.post(round, w.tok["rev.de"], "I scored it low on evidence."), 201)
	must(t, w.post(round, w.tok["rev.fi"], "The evaluation report convinced me."), 201)
	must(t, w.post(round, w.tok["coordinator"], "Could you agree on evidence?"), 201)

	type seen struct{ name, label, role string }
	authors := func(token string) ([]seen, []bool) {
		var out []seen
		var mine []bool
		for _, it := range w.discussionItems(round, token) {
			a := it["author"].(map[string]any)
			name, _ := a["name"].(string)
			label, _ := a["label"].(string)
			if name != "" && a["id"] == nil {
				t.Fatalf("a named author without id: %v", a)
			}
			out = append(out, seen{name, label, a["role"].(string)})
			mine = append(mine, it["mine"].(bool))
		}
		return out, mine
	}
	cases := []struct {
		who     string
		authors []seen
		mine    []bool
	}{
		{"rev.fi", []seen{{"", "Reviewer A", "reviewer"}, {w.revFI.Name, "Reviewer B", "reviewer"}, {w.coord.Name, "", "coordinator"}}, []bool{false, true, false}},
		{"rev.de", []seen{{w.revDE.Name, "Reviewer A", "reviewer"}, {"", "Reviewer B", "reviewer"}, {w.coord.Name, "", "coordinator"}}, []bool{true, false, false}},
		{"coordinator", []seen{{w.revDE.Name, "Reviewer A", "reviewer"}, {w.revFI.Name, "Reviewer B", "reviewer"}, {w.coord.Name, "", "coordinator"}}, []bool{false, false, true}},
	}
	for _, c := range cases {
		t.Run(c.who, func(t *testing.T) {
			got, mine := authors(w.tok[c.who])
			if fmt.Sprint(got) != fmt.Sprint(c.authors) || fmt.Sprint(mine) != fmt.Sprint(c.mine) {
				t.Fatalf("authors %v mine %v, want %v %v", got, mine, c.authors, c.mine)
			}
		})
	}
	// Nothing in the French reviewer's view of the discussion or of the reviews names the German
	// one, and the reviews carry the discussion's letters.
	body := string(must(t, w.get(w.discussionPath(round, w.practiceID), w.tok["rev.fi"]), 200).Body)
	peerReviews := string(must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", w.tok["rev.fi"]), 200).Body)
	for _, secret := range []string{w.revDE.Name, w.revDE.ID.String(), w.revDE.Email, aDE} {
		if strings.Contains(body, secret) || strings.Contains(peerReviews, secret) {
			t.Fatalf("a blind reviewer is named to another: %q", secret)
		}
	}
	if !strings.Contains(peerReviews, `"label":"Reviewer A"`) || !strings.Contains(peerReviews, w.revFI.Name) {
		t.Fatalf("the French reviewer's view of the reviews: %s", peerReviews)
	}
	// The same letters in the reviews the organisation reads after the decision: Reviewer A is
	// the German reviewer, who scored 2.
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "promising_practice", "rationale": "Mixed views on the evidence."}}), 200)
	for _, rv := range must(t, w.get("/api/v1/practices/"+w.practiceID+"/reviews", w.tok["partner"]), 200).json(t)["reviews"].([]any) {
		r := rv.(map[string]any)
		var scored float64
		for _, s := range r["scores"].([]any) {
			if s.(map[string]any)["criterion_key"] == "effectiveness_efficiency" {
				scored = s.(map[string]any)["value"].(float64)
			}
		}
		want := map[string]float64{"Reviewer A": 2, "Reviewer B": 4}[r["reviewer"].(map[string]any)["label"].(string)]
		if scored != want {
			t.Fatalf("review labelled %v scored %v, want %v", r["reviewer"], scored, want)
		}
	}
	// Notifications: the other participants only, with the label for the other reviewer.
	notes := func(token string) []map[string]any {
		var out []map[string]any
		for _, it := range must(t, w.get("/api/v1/me/notifications?page_size=100", token), 200).json(t)["items"].([]any) {
			if n := it.(map[string]any); n["kind"] == "discussion_posted" {
				out = append(out, n)
			}
		}
		return out
	}
	fiNotes := notes(w.tok["rev.fi"])
	if len(fiNotes) != 2 { // the German reviewer's post and the coordinator's
		t.Fatalf("the French reviewer has %d discussion notifications", len(fiNotes))
	}
	params := fmt.Sprint(fiNotes[0]["params"], fiNotes[1]["params"])
	if strings.Contains(params, w.revDE.Name) || !strings.Contains(params, "author_label:A") || !strings.Contains(params, w.coord.Name) {
		t.Fatalf("the French reviewer's notifications: %s", params)
	}
	if coordNotes := notes(w.tok["coordinator"]); len(coordNotes) != 2 || !strings.Contains(fmt.Sprint(coordNotes), w.revDE.Name) {
		t.Fatalf("the coordinator's notifications: %v", coordNotes)
	}
	for _, who := range []string{"rev.ie", "partner", "reviewer"} {
		if n := notes(w.tok[who]); len(n) != 0 {
			t.Fatalf("%s was told about the discussion: %v", who, n)
		}
	}
	if n := notes(w.tok["rev.de"]); len(n) != 2 {
		t.Fatalf("the German reviewer has %d discussion notifications (own post excluded)", len(n))
	}
}

// TestDiscussionNamesReviewersInAnOpenRound: without blindness reviewers see each other's names.
func TestDiscussionNamesReviewersInAnOpenRound(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(false)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], aDE, 3)
	w.review(w.tok["rev.fi"], aFI, 3)
	must(t, w.post(round, w.tok["rev.de"], "Agreed."), 201)
	a := w.discussionItems(round, w.tok["rev.fi"])[0]["author"].(map[string]any)
	if a["name"] != w.revDE.Name || a["id"] != w.revDE.ID.String() || a["label"] != "Reviewer A" {
		t.Fatalf("author in an open round: %v", a)
	}
}

// TestDiscussionBlindScan: nothing of the reviewers' discussion — bodies or authors — reaches the
// practice's organisation through anything it can call.
func TestDiscussionBlindScan(t *testing.T) {
	w := newReviewWorld(t)
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = true WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	// The reviewers' names are markers too.
	markers := []string{}
	for i, u := range []string{w.revDE.ID.String(), w.revFI.ID.String()} {
		name := fmt.Sprintf("Zyxmarker Reviewername%d", i)
		if _, err := w.db.SQL().Exec(`UPDATE users SET name = $1 WHERE id = $2`, name, u); err != nil {
			t.Fatal(err)
		}
		markers = append(markers, name, u)
	}
	markers = append(markers, w.revDE.Email, w.revFI.Email)
	round := w.newRound(true)
	aDE := w.assignment(round, w.revDE.ID.String())
	aFI := w.assignment(round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], aDE, 3)
	w.review(w.tok["rev.fi"], aFI, 4)
	var postIDs, bodyMarkers []string
	for i, tok := range []string{w.tok["rev.de"], w.tok["rev.fi"], w.tok["coordinator"], w.tok["rev.de"]} {
		marker := fmt.Sprintf("Qwvmarker-discussion-body-%d", i)
		markers, bodyMarkers = append(markers, marker), append(bodyMarkers, marker)
		postIDs = append(postIDs, must(t, w.post(round, tok, "Between us: "+marker), 201).json(t)["id"].(string))
	}
	markers = append(markers, postIDs...)
	// Decided and published: the organisation now reads its reviews, and the catalogue shows it.
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Both reviewers found it strong."}}), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/response", token: w.tok["partner"], body: map[string]any{"round_id": round, "body": "Thank you."}}), 201)

	prog, p := w.prog.ID.String(), w.practiceID
	paths := []string{
		"/api/v1/practices/" + p, "/api/v1/practices/" + p + "/revisions", "/api/v1/practices/" + p + "/revisions/1",
		"/api/v1/practices/" + p + "/reviews", "/api/v1/practices/" + p + "/comments", "/api/v1/practices/" + p + "/lineage",
		"/api/v1/practices/" + p + "/translations/en",
		"/api/v1/programmes/" + prog + "/practices", "/api/v1/programmes/" + prog,
		"/api/v1/programmes/" + prog + "/dashboard", "/api/v1/programmes/" + prog + "/audit",
		"/api/v1/programmes/" + prog + "/export.json",
		"/api/v1/programmes/" + prog + "/exports/practices.csv", "/api/v1/programmes/" + prog + "/exports/reviews.csv",
		"/api/v1/programmes/" + prog + "/exports/adaptations.csv",
		"/api/v1/rounds/" + round, "/api/v1/rounds/" + round + "/results", "/api/v1/rounds/" + round + "/assignments",
		w.discussionPath(round, p),
		"/api/v1/me", "/api/v1/me/assignments", "/api/v1/me/notifications?page_size=100",
		"/api/v1/public/practices", "/api/v1/public/practices/" + p,
	}
	reached := map[string]int{}
	var blob strings.Builder
	for _, path := range paths {
		r := w.get(path, w.tok["partner"])
		reached[path] = r.Status
		blob.WriteString(path + "\n")
		blob.Write(r.Body)
		for k, v := range r.Header {
			blob.WriteString(k + ": " + strings.Join(v, ",") + "\n")
		}
	}
	// The programme's member list names every member, reviewers included, as members: there
	// only what was written in the discussion must not appear.
	members := string(must(t, w.get("/api/v1/programmes/"+prog+"/members?page_size=100", w.tok["partner"]), 200).Body)
	for _, m := range append(bodyMarkers, postIDs...) {
		if strings.Contains(members, m) {
			t.Fatalf("the member list carries %q", m)
		}
	}
	for _, path := range []string{"/api/v1/practices/" + p, "/api/v1/practices/" + p + "/reviews", "/api/v1/me/notifications?page_size=100", "/api/v1/public/practices/" + p} {
		if reached[path] != http.StatusOK {
			t.Fatalf("the scan did not reach %s (%d)", path, reached[path])
		}
	}
	if reached[w.discussionPath(round, p)] != http.StatusNotFound {
		t.Fatalf("the organisation reached the discussion: %d", reached[w.discussionPath(round, p)])
	}
	for _, m := range markers {
		if i := strings.Index(blob.String(), m); i >= 0 {
			t.Fatalf("the practice's organisation can see %q: …%s…", m, blob.String()[max(0, i-300):i+len(m)])
		}
	}
	if !strings.Contains(blob.String(), "Reviewer A") {
		t.Fatal("the scan should have read the anonymised reviews")
	}
	// Nor is anything of it waiting for the organisation in a notification or the outbox.
	var leaked int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
		WHERE u.organisation_id = $1 AND (n.kind = $2 OR n.params::text LIKE '%marker%')`, w.orgNL.ID, domain.NotifyDiscussion).Scan(&leaked); err != nil {
		t.Fatal(err)
	}
	if leaked != 0 {
		t.Fatalf("%d notifications of the organisation carry the discussion", leaked)
	}
}
