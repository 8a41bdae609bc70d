package postgres_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// benchStore fills a programme with n practices, 10% of them adapted, and returns the store.
func benchStore(b *testing.B, n int) (*postgres.Store, uuid.UUID, uuid.UUID) {
	b.Helper()
	db, err := postgres.Open(testdb.New(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	s := postgres.NewStore(db)
	ctx := context.Background()
	org, _ := s.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: "Org", Country: "NL", Kind: "ngo", Version: 1})
	user, _ := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "u@example.org", Name: "U", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
	prog, _ := s.CreateProgramme(ctx, domain.Programme{ID: uuid.New(), Name: "P", Version: 1})
	exec := func(q string, args ...any) {
		if _, err := db.SQL().Exec(q, args...); err != nil {
			b.Fatal(err)
		}
	}
	exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, summary, language, country, status, themes, content)
		SELECT gen_random_uuid(), $1, $2, $3, 'Practice ' || g, 'Werkgevers en werknemers in sector' || (g % 500) || ' ' ||
			(ARRAY['coaching','placements','assessment','training'])[1 + g % 4], (ARRAY['en','nl','fr','de'])[1 + g % 4],
			(ARRAY['NL','BE','FR','DE','IE'])[1 + g % 5], (ARRAY['published','submitted','draft'])[1 + g % 3], '["upscaling"]',
			'{"context":"A description of the setting and the approach","evidence":{"level":"monitoring"}}'
		FROM generate_series(1, $4::int) g`, prog.ID, org.ID, user.ID, n)
	exec(`INSERT INTO adaptations (id, programme_id, source_practice_id, adopting_organisation_id, country, title, stage, frame, barriers, facilitators, created_by)
		SELECT gen_random_uuid(), $1, id, $2, 'FR', 'Adaptation of ' || title, 'implementing', '{"fidelity":"consistent","reasons":{"organisation":["resources"]}}',
			'["no budget","privacy rules"]', '["support"]', $3 FROM practices WHERE programme_id = $1 AND status = 'published' AND random() < 0.3`, prog.ID, org.ID, user.ID)
	exec(`VACUUM ANALYZE practices`)
	exec(`VACUUM ANALYZE adaptations`)
	return s, prog.ID, org.ID
}

// BenchmarkPracticeSearch: a stemmed full-text search with visibility over 20,000 practices.
func BenchmarkPracticeSearch(b *testing.B) {
	s, prog, org := benchStore(b, 20000)
	ctx := context.Background()
	f := domain.PracticeFilter{ProgrammeID: &prog, Query: "werkgever sector17", Viewer: domain.PracticeSearchViewer{OrganisationID: org}}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ListPractices(ctx, f, domain.PageRequest{Page: 1, Size: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPracticeList: the default listing, newest first, of a large programme.
func BenchmarkPracticeList(b *testing.B) {
	s, prog, org := benchStore(b, 20000)
	ctx := context.Background()
	f := domain.PracticeFilter{ProgrammeID: &prog, Viewer: domain.PracticeSearchViewer{OrganisationID: org, Coordinator: true}}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ListPractices(ctx, f, domain.PageRequest{Page: 5, Size: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDashboard: every aggregate of a programme with 20,000 practices and thousands of
// adaptations, in a fixed number of statements.
func BenchmarkDashboard(b *testing.B) {
	s, prog, _ := benchStore(b, 20000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Dashboard(ctx, prog); err != nil {
			b.Fatal(err)
		}
	}
}
