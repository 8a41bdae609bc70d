package service_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// benchRound fills a round of the default rubric with practices × 3 submitted reviews from a pool
// of 300 reviewers (each practice's three drawn so that the reviewers are connected, as in a real
// round), scores made of a practice quality, a reviewer bias and noise. The per-unit values are
// filled in one statement, as migration 0021 does, instead of a refresh per review at commit.
func benchRound(b *testing.B, practices int) (*service.Service, *postgres.Store, *postgres.DB, *domain.Actor, uuid.UUID) {
	b.Helper()
	db, err := postgres.Open(testdb.New(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	store := postgres.NewStore(db)
	ctx := context.Background()
	exec := func(q string, args ...any) {
		b.Helper()
		if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
			b.Fatal(err)
		}
	}
	org, err := store.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: "Org", Country: "BE", Kind: "ngo", Version: 1})
	if err != nil {
		b.Fatal(err)
	}
	admin, err := store.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "admin@example.org", Name: "Admin", OrganisationID: org.ID, PasswordHash: "x", IsAdmin: true, Version: 1})
	if err != nil {
		b.Fatal(err)
	}
	prog, err := store.CreateProgramme(ctx, domain.Programme{ID: uuid.New(), Name: "P", Version: 1})
	if err != nil {
		b.Fatal(err)
	}
	rubric, err := store.CreateRubric(ctx, domain.Rubric{ID: uuid.New(), ProgrammeID: prog.ID, Number: 1, Title: "Default", Status: domain.RubricActive,
		Criteria: domain.DefaultCriteria(), RecommendationOptions: domain.DefaultRecommendations, Version: 1})
	if err != nil {
		b.Fatal(err)
	}
	round, err := store.CreateRound(ctx, domain.Round{ID: uuid.New(), ProgrammeID: prog.ID, Name: "Round", RubricID: rubric.ID, Status: domain.RoundOpen,
		DueAt: time.Now().Add(24 * time.Hour), ReviewersPerPractice: 3, MaxLoad: 50, Version: 1})
	if err != nil {
		b.Fatal(err)
	}
	exec(`INSERT INTO users (id, email, name, organisation_id, password_hash)
		SELECT gen_random_uuid(), 'reviewer' || g || '@example.org', 'Reviewer ' || g, $1, 'x' FROM generate_series(0, 299) g`, org.ID)
	exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status)
		SELECT gen_random_uuid(), $1, $2, $3, 'Practice ' || g, 'en', 'BE', 'in_review' FROM generate_series(1, $4::int) g`, prog.ID, org.ID, admin.ID, practices)
	exec(`INSERT INTO round_practices (round_id, practice_id, revision, added_at)
		SELECT $1, id, 1, now() + make_interval(secs => row_number() OVER (ORDER BY title)) FROM practices WHERE programme_id = $2`, round.ID, prog.ID)
	exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source)
		SELECT gen_random_uuid(), $1, p.id, r.id, 'submitted', now(), 'manual'
		FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM practices WHERE programme_id = $2) p,
			generate_series(0, 2) j,
			LATERAL (SELECT id FROM users WHERE email = 'reviewer' || ((p.g * 7 + j * 97) % 300) || '@example.org') r`, round.ID, prog.ID)
	// Criterion answers 1–4 around the practice's quality, gates passed, a recommendation.
	var answers []string
	for _, c := range domain.DefaultCriteria() {
		v := "least(4, greatest(1, round(q / 25 + random() - 0.5)))::int"
		if c.Gate() {
			v = "1"
		}
		answers = append(answers, fmt.Sprintf("jsonb_build_object('criterion_key', '%s', 'value', %s)", c.Key, v))
	}
	exec(`ALTER TABLE reviews DISABLE TRIGGER reviews_unit_changed`)
	exec(`INSERT INTO reviews (assignment_id, revision, status, submitted_at, scores, weighted_score, gates_passed, recommendation)
		SELECT a.id, 1, 'submitted', now(), jsonb_build_array(`+strings.Join(answers, ", ")+`), least(100, greatest(0, q)), true,
			(ARRAY['good_practice', 'promising_practice', 'revise_and_resubmit', 'not_recommended'])[1 + (abs(hashtext(a.id::text)) % 4)]
		FROM assignments a JOIN users u ON u.id = a.reviewer_id,
			LATERAL (SELECT 30 + abs(hashtext(a.practice_id::text)) % 60 + (abs(hashtext(u.email)) % 21 - 10) + 12 * (random() - 0.5) AS q) s
		WHERE a.round_id = $1`, round.ID)
	exec(`ALTER TABLE reviews ENABLE TRIGGER reviews_unit_changed`)
	exec(`INSERT INTO round_unit_values (round_id, practice_id, key, vs, reviewers) SELECT * FROM pb_unit_values($1, NULL)`, round.ID)
	exec(`INSERT INTO round_data_versions (round_id, version) VALUES ($1, 1) ON CONFLICT (round_id) DO UPDATE SET version = 1`, round.ID)
	exec(`VACUUM ANALYZE round_unit_values`)
	exec(`VACUUM ANALYZE assignments`)
	exec(`VACUUM ANALYZE reviews`)
	svc := service.New(service.Options{Stores: service.Stores{
		Tx: store, Audit: store, Organisations: store, Users: store, Sessions: store, Programmes: store,
		Invitations: store, Practices: store, Comments: store, Rubrics: store, Rounds: store, Assignments: store,
		Reviews: store, Notifications: store, Adaptations: store, Dashboards: store, Exports: store,
	}})
	return svc, store, db, &domain.Actor{UserID: admin.ID, OrganisationID: org.ID, IsAdmin: true}, round.ID
}

// BenchmarkRoundResults17000x3 measures GET /rounds/{id}/results in the service on a round of
// 17,000 practices × 3 reviews: "statistics" is the first read after a change (the data version
// moved on, so the round's statistics — agreement with bootstrap intervals, ICC, SEM, the
// reviewer-adjusted model over every reviewer — are computed from the per-unit values and cached,
// then a page is read), split into "aggregates" (the three SQL statements that read the per-unit
// values) and "compute" (the statistics computed from them in Go); "page" every later read
// (cached statistics and a page of 100).
func BenchmarkRoundResults17000x3(b *testing.B) {
	svc, store, db, actor, round := benchRound(b, 17000)
	ctx := context.Background()
	var keys []string
	for _, c := range domain.DefaultCriteria() {
		if !c.Gate() {
			keys = append(keys, c.Key)
		}
	}
	rubric := domain.Rubric{Criteria: domain.DefaultCriteria(), RecommendationOptions: domain.DefaultRecommendations}
	agg, err := store.RoundAggregates(ctx, round, keys)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("aggregates", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.RoundAggregates(ctx, round, keys); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compute", func(b *testing.B) {
		for b.Loop() {
			if st := service.StatisticsOf(1, agg, &rubric); st.ICC == nil || len(st.ReviewerEffects) != 300 {
				b.Fatalf("statistics: ICC %v, %d reviewer effects", st.ICC, len(st.ReviewerEffects))
			}
		}
	})
	page := domain.PageRequest{Page: 1, Size: 100}
	check := func(r service.RoundResults) {
		if r.Total != 17000 || len(r.Practices) != 100 || r.ICC == nil || r.SEM == nil || r.Practices[0].ReviewerAdjustedScore == nil {
			b.Fatalf("results: total %d, %d practices, ICC %v, SEM %v", r.Total, len(r.Practices), r.ICC, r.SEM)
		}
	}
	b.Run("statistics", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			if _, err := db.SQL().ExecContext(ctx, `UPDATE round_data_versions SET version = version + 1 WHERE round_id = $1`, round); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			r, err := svc.Results(ctx, actor, round, page)
			if err != nil {
				b.Fatal(err)
			}
			check(r)
		}
	})
	b.Run("page", func(b *testing.B) {
		if _, err := svc.Results(ctx, actor, round, page); err != nil {
			b.Fatal(err)
		}
		for i := 0; b.Loop(); i++ {
			r, err := svc.Results(ctx, actor, round, domain.PageRequest{Page: 1 + i%170, Size: 100})
			if err != nil {
				b.Fatal(err)
			}
			check(r)
		}
	})
}
