package domain_test

import (
	"math"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestWeightedScoreLeavesOutNA checks a review's weighted score on a rubric of a gate and three
// scored criteria (weights 2, 1 and 1, scales 1–5, 0–4 and 1–4): n/a and unanswered criteria are
// left out and the weights renormalised over the answered ones, and the score is not rounded.
func TestWeightedScoreLeavesOutNA(t *testing.T) {
	rubric := &domain.Rubric{Criteria: []domain.Criterion{
		{Key: "gate", Tier: domain.TierGate, Scale: domain.Range{Min: 0, Max: 1}},
		{Key: "effect", Tier: domain.TierCore, Weight: 2, Scale: domain.Range{Min: 1, Max: 5}, AllowNA: true},
		{Key: "equity", Tier: domain.TierCore, Weight: 1, Scale: domain.Range{Min: 0, Max: 4}, AllowNA: true},
		{Key: "transfer", Tier: domain.TierQualifier, Weight: 1, Scale: domain.Range{Min: 1, Max: 4}, AllowNA: true},
	}}
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		name   string
		scores []domain.Score
		want   float64 // NaN: no score
	}{
		// (2·4/4 + 1·2/4 + 1·2/3) / 4 = (2 + 0.5 + 0.6667) / 4 = 79.17 %
		{"all answered", []domain.Score{{CriterionKey: "gate", Value: f(1)}, {CriterionKey: "effect", Value: f(5)}, {CriterionKey: "equity", Value: f(2)},
			{CriterionKey: "transfer", Value: f(3)}}, (2 + 0.5 + 2.0/3) / 4 * 100},
		// equity n/a: (2·1 + 1·2/3) / 3 = 88.89 %, not (2 + 0 + 0.6667) / 4 = 66.67 %
		{"equity n/a", []domain.Score{{CriterionKey: "effect", Value: f(5)}, {CriterionKey: "equity"}, {CriterionKey: "transfer", Value: f(3)}},
			(2 + 2.0/3) / 3 * 100},
		// transfer unanswered, equity n/a: effect alone, 3 of 1–5 = 50 %
		{"one answered", []domain.Score{{CriterionKey: "effect", Value: f(3)}, {CriterionKey: "equity"}}, 50},
		{"everything n/a", []domain.Score{{CriterionKey: "effect"}, {CriterionKey: "equity"}, {CriterionKey: "transfer"}}, math.NaN()},
		{"gate alone does not score", []domain.Score{{CriterionKey: "gate", Value: f(1)}}, math.NaN()},
	}
	for _, tc := range cases {
		r := domain.Review{Scores: tc.scores}
		got := r.WeightedScore(rubric)
		switch {
		case math.IsNaN(tc.want) && got != nil:
			t.Errorf("%s: %v, want no score", tc.name, *got)
		case !math.IsNaN(tc.want) && (got == nil || math.Abs(*got-tc.want) > 1e-9):
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	// 26 of 0–30 is 86.666…, kept as it is: a practice's mean is rounded once, for display.
	v := 26.0
	r := domain.Review{Scores: []domain.Score{{CriterionKey: "q", Value: &v}}}
	if got := r.WeightedScore(&domain.Rubric{Criteria: []domain.Criterion{{Key: "q", Tier: domain.TierCore, Weight: 1, Scale: domain.Range{Min: 0, Max: 30}}}}); got == nil || *got != 26.0/30*100 {
		t.Errorf("26 of 30: %v, want %v unrounded", got, 26.0/30*100)
	}
}
