package service

import (
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// TestStatisticsOfReportsEveryAgreementFigure checks that a round's statistics carry the four
// agreement figures of SPEC §7.3 from its aggregates: the weighted score (interval), each scored
// criterion (ordinal, gates left out), the gates and the recommendation (nominal), each with its
// interval and reading; and that a rubric without gates has no gate agreement to report.
func TestStatisticsOfReportsEveryAgreementFigure(t *testing.T) {
	rubric := &domain.Rubric{Criteria: []domain.Criterion{
		{Key: "ethics", Tier: domain.TierGate, Scale: domain.Range{Min: 0, Max: 1}},
		{Key: "relevance", Tier: domain.TierCore, Weight: 1, Scale: domain.Range{Min: 1, Max: 4}},
	}}
	// Twelve practices, three reviewers each: relevance mostly agreed, recommendations split on
	// four practices, every reviewer passing the gates on all but two.
	kinds := map[string][]stats.UnitKind{
		"relevance":               {{Values: []float64{1, 1, 1}, Units: 3}, {Values: []float64{2, 2, 3}, Units: 3}, {Values: []float64{3, 3, 3}, Units: 3}, {Values: []float64{4, 4, 4}, Units: 3}},
		domain.UnitGatesPassed:    {{Values: []float64{1, 1, 1}, Units: 10}, {Values: []float64{0, 0, 1}, Units: 2}},
		domain.UnitRecommendation: {{Values: []float64{1, 1, 1}, Units: 4}, {Values: []float64{2, 2, 2}, Units: 4}, {Values: []float64{1, 2, 3}, Units: 4}},
	}
	var moments []stats.Moments
	for _, scores := range [][]float64{{20, 22, 25}, {40, 41, 45}, {60, 58, 63}, {80, 85, 81}, {30, 33, 28}, {70, 72, 69}} {
		moments = append(moments, stats.MomentsOf(scores))
	}
	st := statisticsOf(3, domain.RoundAggregates{ScoreUnits: moments, Kinds: kinds}, rubric)
	for name, f := range map[string]domain.AgreementFigure{"weighted score": st.WeightedScore, "gates": st.Gates, "recommendation": st.Recommendation} {
		if f.Alpha == nil || f.CI95 == nil || f.PBelow667 == nil || f.Reading == "" || f.Units == 0 || f.PairableValues != 3*f.Units {
			t.Errorf("%s: %+v", name, f)
		}
		if f.Alpha != nil && f.CI95 != nil && (f.CI95[0] > *f.Alpha || f.CI95[1] < *f.Alpha) {
			t.Errorf("%s: interval %v does not hold alpha %v", name, *f.CI95, *f.Alpha)
		}
	}
	if st.WeightedScoreAlpha == nil || *st.WeightedScoreAlpha != *st.WeightedScore.Alpha || st.WeightedScore.Reading != "good" {
		t.Errorf("weighted score: alpha copy %v, figure %+v", st.WeightedScoreAlpha, st.WeightedScore)
	}
	if len(st.Criteria) != 1 || st.Criteria[0].Key != "relevance" || st.Criteria[0].Units != 12 || st.Criteria[0].Alpha == nil || *st.Criteria[0].Alpha < 0.8 {
		t.Errorf("criteria: %+v", st.Criteria)
	}
	if st.Recommendation.Reading == "good" {
		t.Errorf("recommendations split on a third of the practices read as good: %+v", st.Recommendation)
	}

	noGates := &domain.Rubric{Criteria: rubric.Criteria[1:]}
	st = statisticsOf(3, domain.RoundAggregates{ScoreUnits: moments, Kinds: kinds}, noGates)
	if st.Gates.Alpha != nil || st.Gates.Reading != string(stats.ReadingTooFewUnits) || st.Gates.Units != 0 {
		t.Errorf("gates of a rubric without gates: %+v", st.Gates)
	}
}
