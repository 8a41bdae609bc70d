package service

import (
	"context"
	"math"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// Spread thresholds: beyond them reviewers disagree enough that another opinion helps.
const (
	spreadScorePoints = 25.0 // weighted scores (0–100) further apart than this
	spreadLevels      = 2    // or a scored criterion whose answers span this many levels
)

// CriterionResult summarises the answers to one criterion for one practice.
type CriterionResult struct {
	Key string
	stats.Summary
}

// PracticeResult is one practice's outcome in a round.
type PracticeResult struct {
	PracticeID           uuid.UUID
	Title                string
	Country              string
	Reviews              int
	GatesPassed          *bool
	WeightedScore        *float64
	ScoreSummary         stats.Summary
	Criteria             []CriterionResult
	SpreadFlag           bool
	SuggestExtraReviewer bool
	Decision             string
}

// CriterionAgreement is Krippendorff's alpha for one criterion.
type CriterionAgreement struct {
	Key   string
	Alpha *float64
	Units int
}

// RoundResults is what GET /rounds/{id}/results answers.
type RoundResults struct {
	Round              domain.Round
	Practices          []PracticeResult
	WeightedScoreAlpha *float64
	Criteria           []CriterionAgreement
	Completion         Completion
}

// Completion counts where the round's assignments stand.
type Completion struct {
	Practices, Decided                               int
	Assigned, Accepted, Declined, Submitted, Overdue int
}

// WeightedScore is a review's score from 0 to 100 (see domain.Review.WeightedScore).
func WeightedScore(r *domain.Review, rubric *domain.Rubric) *float64 { return r.WeightedScore(rubric) }

func gatesPassed(r *domain.Review, rubric *domain.Rubric) bool { return r.GatesPassed(rubric) }

// Results computes a round's results (coordinators) from its submitted reviews.
func (s *Service) Results(ctx context.Context, a *domain.Actor, roundID uuid.UUID) (RoundResults, error) {
	round, err := s.coordinatedRound(ctx, a, roundID, false)
	if err != nil {
		return RoundResults{}, err
	}
	rubric, err := s.rubrics.Rubric(ctx, round.RubricID)
	if err != nil {
		return RoundResults{}, err
	}
	rps, err := s.rounds.RoundPractices(ctx, roundID)
	if err != nil {
		return RoundResults{}, err
	}
	ids := make([]uuid.UUID, len(rps))
	for i, rp := range rps {
		ids[i] = rp.PracticeID
	}
	practices, err := s.practices.PracticesByIDs(ctx, ids)
	if err != nil {
		return RoundResults{}, err
	}
	reviews, err := s.reviews.ReviewsOfRound(ctx, roundID)
	if err != nil {
		return RoundResults{}, err
	}
	assignments, err := s.assignments.AllAssignments(ctx, roundID)
	if err != nil {
		return RoundResults{}, err
	}
	decisions, err := s.reviews.Decisions(ctx, &roundID, nil)
	if err != nil {
		return RoundResults{}, err
	}
	return computeResults(round, rubric, ids, practices, reviews, assignments, decisions, s.now()), nil
}

func computeResults(round domain.Round, rubric domain.Rubric, order []uuid.UUID, practices map[uuid.UUID]domain.Practice,
	reviews []domain.Review, assignments []domain.Assignment, decisions []domain.DecisionRecord, now time.Time) RoundResults {
	out := RoundResults{Round: round}
	byPractice := map[uuid.UUID][]domain.Review{}
	reviewers := map[uuid.UUID]int{} // reviewer → column in the reliability data
	for _, r := range reviews {
		byPractice[r.PracticeID] = append(byPractice[r.PracticeID], r)
		if _, ok := reviewers[r.ReviewerID]; !ok {
			reviewers[r.ReviewerID] = len(reviewers)
		}
	}
	decided := map[uuid.UUID]string{}
	for _, d := range decisions {
		decided[d.PracticeID] = d.Outcome
	}
	// Reliability data: one row (unit) per practice, one column (coder) per reviewer.
	matrix := func() [][]float64 {
		m := make([][]float64, len(order))
		for i := range m {
			m[i] = make([]float64, len(reviewers))
			for j := range m[i] {
				m[i][j] = math.NaN()
			}
		}
		return m
	}
	scoreData := matrix()
	criterionData := map[string][][]float64{}
	for _, c := range rubric.Criteria {
		if !c.Gate() {
			criterionData[c.Key] = matrix()
		}
	}
	for i, pid := range order {
		p := practices[pid]
		pr := PracticeResult{PracticeID: pid, Title: p.Title, Country: p.Country, Decision: decided[pid]}
		rs := byPractice[pid]
		pr.Reviews = len(rs)
		var scores []float64
		if len(rs) > 0 {
			passed := true
			for _, r := range rs {
				passed = passed && gatesPassed(&r, &rubric)
				if ws := WeightedScore(&r, &rubric); ws != nil {
					scores = append(scores, *ws)
					scoreData[i][reviewers[r.ReviewerID]] = *ws
				}
			}
			pr.GatesPassed = &passed
		}
		pr.ScoreSummary = stats.Describe(scores)
		if len(scores) > 0 {
			mean := math.Round(pr.ScoreSummary.Mean*10) / 10
			pr.WeightedScore = &mean
			pr.SpreadFlag = pr.ScoreSummary.Max-pr.ScoreSummary.Min > spreadScorePoints
		}
		for _, c := range rubric.Criteria {
			var vals []float64
			for _, r := range rs {
				if s, ok := r.Score(c.Key); ok && s.Value != nil {
					vals = append(vals, *s.Value)
					if m, ok := criterionData[c.Key]; ok {
						m[i][reviewers[r.ReviewerID]] = *s.Value
					}
				}
			}
			sum := stats.Describe(vals)
			if !c.Gate() && sum.N > 1 && sum.Max-sum.Min >= spreadLevels {
				pr.SpreadFlag = true
			}
			pr.Criteria = append(pr.Criteria, CriterionResult{Key: c.Key, Summary: sum})
		}
		pr.SuggestExtraReviewer = pr.SpreadFlag && pr.Decision == ""
		out.Practices = append(out.Practices, pr)
	}
	out.WeightedScoreAlpha = alphaOrNil(scoreData, stats.Interval)
	for _, c := range rubric.Criteria {
		if c.Gate() {
			continue
		}
		m := criterionData[c.Key]
		out.Criteria = append(out.Criteria, CriterionAgreement{Key: c.Key, Alpha: alphaOrNil(m, stats.Ordinal), Units: pairableUnits(m)})
	}
	out.Completion = completion(order, assignments, decided, now)
	return out
}

// alphaOrNil is Krippendorff's alpha, or nil where it is undefined (too few values, no variation).
func alphaOrNil(data [][]float64, level stats.Level) *float64 {
	a, err := stats.Alpha(data, level)
	if err != nil || math.IsNaN(a) {
		return nil
	}
	a = math.Round(a*1000) / 1000
	return &a
}

// pairableUnits counts units with at least two values: those alpha is computed from.
func pairableUnits(data [][]float64) int {
	n := 0
	for _, row := range data {
		k := 0
		for _, v := range row {
			if !math.IsNaN(v) {
				k++
			}
		}
		if k >= 2 {
			n++
		}
	}
	return n
}

func completion(order []uuid.UUID, as []domain.Assignment, decided map[uuid.UUID]string, now time.Time) Completion {
	c := Completion{Practices: len(order), Decided: len(decided)}
	for _, a := range as {
		switch a.Status {
		case domain.AssignmentAssigned:
			c.Assigned++
		case domain.AssignmentAccepted:
			c.Accepted++
		case domain.AssignmentDeclined:
			c.Declined++
		case domain.AssignmentSubmitted:
			c.Submitted++
		}
		if (a.Status == domain.AssignmentAssigned || a.Status == domain.AssignmentAccepted) && a.DueAt.Before(now) {
			c.Overdue++
		}
	}
	return c
}
