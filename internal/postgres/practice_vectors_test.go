package postgres

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestPracticeVectorsFollowEveryChange checks that the narrow copy of the search vectors that
// searches read (practice_vectors, migration 0034) holds exactly each practice's own vector
// after an insert, a change of the text, a change of the status alone, a change of a
// translation, a rolled-back change and a delete, and that a search finds what the text says.
func TestPracticeVectorsFollowEveryChange(t *testing.T) {
	s, org, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	user, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "v@example.org", Name: "V", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	inSync := func(step string) {
		t.Helper()
		var stale, missing, extra int
		if err := s.SQL().QueryRow(`SELECT
			(SELECT count(*) FROM practices p JOIN practice_vectors v USING (id) WHERE v.search_vector <> p.search_vector),
			(SELECT count(*) FROM practices p WHERE NOT EXISTS (SELECT 1 FROM practice_vectors v WHERE v.id = p.id)),
			(SELECT count(*) FROM practice_vectors v WHERE NOT EXISTS (SELECT 1 FROM practices p WHERE p.id = v.id))`).Scan(&stale, &missing, &extra); err != nil {
			t.Fatal(err)
		}
		if stale+missing+extra != 0 {
			t.Fatalf("after %s: %d stale, %d missing and %d extra vectors", step, stale, missing, extra)
		}
	}
	finds := func(step, query string, want ...uuid.UUID) {
		t.Helper()
		page, err := s.ListPractices(ctx, domain.PracticeFilter{ProgrammeID: &prog.ID, Query: query, Viewer: domain.PracticeSearchViewer{Admin: true}},
			domain.PageRequest{Page: 1, Size: 20, Sort: "title"})
		if err != nil {
			t.Fatal(err)
		}
		got := map[uuid.UUID]bool{}
		for _, p := range page.Items {
			got[p.ID] = true
		}
		if len(got) != len(want) || int(page.Total) != len(want) {
			t.Fatalf("after %s, %q finds %d (total %d), want %d", step, query, len(got), page.Total, len(want))
		}
		for _, id := range want {
			if !got[id] {
				t.Fatalf("after %s, %q does not find %s", step, query, id)
			}
		}
	}

	a, b := uuid.New(), uuid.New()
	for _, id := range []uuid.UUID{a, b} {
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, summary, language, country, status, content)
			VALUES ($1, $2, $3, $4, 'Job coaching', 'Coaching for employers', 'en', 'BE', 'published', '{"approach": "Apprenticeships in small firms"}')`,
			id, prog.ID, org.ID, user.ID)
	}
	inSync("insert")
	finds("insert", "apprenticeships", a, b)

	exec(`UPDATE practices SET content = '{"approach": "Mentoring by former workers"}' WHERE id = $1`, a)
	inSync("a change of the text")
	finds("a change of the text", "apprenticeships", b)
	finds("a change of the text", "mentoring", a)

	exec(`UPDATE practices SET status = 'archived', version = version + 1 WHERE id = $1`, b)
	inSync("a change of status")

	exec(`UPDATE practices SET translations = '{"nl": {"status": "done", "title": "Leerbanen", "summary": "Werkplekleren in kleine bedrijven"}}' WHERE id = $1`, b)
	inSync("a new translation")
	finds("a new translation", "werkplekleren", b)

	tx, err := s.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE practices SET title = 'Reintegration through sport' WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	inSync("a rolled-back change")
	finds("a rolled-back change", "sport")

	exec(`DELETE FROM practices WHERE id = $1`, a)
	inSync("a delete")
	finds("a delete", "mentoring")
}
