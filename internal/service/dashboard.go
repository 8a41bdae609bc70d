package service

import (
	"context"
	"math"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// DashboardStore reads a programme's aggregates.
type DashboardStore interface {
	// Dashboard reads every aggregate of the programme, a statement each.
	Dashboard(ctx context.Context, programmeID uuid.UUID) (domain.DashboardData, error)
}

// RoundAgreement is the agreement of one round's reviewers on the weighted score.
type RoundAgreement struct {
	RoundID            uuid.UUID
	RoundName          string
	Status             string
	WeightedScoreAlpha *float64
	Reviews            int
}

// Dashboard is what coordinators report to funders.
type Dashboard struct {
	Outputs     domain.MonthOutputs // Month empty: totals
	Timeline    []domain.MonthOutputs
	Practices   domain.PracticeFigures
	Assignments domain.AssignmentFigures
	Agreement   []RoundAgreement
	Adaptations domain.AdaptationFigures
	Outcomes    domain.OutcomeTotals
}

// Dashboard computes a programme's dashboard (coordinators) in a fixed number of statements.
func (s *Service) Dashboard(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (Dashboard, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return Dashboard{}, err
	}
	d, err := s.dashboards.Dashboard(ctx, programmeID)
	if err != nil {
		return Dashboard{}, err
	}
	out := Dashboard{Timeline: d.Timeline, Practices: d.Practices, Assignments: d.Assignments, Adaptations: d.Adaptations, Outcomes: d.Outcomes}
	for _, m := range d.Timeline {
		out.Outputs.InformationExchanged += m.InformationExchanged
		out.Outputs.PracticesReviewed += m.PracticesReviewed
		out.Outputs.ProductsAdapted += m.ProductsAdapted
		out.Outputs.NewProducts += m.NewProducts
	}
	out.Agreement = roundAgreement(d)
	return out, nil
}

// roundAgreement computes Krippendorff's alpha (interval) of the weighted scores of each round.
func roundAgreement(d domain.DashboardData) []RoundAgreement {
	byRound := map[uuid.UUID][]domain.Review{}
	for _, r := range d.Reviews {
		byRound[r.RoundID] = append(byRound[r.RoundID], r)
	}
	var out []RoundAgreement
	for _, round := range d.Rounds {
		rubric := d.Rubrics[round.RubricID]
		reviews := byRound[round.ID]
		units := map[uuid.UUID]int{}
		coders := map[uuid.UUID]int{}
		for _, r := range reviews {
			if _, ok := units[r.PracticeID]; !ok {
				units[r.PracticeID] = len(units)
			}
			if _, ok := coders[r.ReviewerID]; !ok {
				coders[r.ReviewerID] = len(coders)
			}
		}
		data := make([][]float64, len(units))
		for i := range data {
			data[i] = make([]float64, len(coders))
			for j := range data[i] {
				data[i][j] = math.NaN()
			}
		}
		for _, r := range reviews {
			if ws := WeightedScore(&r, &rubric); ws != nil {
				data[units[r.PracticeID]][coders[r.ReviewerID]] = *ws
			}
		}
		out = append(out, RoundAgreement{RoundID: round.ID, RoundName: round.Name, Status: round.Status, Reviews: len(reviews),
			WeightedScoreAlpha: alphaOrNil(data, stats.Interval)})
	}
	return out
}
