package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// TestRoundCoincidencesEqualMatrixAlpha checks that the coincidences RoundAggregates builds in SQL
// from the reviews' stored criterion values give the alpha of the reviewer × practice matrix,
// with n/a and missing answers, repeated keys (the first counts), drafts (left out), practices
// outside the round (left out) and practices with a single answer (not pairable).
func TestRoundCoincidencesEqualMatrixAlpha(t *testing.T) {
	s, org, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	rng := rand.New(rand.NewSource(5))
	const reviewers, practices = 5, 40
	keys := []string{"a", "b", "c"}
	var users []uuid.UUID
	for i := 0; i < reviewers; i++ {
		u, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: fmt.Sprintf("r%d@example.org", i), Name: "R", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u.ID)
	}
	rubric, round := uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active', '[]', '[]')`, rubric, prog.ID)
	exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'R', $3, 'open', now(), 2, 50)`,
		round, prog.ID, rubric)
	want := map[string][][]float64{}
	for p := 0; p < practices; p++ {
		pid := uuid.New()
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status) VALUES ($1, $2, $3, $4, 'P', 'en', 'BE', 'submitted')`,
			pid, prog.ID, org.ID, users[0])
		inRound := p%10 != 9
		if inRound {
			exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES ($1, $2, 1)`, round, pid)
		}
		unit := map[string][]float64{}
		for r := 0; r < 1+rng.Intn(reviewers); r++ {
			aid := uuid.New()
			exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, 'submitted', now(), 'manual')`,
				aid, round, pid, users[r])
			status := "submitted"
			if rng.Intn(6) == 0 {
				status = "draft" // a draft's answers do not count
			}
			var scores []map[string]any
			counted := map[string]bool{}
			for _, k := range keys {
				for rep := 0; rep < 1+rng.Intn(2); rep++ { // sometimes a repeated key: the first counts
					switch rng.Intn(5) {
					case 0: // not answered
					case 1:
						scores = append(scores, map[string]any{"criterion_key": k, "value": nil, "comment": "n/a"})
						counted[k] = true
					default:
						v := float64(1 + rng.Intn(4))
						scores = append(scores, map[string]any{"criterion_key": k, "value": v, "comment": "long text"})
						if !counted[k] && status == "submitted" {
							unit[k] = append(unit[k], v)
						}
						counted[k] = true
					}
				}
			}
			doc, _ := json.Marshal(scores)
			exec(`INSERT INTO reviews (assignment_id, revision, scores, status) VALUES ($1, 1, $2, $3)`, aid, string(doc), status)
		}
		if inRound {
			for _, k := range keys {
				want[k] = append(want[k], unit[k])
			}
		}
	}
	agg, err := s.RoundAggregates(ctx, round, keys)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		w, werr := stats.Alpha(want[k], stats.Ordinal)
		g, gerr := stats.AlphaFromCoincidences(agg.Coincidences[k], stats.Ordinal)
		if (werr == nil) != (gerr == nil) || (werr == nil && math.Abs(g-w) > 1e-12) {
			t.Errorf("%s: alpha from SQL coincidences %v (%v), from the matrix %v (%v)", k, g, gerr, w, werr)
		}
		pairable := 0
		for _, u := range want[k] {
			if len(u) >= 2 {
				pairable++
			}
		}
		if agg.PairableUnits[k] != pairable {
			t.Errorf("%s: %d pairable units, want %d", k, agg.PairableUnits[k], pairable)
		}
	}
}
