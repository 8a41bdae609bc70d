package service

import (
	"context"
	"math"
	"sort"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// DashboardStore reads a programme's aggregates.
type DashboardStore interface {
	// Dashboard reads every aggregate of the programme, a statement each.
	Dashboard(ctx context.Context, programmeID uuid.UUID) (domain.DashboardData, error)
}

// KeyCount is one bar of a chart.
type KeyCount struct {
	Key   string
	Count int64
}

// Flow is the number of adaptations of practices from one country in another.
type Flow struct {
	From, To string
	Count    int64
}

// MonthOutputs are the four outputs of one month.
type MonthOutputs struct {
	Month                                                                 string
	InformationExchanged, PracticesReviewed, ProductsAdapted, NewProducts int64
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
	Outputs                                  MonthOutputs // Month empty: totals
	PracticesByStatus, ByCountry, ByTheme    []KeyCount
	Assignments                              map[string]int64
	Agreement                                []RoundAgreement
	AdaptationsByStage, ByFidelity, ByReason []KeyCount
	Flow                                     []Flow
	Barriers, Facilitators                   []KeyCount
	Outcomes                                 domain.OutcomeTotals
	Timeline                                 []MonthOutputs
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
	out := Dashboard{Assignments: map[string]int64{"assigned": 0, "accepted": 0, "declined": 0, "submitted": 0, "overdue": 0}, Outcomes: d.Outcomes}
	months := map[string]*MonthOutputs{}
	for _, c := range d.Timeline {
		m := months[c.Key]
		if m == nil {
			m = &MonthOutputs{Month: c.Key}
			months[c.Key] = m
		}
		for _, target := range []*MonthOutputs{m, &out.Outputs} {
			switch c.Dim {
			case "information_exchanged":
				target.InformationExchanged += c.Count
			case "practices_reviewed":
				target.PracticesReviewed += c.Count
			case "products_adapted":
				target.ProductsAdapted += c.Count
			case "new_products":
				target.NewProducts += c.Count
			}
		}
	}
	for _, m := range months {
		out.Timeline = append(out.Timeline, *m)
	}
	sort.Slice(out.Timeline, func(i, j int) bool { return out.Timeline[i].Month < out.Timeline[j].Month })
	for _, c := range d.Practices {
		kc := KeyCount{Key: c.Key, Count: c.Count}
		switch c.Dim {
		case "status":
			out.PracticesByStatus = append(out.PracticesByStatus, kc)
		case "country":
			out.ByCountry = append(out.ByCountry, kc)
		case "theme":
			out.ByTheme = append(out.ByTheme, kc)
		}
	}
	for _, c := range d.Assignments {
		out.Assignments[c.Key] += c.Count
	}
	for _, c := range d.Adaptations {
		kc := KeyCount{Key: c.Key, Count: c.Count}
		switch c.Dim {
		case "stage":
			out.AdaptationsByStage = append(out.AdaptationsByStage, kc)
		case "fidelity":
			out.ByFidelity = append(out.ByFidelity, kc)
		case "reason_level":
			out.ByReason = append(out.ByReason, kc)
		case "flow":
			out.Flow = append(out.Flow, Flow{From: c.Key, To: c.Key2, Count: c.Count})
		case "barrier":
			out.Barriers = append(out.Barriers, kc)
		case "facilitator":
			out.Facilitators = append(out.Facilitators, kc)
		}
	}
	for _, list := range [][]KeyCount{out.AdaptationsByStage, out.ByFidelity, out.ByReason, out.Barriers, out.Facilitators} {
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Key < list[j].Key
		})
	}
	sort.Slice(out.Flow, func(i, j int) bool {
		if out.Flow[i].From != out.Flow[j].From {
			return out.Flow[i].From < out.Flow[j].From
		}
		return out.Flow[i].To < out.Flow[j].To
	})
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
