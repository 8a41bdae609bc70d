package service

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// A practice's spread flag compares the range of its reviewers' weighted scores with what the
// round's own measurement error produces (SPEC §7.3): beyond 2.77 × SEM for two reviews, the 95 %
// limit for the difference of two measurements, and beyond q(k) × SEM for k reviews, the same 5 %
// chance for the range of k (stats.SpreadFlag). It replaces the fixed rules of 25 score points and
// of a criterion whose answers span two levels: a fixed limit flags by chance far more practices
// in a round whose reviewers are noisy than in a careful one, and says nothing about chance. The
// criterion rule is dropped rather than kept beside it because one criterion two levels apart is
// common where the overall scores agree (and the per-criterion min and max stay on the page for a
// coordinator who reads them), so it would flag most practices of a round and the flag would no
// longer mean one thing the page can explain.

// CriterionResult summarises the answers to one criterion for one practice.
type CriterionResult struct {
	Key string
	stats.Summary
}

// PracticeResult is one practice's outcome in a round.
type PracticeResult struct {
	PracticeID    uuid.UUID
	Title         string
	Country       string
	Reviews       int
	GatesPassed   *bool
	WeightedScore *float64
	ScoreSummary  stats.Summary
	Criteria      []CriterionResult
	// ReviewerAdjustedScore is the score an average reviewer of the round would give, from the
	// additive model; nil where a reviewer has no effect in the round's statistics.
	ReviewerAdjustedScore *float64
	SpreadFlag            bool
	// SpreadLimit is how far apart the reviewers' scores may lie by chance; nil without a SEM or
	// with fewer than two scores.
	SpreadLimit          *float64
	SuggestExtraReviewer bool
	Decision             string
}

// CriterionAgreement is Krippendorff's alpha for one criterion.
type CriterionAgreement = domain.CriterionAgreement

// RoundResults is what GET /rounds/{id}/results answers.
type RoundResults struct {
	Round              domain.Round
	Practices          []PracticeResult
	WeightedScoreAlpha *float64
	WeightedScore      domain.AgreementFigure
	ICC                *domain.ICCFigure
	SEM                *float64
	Criteria           []CriterionAgreement
	Gates              domain.AgreementFigure
	Recommendation     domain.AgreementFigure
	Completion         Completion
	// The page of Practices, and how many practices the round holds.
	Page, PageSize, Total int
}

// ResultsStore reads what a round's results are aggregated from. Every method returns only
// aggregates or one page of rows, never a round's reviews.
type ResultsStore interface {
	// CachedRoundStatistics returns each round's data version and the statistics cached for it.
	CachedRoundStatistics(ctx context.Context, roundIDs []uuid.UUID) ([]domain.CachedStatistics, error)
	// RoundAggregates aggregates the round's rows in SQL: counts, per-practice moments of the
	// weighted scores, a coincidence matrix per criterion key.
	RoundAggregates(ctx context.Context, roundID uuid.UUID, criterionKeys []string) (domain.RoundAggregates, error)
	// SaveRoundStatistics caches statistics under their data version, unless newer ones are.
	SaveRoundStatistics(ctx context.Context, roundID uuid.UUID, st domain.RoundStatistics) error
	// ResultsPage reads one page of the round's practices with their submitted reviews.
	ResultsPage(ctx context.Context, roundID uuid.UUID, p domain.PageRequest) ([]domain.PracticeReviews, error)
	// OverdueAssignments counts the round's open assignments past their deadline at now.
	OverdueAssignments(ctx context.Context, roundID uuid.UUID, now time.Time) (int, error)
}

// Completion counts where the round's assignments stand.
type Completion struct {
	Practices, Decided                               int
	Assigned, Accepted, Declined, Submitted, Overdue int
}

// WeightedScore is a review's score from 0 to 100 (see domain.Review.WeightedScore).
func WeightedScore(r *domain.Review, rubric *domain.Rubric) *float64 { return r.WeightedScore(rubric) }

func gatesPassed(r *domain.Review, rubric *domain.Rubric) bool { return r.GatesPassed(rubric) }

// Results computes one page of a round's results (coordinators). Every figure comes from one
// read-only snapshot: the round-wide statistics from SQL aggregates (cached under the round's
// data version), the page's rows from that page's reviews only.
func (s *Service) Results(ctx context.Context, a *domain.Actor, roundID uuid.UUID, p domain.PageRequest) (RoundResults, error) {
	var out RoundResults
	var fresh *domain.RoundStatistics
	err := s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		round, err := s.coordinatedRound(ctx, a, roundID, false)
		if err != nil {
			return err
		}
		rubric, err := s.rubrics.Rubric(ctx, round.RubricID)
		if err != nil {
			return err
		}
		cached, err := s.dashboards.CachedRoundStatistics(ctx, []uuid.UUID{roundID})
		if err != nil {
			return err
		}
		if len(cached) == 0 {
			return domain.NotFound("Round")
		}
		st, computed, err := s.roundStatistics(ctx, cached[0], rubric)
		if err != nil {
			return err
		}
		if computed {
			fresh = &st
		}
		now := s.now()
		overdue, err := s.dashboards.OverdueAssignments(ctx, roundID, now)
		if err != nil {
			return err
		}
		rows, err := s.dashboards.ResultsPage(ctx, roundID, p)
		if err != nil {
			return err
		}
		out = RoundResults{Round: round, WeightedScoreAlpha: st.WeightedScoreAlpha, WeightedScore: st.WeightedScore, ICC: st.ICC, SEM: roundedTo(st.SEM, 2), Criteria: st.Criteria,
			Gates: st.Gates, Recommendation: st.Recommendation, Page: p.Page, PageSize: p.Size, Total: st.Practices,
			Completion: Completion{Practices: st.Practices, Decided: st.Decided, Assigned: st.Assigned, Accepted: st.Accepted, Declined: st.Declined,
				Submitted: st.Submitted, Overdue: overdue}}
		for _, row := range rows {
			out.Practices = append(out.Practices, practiceResult(row, &rubric, &st))
		}
		return nil
	})
	if err != nil {
		return RoundResults{}, err
	}
	s.keepStatistics(ctx, roundID, fresh)
	return out, nil
}

// keepStatistics caches statistics this request computed; a failure only costs the next request
// the computation again.
func (s *Service) keepStatistics(ctx context.Context, roundID uuid.UUID, st *domain.RoundStatistics) {
	if st == nil {
		return
	}
	if err := s.dashboards.SaveRoundStatistics(context.WithoutCancel(ctx), roundID, *st); err != nil && s.log != nil {
		s.log.Warn("caching round statistics", "round", roundID, "err", err)
	}
}

// roundStatistics returns the cached statistics of the round's data version, or computes them
// from SQL aggregates in the caller's snapshot (which reads that same version). Concurrent
// requests for the same round and version wait for one computation.
func (s *Service) roundStatistics(ctx context.Context, c domain.CachedStatistics, rubric domain.Rubric) (domain.RoundStatistics, bool, error) {
	if c.Statistics != nil {
		return *c.Statistics, false, nil
	}
	key := fmt.Sprintf("%s@%d", c.RoundID, c.DataVersion)
	return s.statsFlight.do(key, func() (domain.RoundStatistics, error) {
		var keys []string
		for _, cr := range rubric.Criteria {
			if !cr.Gate() {
				keys = append(keys, cr.Key)
			}
		}
		agg, err := s.dashboards.RoundAggregates(ctx, c.RoundID, keys)
		if err != nil {
			return domain.RoundStatistics{}, err
		}
		return statisticsOf(c.DataVersion, agg, &rubric), nil
	})
}

// statisticsOf computes a round's agreement from its aggregates (SPEC §7.3): interval alpha of the
// weighted scores from per-practice moments, ordinal alpha per scored criterion, nominal alpha on
// the gates and on the recommendation, each with its bootstrap interval (fixed seed) and reading;
// the one-way ICC and the SEM of the weighted scores from the same moments, and the reviewer
// effects of the additive model from every weighted score with its reviewer.
func statisticsOf(version int64, agg domain.RoundAggregates, rubric *domain.Rubric) domain.RoundStatistics {
	st := domain.RoundStatistics{DataVersion: version, Practices: agg.Practices, Decided: agg.Decided, Assigned: agg.Assigned, Accepted: agg.Accepted,
		Declined: agg.Declined, Submitted: agg.Submitted, Reviews: agg.Reviews}
	cfg := stats.BootstrapConfig{}
	st.WeightedScore = agreementFigure(stats.AgreementOfMoments(agg.ScoreUnits, cfg))
	st.WeightedScoreAlpha = st.WeightedScore.Alpha
	gates := false
	for _, c := range rubric.Criteria {
		if c.Gate() {
			gates = true
			continue
		}
		st.Criteria = append(st.Criteria, CriterionAgreement{Key: c.Key, AgreementFigure: agreementFigure(stats.AgreementOfUnitKinds(agg.Kinds[c.Key], stats.Ordinal, cfg))})
	}
	st.Gates = domain.AgreementFigure{Reading: string(stats.ReadingTooFewUnits)}
	if gates {
		st.Gates = agreementFigure(stats.AgreementOfUnitKinds(agg.Kinds[domain.UnitGatesPassed], stats.Nominal, cfg))
	}
	st.Recommendation = agreementFigure(stats.AgreementOfUnitKinds(agg.Kinds[domain.UnitRecommendation], stats.Nominal, cfg))
	// ICC and SEM over the practices with two reviews or more, as alpha: a practice with one
	// review says nothing about how reviewers of the same practice differ.
	if icc, err := stats.OneWayICC(agg.ScoreUnits); err == nil && !math.IsNaN(icc.Single) && !math.IsNaN(icc.Average) {
		st.ICC = &domain.ICCFigure{Single: stats.RoundTo(icc.Single, 3), Average: stats.RoundTo(icc.Average, 3), K: stats.RoundTo(icc.K, 2)}
	}
	if sem, err := stats.SEM(agg.ScoreUnits); err == nil {
		st.SEM = &sem
	}
	if len(agg.ScoreRatings) > 0 {
		_, st.ReviewerEffects = stats.ReviewerAdjustedScores(agg.ScoreRatings)
	}
	return st
}

// roundedTo is *p to the given decimals, for display; nil stays nil.
func roundedTo(p *float64, decimals int) *float64 {
	if p == nil {
		return nil
	}
	v := stats.RoundTo(*p, decimals)
	return &v
}

// agreementFigure rounds an agreement to three decimals, undefined values as nil.
func agreementFigure(a stats.Agreement) domain.AgreementFigure {
	f := domain.AgreementFigure{Units: a.Units, PairableValues: a.PairableValues, Reading: string(a.Reading)}
	f.Alpha = roundedAlpha(a.Alpha, nil)
	if !math.IsNaN(a.CI95[0]) && !math.IsNaN(a.CI95[1]) {
		f.CI95 = &[2]float64{math.Round(a.CI95[0]*1000) / 1000, math.Round(a.CI95[1]*1000) / 1000}
	}
	if !math.IsNaN(a.PBelow667) {
		p := math.Round(a.PBelow667*1000) / 1000
		f.PBelow667 = &p
	}
	return f
}

// roundedAlpha is alpha to three decimals, or nil where it is undefined (too few values, no
// variation).
func roundedAlpha(a float64, err error) *float64 {
	if err != nil || math.IsNaN(a) {
		return nil
	}
	a = math.Round(a*1000) / 1000
	return &a
}

// practiceResult summarises one practice's submitted reviews, using the weighted score and gates
// each review stored when it was submitted, and the round's statistics for its reviewer-adjusted
// score and spread flag. Scores are averaged unrounded and rounded once, here, for display.
func practiceResult(row domain.PracticeReviews, rubric *domain.Rubric, st *domain.RoundStatistics) PracticeResult {
	pr := PracticeResult{PracticeID: row.PracticeID, Title: row.Title, Country: row.Country, Decision: row.Decision}
	rs := row.Reviews
	pr.Reviews = len(rs)
	var scores, adjusted []float64
	if len(rs) > 0 {
		passed := true
		for _, r := range rs {
			passed = passed && r.Outcome.GatesPassed
			if ws := r.Outcome.WeightedScore; ws != nil {
				scores = append(scores, *ws)
				if effect, ok := st.ReviewerEffects[r.ReviewerID]; ok {
					adjusted = append(adjusted, *ws-effect)
				}
			}
		}
		pr.GatesPassed = &passed
	}
	pr.ScoreSummary = stats.Describe(scores)
	if len(scores) > 0 {
		mean := stats.RoundTo(pr.ScoreSummary.Mean, 1)
		pr.WeightedScore = &mean
		if len(adjusted) == len(scores) {
			a, _ := stats.MeanOf(adjusted)
			a = stats.RoundTo(a, 1)
			pr.ReviewerAdjustedScore = &a
		}
	}
	if st.SEM != nil && len(scores) >= 2 {
		pr.SpreadFlag = stats.SpreadFlag(scores, *st.SEM)
		limit := stats.SpreadLimit(len(scores), *st.SEM)
		pr.SpreadLimit = roundedTo(&limit, 1)
	}
	for _, c := range rubric.Criteria {
		var vals []float64
		for _, r := range rs {
			if s, ok := r.Score(c.Key); ok && s.Value != nil {
				vals = append(vals, *s.Value)
			}
		}
		pr.Criteria = append(pr.Criteria, CriterionResult{Key: c.Key, Summary: stats.Describe(vals)})
	}
	pr.SuggestExtraReviewer = pr.SpreadFlag && pr.Decision == ""
	return pr
}
