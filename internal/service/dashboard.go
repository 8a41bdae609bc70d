package service

import (
	"context"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// DashboardStore reads a programme's aggregates.
type DashboardStore interface {
	// Dashboard reads every aggregate of the programme, a statement each.
	Dashboard(ctx context.Context, programmeID uuid.UUID) (domain.DashboardData, error)
	ResultsStore
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

// Dashboard computes a programme's dashboard (coordinators) in a fixed number of statements, all
// in one read-only snapshot; agreement per round comes from the rounds' statistics.
func (s *Service) Dashboard(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (Dashboard, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return Dashboard{}, err
	}
	var out Dashboard
	fresh := map[uuid.UUID]domain.RoundStatistics{}
	err := s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		d, err := s.dashboards.Dashboard(ctx, programmeID)
		if err != nil {
			return err
		}
		out = Dashboard{Timeline: d.Timeline, Practices: d.Practices, Assignments: d.Assignments, Adaptations: d.Adaptations, Outcomes: d.Outcomes}
		for _, m := range d.Timeline {
			out.Outputs.InformationExchanged += m.InformationExchanged
			out.Outputs.PracticesReviewed += m.PracticesReviewed
			out.Outputs.ProductsAdapted += m.ProductsAdapted
			out.Outputs.NewProducts += m.NewProducts
		}
		out.Agreement, err = s.roundAgreement(ctx, d, fresh)
		return err
	})
	if err != nil {
		return Dashboard{}, err
	}
	for id, st := range fresh {
		s.keepStatistics(ctx, id, &st)
	}
	return out, nil
}

// roundAgreement reads each round's agreement on the weighted score from its statistics, computing
// those not cached for the current data version (recorded in fresh).
func (s *Service) roundAgreement(ctx context.Context, d domain.DashboardData, fresh map[uuid.UUID]domain.RoundStatistics) ([]RoundAgreement, error) {
	ids := make([]uuid.UUID, len(d.Rounds))
	for i, r := range d.Rounds {
		ids[i] = r.ID
	}
	cached, err := s.dashboards.CachedRoundStatistics(ctx, ids)
	if err != nil {
		return nil, err
	}
	byRound := make(map[uuid.UUID]domain.CachedStatistics, len(cached))
	for _, c := range cached {
		byRound[c.RoundID] = c
	}
	var out []RoundAgreement
	for _, round := range d.Rounds {
		st, computed, err := s.roundStatistics(ctx, byRound[round.ID], d.Rubrics[round.RubricID])
		if err != nil {
			return nil, err
		}
		if computed {
			fresh[round.ID] = st
		}
		out = append(out, RoundAgreement{RoundID: round.ID, RoundName: round.Name, Status: round.Status, Reviews: st.Reviews,
			WeightedScoreAlpha: st.WeightedScoreAlpha})
	}
	return out, nil
}
