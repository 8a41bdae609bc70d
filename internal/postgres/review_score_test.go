package postgres

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestStoredScoreFunctionsEqualGo checks that migration 0021's pb_weighted_score and 0008's
// pb_gates_passed (which filled the stored columns of existing reviews) compute exactly what
// domain.Review.WeightedScore and GatesPassed compute, on varied rubrics and answers: fractional
// and zero weights, scales not starting at 0, n/a and missing answers, repeated keys, gate-only
// rubrics, and scores that would land on a rounding half (neither rounds any more).
func TestStoredScoreFunctionsEqualGo(t *testing.T) {
	s, _, _ := newTestStore(t)
	rng := rand.New(rand.NewSource(11))
	f := func(v float64) *float64 { return &v }
	weights := []float64{0, 1, 2, 0.1, 0.3, 1.0 / 3, 2.5, 0.7, 3}
	type sample struct {
		name     string
		criteria []domain.Criterion
		scores   []domain.Score
	}
	samples := []sample{
		{"empty rubric", nil, nil},
		{"gates only, passed", []domain.Criterion{{Key: "g1", Tier: domain.TierGate, Scale: domain.Range{Min: 0, Max: 1}}},
			[]domain.Score{{CriterionKey: "g1", Value: f(1)}}},
		{"gate missing", []domain.Criterion{{Key: "g1", Tier: domain.TierGate, Scale: domain.Range{Min: 0, Max: 1}}}, nil},
		{"gate n/a", []domain.Criterion{{Key: "g1", Tier: domain.TierGate, Scale: domain.Range{Min: 0, Max: 1}}},
			[]domain.Score{{CriterionKey: "g1"}}},
		{"half rounds away from zero", []domain.Criterion{{Key: "a", Tier: "core", Weight: 1, Scale: domain.Range{Min: 0, Max: 8}}},
			[]domain.Score{{CriterionKey: "a", Value: f(1)}}}, // 12.5
		{"half of a tenth", []domain.Criterion{{Key: "a", Tier: "core", Weight: 1, Scale: domain.Range{Min: 0, Max: 16}}},
			[]domain.Score{{CriterionKey: "a", Value: f(1)}}}, // 6.25, no longer 6.3
		{"repeated key, first counts", []domain.Criterion{{Key: "a", Tier: "core", Weight: 1, Scale: domain.Range{Min: 1, Max: 5}}},
			[]domain.Score{{CriterionKey: "a", Value: f(2)}, {CriterionKey: "a", Value: f(5)}}},
		{"repeated key, first n/a", []domain.Criterion{{Key: "a", Tier: "core", Weight: 1, Scale: domain.Range{Min: 1, Max: 5}}},
			[]domain.Score{{CriterionKey: "a"}, {CriterionKey: "a", Value: f(5)}}},
		{"default rubric", domain.DefaultCriteria(), nil},
	}
	for i := 0; i < 300; i++ {
		var cs []domain.Criterion
		var sc []domain.Score
		for k := 0; k < 1+rng.Intn(10); k++ {
			c := domain.Criterion{Key: fmt.Sprintf("c%d", k), Tier: []string{domain.TierGate, "core", "qualifier"}[rng.Intn(3)], AllowNA: true}
			if c.Tier == domain.TierGate {
				c.Scale = domain.Range{Min: 0, Max: 1}
			} else {
				c.Weight = weights[rng.Intn(len(weights))]
				c.Scale.Min = rng.Intn(3)
				c.Scale.Max = c.Scale.Min + 1 + rng.Intn(9)
			}
			cs = append(cs, c)
			switch rng.Intn(6) {
			case 0: // not answered
			case 1:
				sc = append(sc, domain.Score{CriterionKey: c.Key}) // n/a
			default:
				sc = append(sc, domain.Score{CriterionKey: c.Key, Value: f(float64(c.Scale.Min + rng.Intn(c.Scale.Max-c.Scale.Min+1)))})
			}
		}
		rng.Shuffle(len(sc), func(a, b int) { sc[a], sc[b] = sc[b], sc[a] })
		samples = append(samples, sample{fmt.Sprintf("random %d", i), cs, sc})
	}
	for i := range samples[len(samples)-1].criteria {
		samples[len(samples)-1].scores = append(samples[len(samples)-1].scores, domain.Score{CriterionKey: samples[len(samples)-1].criteria[i].Key, Value: f(2)})
	}
	for _, sm := range samples {
		crit, err := Document(sm.criteria)
		if err != nil {
			t.Fatal(err)
		}
		if sm.criteria == nil {
			crit = []byte("[]")
		}
		scores, err := Document(sm.scores)
		if err != nil {
			t.Fatal(err)
		}
		if sm.scores == nil {
			scores = []byte("[]")
		}
		var got struct {
			WeightedScore *float64
			GatesPassed   bool
		}
		if err := s.SQL().QueryRow(`SELECT pb_weighted_score($1::jsonb, $2::jsonb), pb_gates_passed($1::jsonb, $2::jsonb)`, string(scores), string(crit)).
			Scan(&got.WeightedScore, &got.GatesPassed); err != nil {
			t.Fatal(err)
		}
		r := domain.Review{Scores: sm.scores}
		rubric := domain.Rubric{Criteria: sm.criteria}
		want := r.ComputeOutcome(&rubric)
		same := (got.WeightedScore == nil) == (want.WeightedScore == nil) && (got.WeightedScore == nil || *got.WeightedScore == *want.WeightedScore)
		if !same || got.GatesPassed != want.GatesPassed {
			t.Errorf("%s: SQL gives %v, %v; Go gives %v, %v (scores %s, criteria %s)", sm.name, ptrText(got.WeightedScore), got.GatesPassed,
				ptrText(want.WeightedScore), want.GatesPassed, scores, crit)
		}
	}
}

func ptrText(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprintf("%.17g", *p)
}
