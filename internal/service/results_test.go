package service

import (
	"math"
	"strconv"
	"testing"

	"github.com/google/uuid"

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

// TestScoresThatSayHowSureTheyAre checks the ICC, SEM, reviewer-adjusted scores and spread flags of
// a small round computed by hand. Three reviewers, A strict by 6 points, B neutral, C lenient by 6,
// score four practices whose true scores are 50, 70, 80 and 40, so the additive model fits
// exactly:
//
//	P1: A 44, B 50   P2: B 70, C 76   P3: A 74, C 86   P4: A 34, B 40, C 46
//
// Within-practice sums of squares 18 + 18 + 72 + 72 = 180 on 9 − 4 = 5 degrees of freedom: MSW 36,
// SEM 6. Grand mean 520/9; between sum of squares 2631.56 on 3: MSB 877.185. k0 = (9 − 21/9)/3 =
// 2.2222, so ICC(1,1) = (877.185 − 36)/(877.185 + 1.2222·36) = 0.913 and, with k = 9/4 reviews per
// practice, ICC(1,k) = 2.25·0.9132/(1 + 1.25·0.9132) = 0.959. Each reviewer scored three practices:
// the effects centred on zero are −6, 0 and +6, and the adjusted scores the true ones.
func TestScoresThatSayHowSureTheyAre(t *testing.T) {
	rubric := &domain.Rubric{Criteria: []domain.Criterion{{Key: "relevance", Tier: domain.TierCore, Weight: 1, Scale: domain.Range{Min: 0, Max: 100}}}}
	a, b, c := uuid.New(), uuid.New(), uuid.New()
	practices := []uuid.UUID{uuid.New(), uuid.New(), uuid.New(), uuid.New()}
	type rating struct {
		reviewer uuid.UUID
		score    float64
	}
	round := [][]rating{{{a, 44}, {b, 50}}, {{b, 70}, {c, 76}}, {{a, 74}, {c, 86}}, {{a, 34}, {b, 40}, {c, 46}}}
	var agg domain.RoundAggregates
	var rows []domain.PracticeReviews
	for i, rs := range round {
		var scores []float64
		row := domain.PracticeReviews{PracticeID: practices[i]}
		for _, r := range rs {
			scores = append(scores, r.score)
			agg.ScoreRatings = append(agg.ScoreRatings, stats.Rating[uuid.UUID, uuid.UUID]{Practice: practices[i], Reviewer: r.reviewer, Score: r.score})
			ws := r.score
			row.Reviews = append(row.Reviews, domain.Review{ReviewerID: r.reviewer, Outcome: domain.ReviewOutcome{WeightedScore: &ws, GatesPassed: true}})
		}
		agg.ScoreUnits = append(agg.ScoreUnits, stats.MomentsOf(scores))
		rows = append(rows, row)
	}
	st := statisticsOf(1, agg, rubric)
	if st.ICC == nil || st.ICC.Single != 0.913 || st.ICC.Average != 0.959 || st.ICC.K != 2.25 {
		t.Fatalf("ICC: %+v, want single 0.913, average 0.959, k 2.25", st.ICC)
	}
	if st.SEM == nil || math.Abs(*st.SEM-6) > 1e-9 {
		t.Fatalf("SEM: %v, want 6", st.SEM)
	}
	for reviewer, want := range map[uuid.UUID]float64{a: -6, b: 0, c: 6} {
		if got, ok := st.ReviewerEffects[reviewer]; !ok || math.Abs(got-want) > 1e-6 {
			t.Errorf("reviewer effect %v, want %v", got, want)
		}
	}
	raw, adjusted := []float64{47, 73, 80, 40}, []float64{50, 70, 80, 40}
	for i, row := range rows {
		pr := practiceResult(row, rubric, &st)
		if pr.WeightedScore == nil || *pr.WeightedScore != raw[i] || pr.ReviewerAdjustedScore == nil || *pr.ReviewerAdjustedScore != adjusted[i] {
			t.Errorf("P%d: raw %v adjusted %v, want %v and %v", i+1, ptrText(pr.WeightedScore), ptrText(pr.ReviewerAdjustedScore), raw[i], adjusted[i])
		}
		// Ranges 6, 6, 12 and 12 stay within 2.77 × 6 = 16.6 (two reviews) and 3.31 × 6 = 19.9
		// (three).
		if pr.SpreadFlag || pr.SuggestExtraReviewer {
			t.Errorf("P%d flagged: %+v", i+1, pr)
		}
	}
	if pr := practiceResult(rows[3], rubric, &st); pr.SpreadLimit == nil || *pr.SpreadLimit != 19.9 {
		t.Errorf("spread limit of three reviews: %v, want 3.314 × 6 = 19.9", ptrText(pr.SpreadLimit))
	}

	// Two reviews 17 points apart exceed 2.77 × SEM = 16.6: flagged, and another reviewer suggested
	// until a decision is recorded. 16 points apart do not.
	for _, tc := range []struct {
		scores   [2]float64
		decision string
		flag     bool
		suggest  bool
	}{{[2]float64{40, 57}, "", true, true}, {[2]float64{40, 57}, "published", true, false}, {[2]float64{40, 56}, "", false, false}} {
		row := domain.PracticeReviews{PracticeID: uuid.New(), Decision: tc.decision}
		for i, s := range tc.scores {
			row.Reviews = append(row.Reviews, domain.Review{ReviewerID: []uuid.UUID{a, b}[i], Outcome: domain.ReviewOutcome{WeightedScore: &s}})
		}
		pr := practiceResult(row, rubric, &st)
		if pr.SpreadFlag != tc.flag || pr.SuggestExtraReviewer != tc.suggest || pr.SpreadLimit == nil || *pr.SpreadLimit != 16.6 {
			t.Errorf("%v (decision %q): flag %v suggest %v limit %v, want %v %v 16.6", tc.scores, tc.decision, pr.SpreadFlag, pr.SuggestExtraReviewer,
				ptrText(pr.SpreadLimit), tc.flag, tc.suggest)
		}
	}
	// A reviewer the statistics do not know (they are of another data version) gives no adjusted
	// score rather than a wrong one.
	stranger := 60.0
	pr := practiceResult(domain.PracticeReviews{Reviews: []domain.Review{{ReviewerID: uuid.New(), Outcome: domain.ReviewOutcome{WeightedScore: &stranger}}}}, rubric, &st)
	if pr.ReviewerAdjustedScore != nil || pr.WeightedScore == nil || *pr.WeightedScore != 60 {
		t.Errorf("unknown reviewer: %+v", pr)
	}
}

// TestPracticeScoreIsTheMeanOfUnroundedScores: reviews of 86.67, 86.67 and 76.67 (26, 26 and 23 of
// 30) average 83.33, shown 83.3; rounding each first would give 83.4.
func TestPracticeScoreIsTheMeanOfUnroundedScores(t *testing.T) {
	rubric := &domain.Rubric{Criteria: []domain.Criterion{{Key: "q", Tier: domain.TierCore, Weight: 1, Scale: domain.Range{Min: 0, Max: 30}}}}
	row := domain.PracticeReviews{PracticeID: uuid.New()}
	for _, v := range []float64{26, 26, 23} {
		r := domain.Review{Scores: []domain.Score{{CriterionKey: "q", Value: &v}}}
		r.Outcome = r.ComputeOutcome(rubric)
		row.Reviews = append(row.Reviews, r)
	}
	pr := practiceResult(row, rubric, &domain.RoundStatistics{})
	if pr.WeightedScore == nil || *pr.WeightedScore != 83.3 {
		t.Fatalf("practice score %v, want 83.3", ptrText(pr.WeightedScore))
	}
}

func ptrText(p *float64) string {
	if p == nil {
		return "nil"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}
