package postgres

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestDashboardFigures checks every figure group the dashboard statements return, typed.
func TestDashboardFigures(t *testing.T) {
	s, org, prog := newTestStore(t)
	ctx := context.Background()
	var users []uuid.UUID
	for _, email := range []string{"a@example.org", "b@example.org", "c@example.org", "d@example.org"} {
		u, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: email, Name: email, OrganisationID: org.ID, PasswordHash: "x", Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u.ID)
	}
	exec := execer(t, s)
	practices := map[string]uuid.UUID{}
	for _, p := range []struct{ key, country, status, themes string }{
		{"be1", "BE", "published", `["upscaling"]`}, {"be2", "BE", "published", `["upscaling"]`},
		{"nl", "NL", "submitted", `["upscaling", "networks"]`}, {"draft", "FR", "draft", `["networks"]`},
	} {
		practices[p.key] = uuid.New()
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status, themes)
			VALUES ($1, $2, $3, $4, $5, 'en', $6, $7, $8)`, practices[p.key], prog.ID, org.ID, users[0], p.key, p.country, p.status, p.themes)
	}
	rubric, round := uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active', '[]', '[]')`, rubric, prog.ID)
	exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'Spring', $3, 'open', now() + interval '1 day', 2, 5)`,
		round, prog.ID, rubric)
	past, future := time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
	for i, a := range []struct {
		status string
		due    time.Time
	}{{"assigned", past}, {"accepted", future}, {"declined", future}, {"submitted", past}} {
		exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, $5, $6, 'manual')`,
			uuid.New(), round, practices["nl"], users[i], a.status, a.due)
	}
	for _, a := range []struct{ country, stage, frame, barriers, facilitators string }{
		{"DE", "exploring", `{"fidelity":"consistent","reasons":{"organisation":["resources"],"recipient":[]}}`, `["Privacy rules", "no budget"]`, `["support"]`},
		{"DE", "exploring", `{"fidelity":"","reasons":{"organisation":["time"]}}`, `["privacy rules "]`, `[]`},
		{"IE", "implementing", `{}`, `[]`, `["Support", "champions"]`},
	} {
		exec(`INSERT INTO adaptations (id, programme_id, source_practice_id, adopting_organisation_id, country, title, stage, frame, barriers, facilitators, created_by)
			VALUES ($1, $2, $3, $4, $5, 'A', $6, $7, $8, $9, $10)`, uuid.New(), prog.ID, practices["be1"], org.ID, a.country, a.stage, a.frame, a.barriers, a.facilitators, users[0])
	}

	d, err := s.Dashboard(ctx, prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", name, got, want)
		}
	}
	check("practices", d.Practices, domain.PracticeFigures{
		ByStatus:  []domain.KeyCount{{Key: "published", Count: 2}, {Key: "submitted", Count: 1}},
		ByCountry: []domain.KeyCount{{Key: "BE", Count: 2}, {Key: "NL", Count: 1}},
		ByTheme:   []domain.KeyCount{{Key: "upscaling", Count: 3}, {Key: "networks", Count: 1}},
	})
	check("assignments", d.Assignments, domain.AssignmentFigures{Assigned: 1, Accepted: 1, Declined: 1, Submitted: 1, Overdue: 1})
	check("adaptations", d.Adaptations, domain.AdaptationFigures{
		ByStage:       []domain.KeyCount{{Key: "exploring", Count: 2}, {Key: "implementing", Count: 1}},
		ByFidelity:    []domain.KeyCount{{Key: "unknown", Count: 2}, {Key: "consistent", Count: 1}},
		ByReasonLevel: []domain.KeyCount{{Key: "organisation", Count: 2}},
		Flow:          []domain.CountryFlow{{From: "BE", To: "DE", Count: 2}, {From: "BE", To: "IE", Count: 1}},
		Barriers:      []domain.KeyCount{{Key: "privacy rules", Count: 2}, {Key: "no budget", Count: 1}},
		Facilitators:  []domain.KeyCount{{Key: "support", Count: 2}, {Key: "champions", Count: 1}},
	})
	month := time.Now().UTC().Format("2006-01")
	check("timeline", d.Timeline, []domain.MonthOutputs{{Month: month, ProductsAdapted: 3}})
}
