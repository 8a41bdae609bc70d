package service

import (
	"context"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// DashboardStore reads a programme's aggregates.
type DashboardStore interface {
	// Dashboard reads every aggregate of the programme, a statement each.
	Dashboard(ctx context.Context, programmeID uuid.UUID) (domain.DashboardData, error)
	// CachedProgrammeFigures reads the programme's data version, the figures cached for it and
	// the assignments overdue at now. NotFound when the programme does not exist.
	CachedProgrammeFigures(ctx context.Context, programmeID uuid.UUID, now time.Time) (domain.CachedFigures, error)
	// SaveProgrammeFigures caches figures computed at version (from a snapshot taken at), unless
	// figures of a newer version are cached.
	SaveProgrammeFigures(ctx context.Context, programmeID uuid.UUID, version int64, at time.Time, f domain.ProgrammeFigures) error
	ResultsStore
}

// RoundAgreement is the agreement of one round's reviewers on the weighted score.
type RoundAgreement = domain.RoundAgreement

// Dashboard is what coordinators report to funders.
type Dashboard struct {
	Outputs     domain.MonthOutputs // Month empty: totals
	Timeline    []domain.MonthOutputs
	Practices   domain.PracticeFigures
	Assignments domain.AssignmentFigures
	Agreement   []RoundAgreement
	Adaptations domain.AdaptationFigures
	Outcomes    domain.OutcomeTotals
	Activities  domain.ActivityFigures
	// FiguresAsOf is when the figures were computed; Refreshing says they are those of an earlier
	// data version, served while the current version's figures are being computed.
	FiguresAsOf time.Time
	Refreshing  bool
}

// Dashboard reads a programme's dashboard (coordinators) from one read-only snapshot: the figures
// cached for the programme's current data version, or, when none are, computed in that snapshot
// (one request per programme and version computes; the others wait for it) and cached after it;
// the overdue assignments, which depend on the clock, at every request. While a computation for
// the programme is running, a request that finds earlier figures cached answers with those, marked
// as refreshing, instead of waiting: under a steady stream of writes every request would otherwise
// queue behind a computation, holding its admission slot, and the next write makes its result old
// again.
//
// A request that finds nothing running computes the current figures, so a coordinator who reads
// the dashboard after a change sees it.
func (s *Service) Dashboard(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (Dashboard, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return Dashboard{}, err
	}
	var (
		c          domain.CachedFigures
		f          domain.ProgrammeFigures
		computed   bool
		refreshing bool
	)
	fresh := map[uuid.UUID]domain.RoundStatistics{}
	at := s.now().UTC().Truncate(time.Microsecond) // as PostgreSQL keeps it
	err := s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		var err error
		if c, err = s.dashboards.CachedProgrammeFigures(ctx, programmeID, s.now()); err != nil {
			return err
		}
		if c.Figures != nil {
			f = *c.Figures
			return nil
		}
		prefix := programmeID.String() + "@"
		if c.Earlier != nil && s.figuresFlight.running(prefix) {
			f, refreshing = c.Earlier.Figures, true
			return nil
		}
		f, computed, err = s.figuresFlight.do(prefix+strconv.FormatInt(c.DataVersion, 10), func() (domain.ProgrammeFigures, error) {
			return s.programmeFigures(ctx, programmeID, fresh)
		})
		return err
	})
	if err != nil {
		return Dashboard{}, err
	}
	s.keepFigures(ctx, programmeID, computed, c.DataVersion, at, f, fresh)
	out := Dashboard{Timeline: f.Timeline, Practices: f.Practices, Assignments: f.Assignments, Agreement: f.Agreement, Adaptations: f.Adaptations,
		Outcomes: f.Outcomes, Activities: f.Activities, FiguresAsOf: c.ComputedAt, Refreshing: refreshing}
	if c.Figures == nil && !refreshing { // computed in this request's snapshot, here or by the request it waited for
		out.FiguresAsOf = at
	}
	out.Assignments.Overdue = c.Overdue
	for _, m := range f.Timeline {
		out.Outputs.InformationExchanged += m.InformationExchanged
		out.Outputs.PracticesReviewed += m.PracticesReviewed
		out.Outputs.ProductsAdapted += m.ProductsAdapted
		out.Outputs.NewProducts += m.NewProducts
	}
	return out, nil
}

// keepFigures caches what a read computed after its snapshot ended: the programme's figures when
// this request computed them (computed), at the data version they were read at, and the round
// statistics computed along the way (fresh). A failure to cache is logged, not returned: the
// request has its answer.
func (s *Service) keepFigures(ctx context.Context, programmeID uuid.UUID, computed bool, version int64, at time.Time,
	f domain.ProgrammeFigures, fresh map[uuid.UUID]domain.RoundStatistics) {
	if computed {
		if err := s.dashboards.SaveProgrammeFigures(context.WithoutCancel(ctx), programmeID, version, at, f); err != nil && s.log != nil {
			s.log.Warn("caching dashboard figures", "programme", programmeID, "err", err)
		}
	}
	for id, st := range fresh {
		s.keepStatistics(ctx, id, &st)
	}
}

// programmeFigures computes a programme's figures in the caller's snapshot, in a fixed number of
// statements; agreement per round comes from the rounds' statistics (those computed here are
// recorded in fresh).
func (s *Service) programmeFigures(ctx context.Context, programmeID uuid.UUID, fresh map[uuid.UUID]domain.RoundStatistics) (domain.ProgrammeFigures, error) {
	d, err := s.dashboards.Dashboard(ctx, programmeID)
	if err != nil {
		return domain.ProgrammeFigures{}, err
	}
	f := domain.ProgrammeFigures{Timeline: d.Timeline, Practices: d.Practices, Assignments: d.Assignments, Adaptations: d.Adaptations, Outcomes: d.Outcomes,
		Activities: d.Activities}
	f.Assignments.Overdue = 0 // depends on the clock: read at every request
	f.Agreement, err = s.roundAgreement(ctx, d, fresh)
	return f, err
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
			WeightedScoreAlpha: st.WeightedScoreAlpha, WeightedScore: st.WeightedScore})
	}
	return out, nil
}
