package demo

import (
	"context"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// countedTables are counted before and after the second load.
var countedTables = []string{"organisations", "users", "memberships", "practices", "practice_revisions", "rounds", "round_practices",
	"assignments", "reviews", "decisions", "review_responses", "adaptations", "adaptation_outcomes", "round_unit_values"}

// Loading the demo twice on a fresh database changes nothing the second time, and the round
// results and the dashboard read from it the figures the demo is meant to show.
func TestSeedTwiceThenResultsAndDashboard(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(testdb.New(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := postgres.NewStore(db)
	svc := service.New(service.Options{
		Stores: service.Stores{Tx: store, Audit: store, Organisations: store, Users: store, Sessions: store, Programmes: store,
			Invitations: store, Practices: store, Comments: store, Rubrics: store, Rounds: store, Assignments: store, Bids: store,
			Reviews: store, Notifications: store, Adaptations: store, Dashboards: store, Exports: store, Calls: store,
			Discussions: store, Reminders: store},
		Hasher: auth.NewHasher(2),
		Signer: auth.NewSigner([]byte("a test secret that is long enough for the signer to accept"), "peerbridge", "peerbridge", time.Minute, nil),
	})
	count := func() map[string]int {
		out := map[string]int{}
		for _, table := range countedTables {
			var n int
			if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
				t.Fatalf("count %s: %v", table, err)
			}
			out[table] = n
		}
		return out
	}
	start := time.Now()
	if err := Seed(ctx, store, svc, io.Discard); err != nil {
		t.Fatalf("first load: %v", err)
	}
	t.Logf("first load took %s", time.Since(start))
	first := count()
	if err := Seed(ctx, store, svc, io.Discard); err != nil {
		t.Fatalf("second load: %v", err)
	}
	second := count()
	for _, table := range countedTables {
		if first[table] != second[table] {
			t.Errorf("%s: %d rows after the first load, %d after the second", table, first[table], second[table])
		}
	}
	submitted := 0
	for _, r := range allReviews() {
		if r.state == stateSubmitted {
			submitted++
		}
	}
	var stored, scored int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*), count(weighted_score) FROM reviews WHERE status = 'submitted'`).Scan(&stored, &scored); err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"organisations": len(demoOrganisations()), "users": len(demoPeople()), "practices": len(allPractices()), "rounds": 3,
		"adaptations": len(demoAdaptations) + len(yearAdaptations)}; true {
		for table, n := range want {
			if first[table] != n {
				t.Errorf("%s: %d rows, want %d", table, first[table], n)
			}
		}
	}
	if stored != submitted || scored != submitted {
		t.Errorf("%d submitted reviews stored, %d with a weighted score; the demo submits %d", stored, scored, submitted)
	}

	coordinator := &domain.Actor{UserID: ID("user", "coordinator@peerbridge.example"), OrganisationID: ID("organisation", "jobcentrum"), Country: "BE"}
	for _, tc := range []struct {
		round, status string
		practices     int
		readings      []string
		spreadFlag    bool
	}{
		{"spring", domain.RoundDecided, 8, []string{"good", "tentative", "low"}, true},
		{"autumn", domain.RoundClosed, 9, []string{"good", "tentative", "low"}, true},
		{"winter", domain.RoundOpen, 8, []string{"good", "tentative", "low"}, false},
	} {
		t.Run(tc.round, func(t *testing.T) {
			res, err := svc.Results(ctx, coordinator, ID("round", tc.round), domain.PageRequest{Page: 1, Size: 50})
			if err != nil {
				t.Fatal(err)
			}
			if res.Round.Status != tc.status || res.Total != tc.practices || len(res.Practices) != tc.practices {
				t.Fatalf("status %s with %d practices (%d on the page), want %s with %d", res.Round.Status, res.Total, len(res.Practices), tc.status, tc.practices)
			}
			ws := res.WeightedScore
			if ws.Alpha == nil || ws.CI95 == nil || !slices.Contains(tc.readings, ws.Reading) || ws.Units < 5 {
				t.Errorf("weighted-score agreement: alpha %v, interval %v, reading %q over %d units", ws.Alpha, ws.CI95, ws.Reading, ws.Units)
			} else if ws.CI95[0] > *ws.Alpha || ws.CI95[1] < *ws.Alpha || ws.CI95[1]-ws.CI95[0] < 0.01 {
				t.Errorf("alpha %.3f outside or at its interval %v", *ws.Alpha, *ws.CI95)
			}
			if res.ICC == nil || res.SEM == nil {
				t.Errorf("ICC %v, SEM %v", res.ICC, res.SEM)
			}
			flagged, scored := 0, 0
			if ws.Alpha != nil && ws.CI95 != nil && res.ICC != nil && res.SEM != nil {
				t.Logf("alpha %.3f [%.3f, %.3f] %s; ICC %.2f; SEM %.1f", *ws.Alpha, ws.CI95[0], ws.CI95[1], ws.Reading, res.ICC.Single, *res.SEM)
			}
			for _, p := range res.Practices {
				if p.SpreadFlag {
					flagged++
				}
				if p.Reviews > 0 {
					scored++
					if p.WeightedScore == nil {
						t.Errorf("%s: %d reviews and no score", p.Title, p.Reviews)
					}
				}
			}
			if tc.spreadFlag && (flagged == 0 || flagged == scored) {
				t.Errorf("%d of %d practices flagged for spread, want some but not all", flagged, scored)
			}
			c := res.Completion
			if tc.status == domain.RoundOpen && (c.Assigned == 0 || c.Accepted == 0 || c.Submitted == 0) {
				t.Errorf("open round completion %+v: want assignments outstanding and reviews in", c)
			}
			if tc.status == domain.RoundDecided && c.Decided != tc.practices {
				t.Errorf("decided round: %d of %d decided", c.Decided, tc.practices)
			}
			if tc.status == domain.RoundClosed && c.Decided != 0 {
				t.Errorf("closed round awaiting decisions has %d decided", c.Decided)
			}
		})
	}

	dash, err := svc.Dashboard(ctx, coordinator, ID("programme", cancer))
	if err != nil {
		t.Fatal(err)
	}
	if len(dash.Agreement) != 3 {
		t.Errorf("dashboard: agreement of %d rounds, want 3", len(dash.Agreement))
	}
	for _, a := range dash.Agreement {
		if a.WeightedScore.Alpha == nil || a.Reviews == 0 {
			t.Errorf("dashboard: round %s without agreement (%d reviews)", a.RoundName, a.Reviews)
		}
	}
	o := dash.Outcomes
	if o.Adaptations < 10 || o.Participants < 200 || o.ReturnedToWork == 0 || o.InWorkAfter6Months == 0 || o.ReturnedToWork > o.Participants {
		t.Errorf("dashboard outcomes %+v", o)
	}
	if len(dash.Adaptations.Flow) < 8 || len(dash.Adaptations.Barriers) == 0 || len(dash.Adaptations.Facilitators) == 0 {
		t.Errorf("dashboard adaptations: %d flows, %d barriers, %d facilitators", len(dash.Adaptations.Flow), len(dash.Adaptations.Barriers), len(dash.Adaptations.Facilitators))
	}
	network, err := svc.Dashboard(ctx, &domain.Actor{UserID: ID("user", "coordinator.nl@peerbridge.example"), OrganisationID: ID("organisation", "tilburg"), Country: "NL"},
		ID("programme", secondTrack))
	if err != nil {
		t.Fatal(err)
	}
	if network.Outcomes.PlacementsOffered == 0 || network.Outcomes.Adaptations < 4 {
		t.Errorf("network dashboard outcomes %+v", network.Outcomes)
	}
}
