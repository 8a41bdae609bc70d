package benchdata_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/benchdata"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

func TestGenerateSmall(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(testdb.New(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	raw := db.SQL()
	size := benchdata.Small
	start := time.Now()
	if err := benchdata.Generate(ctx, raw, size); err != nil {
		t.Fatal(err)
	}
	var dbSize string
	if err := raw.QueryRowContext(ctx, `SELECT pg_size_pretty(pg_database_size(current_database()))`).Scan(&dbSize); err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %+v in %s, database %s", size, time.Since(start).Round(time.Millisecond), dbSize)

	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := raw.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM practices`:                                                                    size.Practices,
		`SELECT count(*) FROM users`:                                                                        size.Users,
		`SELECT count(*) FROM organisations`:                                                                size.Organisations,
		`SELECT count(DISTINCT country) FROM organisations`:                                                 size.Countries,
		`SELECT count(*) FROM reviews WHERE status = 'submitted'`:                                           size.Reviews,
		`SELECT count(*) FROM adaptations`:                                                                  size.Adaptations,
		`SELECT count(*) FROM comments`:                                                                     size.Comments,
		`SELECT count(*) FROM rounds`:                                                                       3,
		`SELECT count(*) FROM rubrics WHERE status = 'active'`:                                              1,
		`SELECT count(*) FROM memberships`:                                                                  size.Users,
		`SELECT count(DISTINCT language) FROM practices`:                                                    4,
		`SELECT count(*) FROM reviews WHERE jsonb_array_length(scores) = 10`:                                size.Reviews,
		`SELECT count(*) FROM practices WHERE status IN ('published', 'archived') AND published_at IS NULL`: 0,
		`SELECT count(*) FROM practices p WHERE revision > 0 AND NOT EXISTS (SELECT 1 FROM practice_revisions r WHERE r.practice_id = p.id AND r.number = p.revision)`: 0,
	} {
		if got := count(q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
	translated := count(`SELECT count(*) FROM practices WHERE translations <> '{}'`)
	if lo, hi := int(0.15*float64(size.Practices)), int(0.25*float64(size.Practices)); translated < lo || translated > hi {
		t.Errorf("%d translated practices, want about a fifth of %d", translated, size.Practices)
	}
	if n := count(`SELECT avg(octet_length(title || summary || content::text || products::text))::int FROM practices`); n < 7000 || n > 12000 {
		t.Errorf("a practice holds %d bytes of text on average, want about 9 KB", n)
	}
	// Hard rules of assignment hold for the generated reviewers.
	if n := count(`SELECT count(*) FROM assignments a JOIN practices p ON p.id = a.practice_id JOIN users u ON u.id = a.reviewer_id
		JOIN organisations o ON o.id = u.organisation_id
		WHERE o.country = p.country OR NOT (u.languages ? p.language OR p.translations ? ANY (SELECT jsonb_array_elements_text(u.languages)))`); n != 0 {
		t.Errorf("%d assignments break a hard rule", n)
	}
	if n := count(`SELECT count(*) FROM (SELECT 1 FROM assignments GROUP BY round_id, reviewer_id HAVING count(*) > 100) x`); n != 0 {
		t.Errorf("%d reviewers above max_load", n)
	}

	s := postgres.NewStore(db)
	var programmeID uuid.UUID
	if err := raw.QueryRowContext(ctx, `SELECT id FROM programmes WHERE name = $1`, benchdata.ProgrammeName).Scan(&programmeID); err != nil {
		t.Fatal(err)
	}
	ids := column(t, raw, `SELECT id FROM practices ORDER BY id LIMIT 25`)
	ids = append(ids, column(t, raw, `SELECT id FROM practices WHERE translations <> '{}' ORDER BY id LIMIT 5`)...)
	for _, id := range ids {
		p, err := s.Practice(ctx, id, false)
		if err != nil {
			t.Fatalf("practice %s: %v", id, err)
		}
		if p.Content.Approach == "" || len(p.Products) == 0 || len(p.Products[0].CoreElements) == 0 || len(p.Content.LearningQuestions) == 0 ||
			p.Content.Evidence.Level == "" || p.Content.Scale.Participants == nil {
			t.Errorf("practice %s decodes incompletely: %+v", id, p.PracticeText)
		}
		for lang, tr := range p.Translations {
			if lang == p.Language || tr.Approach == "" || len(tr.Products) != len(p.Products) {
				t.Errorf("practice %s: translation %s incomplete", id, lang)
			}
		}
	}

	// Stemmed searches: each finds practices written in (or translated into) its language.
	viewer := domain.PracticeSearchViewer{Coordinator: true}
	langs := map[string]bool{}
	for lang, q := range map[string]string{"en": "employers returning", "nl": "werkgevers", "fr": "employeurs", "de": "Arbeitgebern"} {
		page, err := s.ListPractices(ctx, domain.PracticeFilter{ProgrammeID: &programmeID, Query: q, Viewer: viewer}, domain.PageRequest{Page: 1, Size: 20})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		found := false
		for _, p := range page.Items {
			_, translated := p.Translations[lang]
			found = found || p.Language == lang || translated
			langs[p.Language] = true
		}
		if !found {
			t.Errorf("search %q finds no practice in %s (%d hits)", q, lang, len(page.Items))
		}
	}
	if len(langs) < 2 {
		t.Errorf("stemmed searches find practices in %v only", langs)
	}

	for _, id := range column(t, raw, `SELECT assignment_id FROM reviews ORDER BY assignment_id LIMIT 5`) {
		r, err := s.Review(ctx, id, false)
		if err != nil {
			t.Fatalf("review %s: %v", id, err)
		}
		if r.Status != domain.ReviewSubmitted || len(r.Scores) != 10 || r.Transferability.Rating == nil || r.Recommendation == "" || r.Confidence == nil {
			t.Errorf("review %s decodes incompletely: %+v", id, r)
		}
	}
	for _, id := range column(t, raw, `SELECT adaptation_id FROM adaptation_outcomes ORDER BY adaptation_id LIMIT 5`) {
		a, err := s.Adaptation(ctx, id, false)
		if err != nil {
			t.Fatalf("adaptation %s: %v", id, err)
		}
		if a.Frame.When == "" || a.Frame.Fidelity == "" || len(a.Frame.Reasons) == 0 || len(a.Outcomes) == 0 {
			t.Errorf("adaptation %s decodes incompletely: %+v", id, a)
		}
	}
	d, err := s.Dashboard(ctx, programmeID)
	if err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	if len(d.Timeline) == 0 {
		t.Errorf("dashboard timeline is empty")
	}
}

func column(t *testing.T, db *sql.DB, q string) []uuid.UUID {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}
