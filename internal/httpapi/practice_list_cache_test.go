package httpapi_test

import (
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestPracticeListsFollowEveryChange: the store keeps a programme's list pages and searches in
// memory under the programme's list version (migration 0031). Every kind of change a list
// depends on — a new practice, its text, its status, an assignment, a round's state — shows in
// the very next request, whether made through the API or directly in the database.
func TestPracticeListsFollowEveryChange(t *testing.T) {
	w := newWorld(t)
	reviewer := w.tok["reviewer"] // Retour (FR): sees published practices and those it reviews
	total := func() float64 {
		t.Helper()
		return must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/practices", reviewer), 200).json(t)["total"].(float64)
	}
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	look := func(query, want string) {
		t.Helper()
		// Twice: the first request may fill the cache, the second is answered from it.
		for range 2 {
			if got := titles(w.search(reviewer, "q="+query)); got != want {
				t.Fatalf("search %q: %q, want %q", query, got, want)
			}
		}
	}
	look("lighthouse", "")
	before := total()

	id := w.createPractice(w.tok["partner"], fullPractice("Lighthouse coaching", "en"))["id"].(string)
	look("lighthouse", "") // a draft of another organisation
	if total() != before {
		t.Fatalf("a draft of Werkbrug counted for Retour")
	}
	w.setStatus(id, domain.StatusPublished)
	look("lighthouse", "Lighthouse coaching")
	if total() != before+1 {
		t.Fatalf("published practice not counted")
	}

	exec(`UPDATE practices SET title = 'Beacon coaching', summary = 'Coaching by a beacon' WHERE id = $1`, id)
	look("lighthouse", "")
	look("beacon", "Beacon coaching")

	w.setStatus(id, domain.StatusSubmitted)
	look("beacon", "")
	if total() != before {
		t.Fatalf("withdrawn practice still counted")
	}

	// Assigned to review it in an open round, the reviewer sees it again; not once the round is
	// back in draft, nor once the assignment is declined.
	rubric, round, assignment := uuid.New(), uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options)
		VALUES ($1, $2, 1, 'Rubric', 'active', '[]', '[]')`, rubric, w.prog.ID)
	exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load)
		VALUES ($1, $2, 'Spring', $3, 'open', now() + interval '30 days', 1, 5)`, round, w.prog.ID, rubric)
	look("beacon", "")
	exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, due_at, source) VALUES ($1, $2, $3, $4, now() + interval '30 days', 'manual')`,
		assignment, round, id, w.reviewer.ID)
	look("beacon", "Beacon coaching")
	exec(`UPDATE rounds SET status = 'draft' WHERE id = $1`, round)
	look("beacon", "")
	exec(`UPDATE rounds SET status = 'open' WHERE id = $1`, round)
	look("beacon", "Beacon coaching")
	exec(`UPDATE assignments SET status = 'declined' WHERE id = $1`, assignment)
	look("beacon", "")

	// A change inside a transaction that rolls back moves nothing on and changes no answer.
	tx, err := w.db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE practices SET status = 'published' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	look("beacon", "")
	var version int64
	if err := w.db.SQL().QueryRow(`SELECT version FROM practice_list_versions WHERE programme_id = $1`, w.prog.ID).Scan(&version); err != nil || version < 8 {
		t.Fatalf("list version %d (%v), want one step per committed change", version, err)
	}
	// The public catalogue is kept too, under the versions of the programmes that open one.
	public := func(want string) {
		t.Helper()
		for range 2 {
			r := must(t, w.get("/api/v1/public/practices?q=beacon", ""), 200).json(t)
			got := ""
			for _, it := range r["items"].([]any) {
				got += it.(map[string]any)["title"].(string)
			}
			if got != want || r["total"].(float64) != float64(len(r["items"].([]any))) {
				t.Fatalf("public catalogue: %q (total %v), want %q", got, r["total"], want)
			}
		}
	}
	public("") // not published, and no programme has a public catalogue
	w.setStatus(id, domain.StatusPublished)
	public("")
	exec(`UPDATE programmes SET public_catalogue = true WHERE id = $1`, w.prog.ID)
	public("Beacon coaching")
	exec(`UPDATE practices SET title = 'Beacon coaching for employers' WHERE id = $1`, id)
	public("Beacon coaching for employers")
	exec(`UPDATE programmes SET public_catalogue = false WHERE id = $1`, w.prog.ID)
	public("")
	exec(`UPDATE programmes SET public_catalogue = true WHERE id = $1`, w.prog.ID)
	public("Beacon coaching for employers")
	w.setStatus(id, domain.StatusArchived)
	public("")

	// The other programme's lists never moved.
	var other int64
	if err := w.db.SQL().QueryRow(`SELECT coalesce((SELECT version FROM practice_list_versions WHERE programme_id = $1), 0)`, w.other.ID).Scan(&other); err != nil || other != 0 {
		t.Fatalf("other programme's list version %d (%v)", other, err)
	}
}
