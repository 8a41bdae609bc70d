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
	"github.com/peerbridge/peerbridge/internal/service"
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
		`SELECT count(*) FROM learning_profiles`: size.LearningProfiles,
		`SELECT count(*) FROM activities`:        size.Activities,
		// Every profile offers a theme and wants one; every activity has its host among its participants and an agenda.
		`SELECT count(*) FROM learning_profiles lp WHERE NOT EXISTS (SELECT 1 FROM learning_profile_themes t WHERE t.organisation_id = lp.organisation_id AND t.offers)
			OR NOT EXISTS (SELECT 1 FROM learning_profile_themes t WHERE t.organisation_id = lp.organisation_id AND t.wants <> 'none')`: 0,
		`SELECT count(*) FROM activities a WHERE NOT EXISTS (SELECT 1 FROM activity_participants p WHERE p.activity_id = a.id
			AND p.organisation_id = a.host_organisation_id AND p.role = 'host' AND p.position = 0)`: 0,
		`SELECT count(*) FROM activities a WHERE NOT EXISTS (SELECT 1 FROM activity_agenda_items i WHERE i.activity_id = a.id)`:                   0,
		`SELECT count(*) FROM activity_agenda_items i JOIN activities a ON a.id = i.activity_id WHERE i.at NOT BETWEEN a.starts_at AND a.ends_at`: 0,
		`SELECT count(*) FROM activity_practices ap JOIN practices p ON p.id = ap.practice_id WHERE p.status = 'draft'`:                           0,
		// A peer-review meeting in the Mutual Learning Programme's way: one host, peers from other countries than the host's.
		`SELECT count(*) FROM activities a WHERE a.kind = 'peer_review_meeting' AND (
			(SELECT count(*) FROM activity_participants p WHERE p.activity_id = a.id AND p.role = 'host') <> 1
			OR (SELECT count(DISTINCT o.country) FROM activity_participants p JOIN organisations o ON o.id = p.organisation_id
				WHERE p.activity_id = a.id AND p.role = 'peer') < 3
			OR EXISTS (SELECT 1 FROM activity_participants p JOIN organisations o ON o.id = p.organisation_id
				WHERE p.activity_id = a.id AND p.role = 'peer' AND o.country = a.country))`: 0,
		`SELECT count(*) FROM activity_follow_ups f JOIN activities a ON a.id = f.activity_id WHERE a.status <> 'held'
			OR f.due_on <= a.ends_at::date OR NOT EXISTS (SELECT 1 FROM activity_participants p WHERE p.activity_id = a.id AND p.organisation_id = f.owner_organisation_id)`: 0,
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

	// Learning profiles: themes that say something, questions in the organisation's language or
	// English, and at least one pair of countries that each want what the other offers.
	if n := count(`SELECT count(*) FROM learning_profile_themes WHERE jsonb_array_length(questions) > 0`); n < size.LearningProfiles {
		t.Errorf("%d themes with questions, want one per profile at least", n)
	}
	if n := count(`SELECT count(DISTINCT q) FROM learning_profile_themes, jsonb_array_elements_text(questions) AS q`); n < 20 {
		t.Errorf("%d distinct questions, want them drawn from every language and theme", n)
	}
	// Activities: every kind, held ones in the past with minutes and follow-ups, planned ones ahead,
	// and participants from several countries.
	if n := count(`SELECT count(DISTINCT kind) FROM activities`); n < 4 {
		t.Errorf("%d kinds of activity", n)
	}
	if n := count(`SELECT count(*) FROM activities WHERE status = 'held' AND starts_at < now() AND minutes <> ''`); n < size.Activities/2 {
		t.Errorf("%d held activities with minutes of %d", n, size.Activities)
	}
	if n := count(`SELECT count(*) FROM activities WHERE status = 'planned' AND starts_at > now()`); n == 0 {
		t.Errorf("no planned activity ahead")
	}
	if n := count(`SELECT count(*) FROM activity_follow_ups`); n < size.Activities/2 {
		t.Errorf("%d follow-ups for %d activities", n, size.Activities)
	}
	if n := count(`SELECT min(c) FROM (SELECT count(DISTINCT o.country) AS c FROM activity_participants p JOIN organisations o ON o.id = p.organisation_id
		GROUP BY p.activity_id) x`); n < 2 {
		t.Errorf("an activity has participants from %d country", n)
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
	readsExchange(t, ctx, raw, s, programmeID)
}

// readsExchange reads the learning profiles and the activities through the service, as the
// matches, the learning map, the activity list and an activity page do.
func readsExchange(t *testing.T, ctx context.Context, raw *sql.DB, s *postgres.Store, programmeID uuid.UUID) {
	t.Helper()
	svc := service.New(service.Options{Stores: service.Stores{Tx: s, Audit: s, Organisations: s, Users: s, Programmes: s, Activities: s, Learning: s}})
	actor := func(q string) *domain.Actor {
		t.Helper()
		var a domain.Actor
		if err := raw.QueryRowContext(ctx, `SELECT u.id, u.organisation_id, o.country FROM users u JOIN organisations o ON o.id = u.organisation_id
			JOIN memberships m ON m.user_id = u.id AND m.programme_id = $1 WHERE `+q+` ORDER BY u.email LIMIT 1`, programmeID).
			Scan(&a.UserID, &a.OrganisationID, &a.Country); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return &a
	}
	coordinator := actor(`m.roles ? 'coordinator'`)
	partner := actor(`NOT m.roles ? 'coordinator' AND EXISTS (SELECT 1 FROM learning_profile_themes t WHERE t.organisation_id = u.organisation_id AND t.wants <> 'none')`)

	matches, err := svc.Matches(ctx, partner, programmeID)
	if err != nil {
		t.Fatalf("matches: %v", err)
	}
	kinds := map[string]int{}
	answers := 0
	for _, m := range matches.Suggestions {
		kinds[m.Kind]++
		for _, r := range m.Reasons {
			if r.Code == domain.ReasonAnswersQuestion {
				answers++
			}
		}
	}
	if kinds[service.SuggestOrganisation] == 0 || kinds[service.SuggestPractice] == 0 || answers == 0 {
		t.Errorf("matches of a partner: %v suggestions, %d answering a question", kinds, answers)
	}
	m, _, err := svc.LearningMap(ctx, coordinator, programmeID)
	if err != nil {
		t.Fatalf("learning map: %v", err)
	}
	if len(m.Cells) == 0 || len(m.Pairs) == 0 {
		t.Errorf("learning map: %d cells, %d pairs of countries", len(m.Cells), len(m.Pairs))
	}

	now := time.Now()
	past, err := svc.ListActivities(ctx, partner, domain.ActivityFilter{ProgrammeID: programmeID, To: &now}, domain.PageRequest{Page: 1, Size: 100, Sort: "-starts_at"})
	if err != nil {
		t.Fatalf("activities: %v", err)
	}
	if len(past.Items) == 0 || past.Items[0].ParticipantOrganisations == 0 || past.Items[0].People == 0 {
		t.Fatalf("past activities: %d, the first %+v", len(past.Items), past.Items)
	}
	if first, err := svc.Activity(ctx, partner, past.Items[0].ID); err != nil || len(first.Agenda) == 0 ||
		len(first.Participants) != past.Items[0].ParticipantOrganisations {
		t.Fatalf("the latest past activity: %d agenda items, %d participants for the list's %d; %v",
			len(first.Agenda), len(first.Participants), past.Items[0].ParticipantOrganisations, err)
	}
	upcoming, err := svc.ListActivities(ctx, partner, domain.ActivityFilter{ProgrammeID: programmeID, From: &now}, domain.PageRequest{Page: 1, Size: 100, Sort: "starts_at"})
	if err != nil || len(upcoming.Items) == 0 {
		t.Fatalf("upcoming activities: %d, %v", len(upcoming.Items), err)
	}
	held := column(t, raw, `SELECT a.id FROM activities a WHERE a.status = 'held' AND EXISTS (SELECT 1 FROM activity_follow_ups f WHERE f.activity_id = a.id)
		AND EXISTS (SELECT 1 FROM activity_practices p WHERE p.activity_id = a.id) ORDER BY a.id LIMIT 3`)
	if len(held) == 0 {
		t.Fatal("no held activity with follow-ups and practices")
	}
	for _, id := range held {
		a, err := svc.Activity(ctx, partner, id)
		if err != nil {
			t.Fatalf("activity %s: %v", id, err)
		}
		if a.Minutes == "" || len(a.Practices) == 0 || len(a.FollowUps) == 0 || a.FollowUps[0].OwnerOrganisationName == "" || a.HostOrganisationName == "" {
			t.Errorf("activity %s reads incompletely: %+v", id, a.Activity)
		}
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
