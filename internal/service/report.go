package service

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// ReportStore reads the programme report's own aggregates and keeps its notes.
type ReportStore interface {
	// ReportFigures aggregates, in SQL, what the report adds to the dashboard's figures; practice
	// titles in lang where a practice has a translation into it.
	ReportFigures(ctx context.Context, programmeID uuid.UUID, lang string) (domain.ReportFigures, error)
	// PracticeTitles reads the titles of the given practices, in lang where a practice has a
	// translation into it.
	PracticeTitles(ctx context.Context, ids []uuid.UUID, lang string) (map[uuid.UUID]string, error)
	// RoundsWithRubrics lists the programme's rounds, oldest first, with their rubrics.
	RoundsWithRubrics(ctx context.Context, programmeID uuid.UUID) ([]domain.Round, map[uuid.UUID]domain.Rubric, error)
	// ReportNotes reads the programme's notes (empty at version 1 when none were saved).
	ReportNotes(ctx context.Context, programmeID uuid.UUID) (domain.ReportNotes, error)
	// SaveReportNotes writes the notes when version is current: CodeVersionMismatch otherwise.
	SaveReportNotes(ctx context.Context, n domain.ReportNotes, version int) (domain.ReportNotes, error)
}

// Rate is a share of participants with its Wilson 95 % score interval; Rate and CI95 are nil when
// there are no participants.
type Rate struct {
	Count, Of int64
	Rate      *float64
	CI95      *[2]float64
}

// rateOf is successes over n with its Wilson interval, to four decimals.
func rateOf(successes, n int64) Rate {
	r := Rate{Count: successes, Of: n}
	low, high, ok := stats.Wilson(successes, n, stats.Z95)
	if !ok {
		return r
	}
	p := stats.RoundTo(float64(successes)/float64(n), 4)
	r.Rate, r.CI95 = &p, &[2]float64{stats.RoundTo(low, 4), stats.RoundTo(high, 4)}
	return r
}

// ResumptionRates are work-resumption figures of a group of adaptations: returned to work over
// participants, and in work after six months over the participants of the follow-ups that report it.
type ResumptionRates struct {
	Adaptations        int64
	Participants       int64
	ReturnedToWork     Rate
	InWorkAfter6Months Rate
}

func resumptionRates(r domain.Resumption) ResumptionRates {
	return ResumptionRates{Adaptations: r.Adaptations, Participants: r.Participants,
		ReturnedToWork: rateOf(r.ReturnedToWork, r.Participants), InWorkAfter6Months: rateOf(r.InWorkAfter6Months, r.InWorkParticipants)}
}

// PracticeRates are the work-resumption rates of one practice's adaptations.
type PracticeRates struct {
	PracticeID     uuid.UUID
	Title, Country string
	ResumptionRates
}

// CountryRates are the work-resumption rates of the adaptations in one adopting country.
type CountryRates struct {
	Country string
	ResumptionRates
}

// ReportRound is one review round in the report: its decisions and the agreement of its
// reviewers, from the round's statistics (the same figures as its results page).
type ReportRound struct {
	Round          domain.Round
	Practices      int
	Decided        int
	Reviews        int
	Decisions      []domain.KeyCount
	WeightedScore  domain.AgreementFigure
	ICC            *domain.ICCFigure
	SEM            *float64
	Criteria       []CriterionAgreement
	Gates          domain.AgreementFigure
	Recommendation domain.AgreementFigure
}

// FlowWithFidelity is one country flow of adaptations with its counts by fidelity.
type FlowWithFidelity struct {
	From, To   string
	Count      int64
	ByFidelity []domain.KeyCount
}

// Report is a programme's report for policy (SPEC §7.6), every figure from one snapshot.
type Report struct {
	Programme   domain.Programme
	Language    string // the language asked for practice titles; empty: their own
	GeneratedAt time.Time
	// Outputs are the four outputs over the whole programme, Timeline by month: the dashboard's.
	Outputs  domain.MonthOutputs
	Timeline []domain.MonthOutputs
	// Activities are the exchange activities held (SPEC §7.4, §7.6): by kind, by host country,
	// their participants by country and role, and the list for the report's table.
	Activities             domain.ReportActivities
	Rounds                 []ReportRound
	ByStage                []domain.KeyCount
	ByFidelity             []domain.KeyCount
	Flows                  []FlowWithFidelity
	Resumption             ResumptionRates
	ByPractice             []PracticeRates
	PracticesWithFollowUps int // ByPractice lists the ones with most participants among them
	ByCountry              []CountryRates
	Barriers               []domain.KeyCount
	Facilitators           []domain.KeyCount
	Transferability        []domain.TransferabilityPair
	Notes                  domain.ReportNotes
}

// reportScope admits the programme's coordinators (and administrators) to a programme that exists;
// to everyone else the report does not exist.
func (s *Service) reportScope(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) error {
	_, err := s.coordinatorScope(ctx, a, programmeID, "Programme")
	if domain.IsCode(err, domain.CodeForbidden) {
		return domain.NotFound("Report")
	}
	if err != nil {
		return err
	}
	_, err = s.programmes.Programme(ctx, programmeID, a.UserID)
	return err
}

// Report reads a programme's report (coordinators) in one read-only snapshot: the dashboard's
// figures for that snapshot's data version (cached or computed, as the dashboard does), each
// round's statistics, the report's own SQL aggregates and the notes. lang chooses the
// translation of practice titles where there is one.
func (s *Service) Report(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, lang string) (Report, error) {
	if err := s.reportScope(ctx, a, programmeID); err != nil {
		return Report{}, err
	}
	var (
		out      Report
		c        domain.CachedFigures
		f        domain.ProgrammeFigures
		computed bool
	)
	fresh := map[uuid.UUID]domain.RoundStatistics{}
	at := s.now().UTC().Truncate(time.Microsecond)
	err := s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		var err error
		if c, err = s.dashboards.CachedProgrammeFigures(ctx, programmeID, at); err != nil {
			return err
		}
		if c.Figures != nil {
			f = *c.Figures
		} else {
			// Unlike the dashboard, never earlier figures: a report is read once and printed.
			key := programmeID.String() + "@" + strconv.FormatInt(c.DataVersion, 10)
			if f, computed, err = s.figuresFlight.do(key, func() (domain.ProgrammeFigures, error) {
				return s.programmeFigures(ctx, programmeID, fresh)
			}); err != nil {
				return err
			}
		}
		out, err = s.buildReport(ctx, a, programmeID, lang, c.DataVersion, f, fresh)
		return err
	})
	if err != nil {
		return Report{}, err
	}
	s.keepFigures(ctx, programmeID, computed, c.DataVersion, at, f, fresh)
	out.GeneratedAt = at
	return out, nil
}

// buildReport assembles the report's sections in the caller's snapshot; a new section reads its
// aggregates here.
func (s *Service) buildReport(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, lang string, version int64, f domain.ProgrammeFigures,
	fresh map[uuid.UUID]domain.RoundStatistics) (Report, error) {
	p, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return Report{}, err
	}
	out := Report{Programme: p, Language: lang, Timeline: f.Timeline, ByStage: f.Adaptations.ByStage, ByFidelity: f.Adaptations.ByFidelity}
	for _, m := range f.Timeline {
		out.Outputs.InformationExchanged += m.InformationExchanged
		out.Outputs.PracticesReviewed += m.PracticesReviewed
		out.Outputs.ProductsAdapted += m.ProductsAdapted
		out.Outputs.NewProducts += m.NewProducts
	}
	figures, err := s.reportFigures(ctx, programmeID, version, lang)
	if err != nil {
		return Report{}, err
	}
	if out.Rounds, err = s.reportRounds(ctx, programmeID, figures.Decisions, fresh); err != nil {
		return Report{}, err
	}
	out.Flows = flowsWithFidelity(figures.FlowFidelity)
	out.Resumption = resumptionRates(figures.ResumptionTotal)
	out.PracticesWithFollowUps = figures.ResumptionPractices
	for _, r := range figures.ResumptionByPractice {
		out.ByPractice = append(out.ByPractice, PracticeRates{PracticeID: r.PracticeID, Title: r.Title, Country: r.Country, ResumptionRates: resumptionRates(r.Resumption)})
	}
	for _, r := range figures.ResumptionByCountry {
		out.ByCountry = append(out.ByCountry, CountryRates{Country: r.Country, ResumptionRates: resumptionRates(r.Resumption)})
	}
	out.Activities = figures.Activities
	out.Barriers, out.Facilitators = figures.Barriers, figures.Facilitators
	for _, t := range figures.Transferability {
		t.Mean = stats.RoundTo(t.Mean, 2)
		out.Transferability = append(out.Transferability, t)
	}
	out.Notes, err = s.reports.ReportNotes(ctx, programmeID)
	return out, err
}

// reportRounds gives each round's decisions and agreement from its statistics: those cached for
// the round's current data version, or computed now (recorded in fresh).
func (s *Service) reportRounds(ctx context.Context, programmeID uuid.UUID, decisions map[uuid.UUID][]domain.KeyCount,
	fresh map[uuid.UUID]domain.RoundStatistics) ([]ReportRound, error) {
	rounds, rubrics, err := s.reports.RoundsWithRubrics(ctx, programmeID)
	if err != nil || len(rounds) == 0 {
		return nil, err
	}
	ids := make([]uuid.UUID, len(rounds))
	for i, r := range rounds {
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
	out := make([]ReportRound, 0, len(rounds))
	for _, round := range rounds {
		st, ok := fresh[round.ID]
		if !ok {
			var computed bool
			if st, computed, err = s.roundStatistics(ctx, byRound[round.ID], rubrics[round.RubricID]); err != nil {
				return nil, err
			}
			if computed {
				fresh[round.ID] = st
			}
		}
		out = append(out, ReportRound{Round: round, Practices: st.Practices, Decided: st.Decided, Reviews: st.Reviews, Decisions: decisions[round.ID],
			WeightedScore: st.WeightedScore, ICC: st.ICC, SEM: roundedTo(st.SEM, 2), Criteria: st.Criteria, Gates: st.Gates, Recommendation: st.Recommendation})
	}
	return out, nil
}

// flowsWithFidelity folds the (from, to, fidelity) counts into one flow per country pair.
func flowsWithFidelity(rows []domain.FlowFidelity) []FlowWithFidelity {
	var out []FlowWithFidelity
	for _, r := range rows {
		if n := len(out); n == 0 || out[n-1].From != r.From || out[n-1].To != r.To {
			out = append(out, FlowWithFidelity{From: r.From, To: r.To})
		}
		last := &out[len(out)-1]
		last.Count += r.Count
		last.ByFidelity = append(last.ByFidelity, domain.KeyCount{Key: r.Fidelity, Count: r.Count})
	}
	return out
}

// ReportNotesInput is what a coordinator writes: the whole notes (PUT).
type ReportNotesInput struct {
	Conclusions, PolicyLessons string
}

// ReportNotes reads a programme's report notes (coordinators).
func (s *Service) ReportNotes(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (domain.ReportNotes, error) {
	if err := s.reportScope(ctx, a, programmeID); err != nil {
		return domain.ReportNotes{}, err
	}
	return s.reports.ReportNotes(ctx, programmeID)
}

// PutReportNotes replaces the notes when version is current (coordinators) and audits the change.
// CodeValidation names a text beyond ReportNotesMaxLength characters; CodeVersionMismatch when
// someone saved first.
func (s *Service) PutReportNotes(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, version int, in ReportNotesInput) (domain.ReportNotes, error) {
	in.Conclusions, in.PolicyLessons = strings.TrimSpace(in.Conclusions), strings.TrimSpace(in.PolicyLessons)
	var errs []domain.FieldError
	for _, field := range []struct{ name, text string }{{"conclusions", in.Conclusions}, {"policy_lessons", in.PolicyLessons}} {
		if utf8.RuneCountInString(field.text) > domain.ReportNotesMaxLength {
			errs = append(errs, domain.FieldError{Field: field.name, Code: domain.FieldTooLong, Params: map[string]any{"max": domain.ReportNotesMaxLength},
				Message: "must be at most " + strconv.Itoa(domain.ReportNotesMaxLength) + " characters"})
		}
	}
	if len(errs) > 0 {
		return domain.ReportNotes{}, domain.Invalid(errs...)
	}
	var saved domain.ReportNotes
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.reportScope(ctx, a, programmeID); err != nil {
			return err
		}
		before, err := s.reports.ReportNotes(ctx, programmeID)
		if err != nil {
			return err
		}
		if before.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The report notes were changed by someone else; reload them and try again.")
		}
		now, by := s.now().UTC(), a.UserID
		saved, err = s.reports.SaveReportNotes(ctx, domain.ReportNotes{ProgrammeID: programmeID, Conclusions: in.Conclusions, PolicyLessons: in.PolicyLessons,
			UpdatedBy: &by, UpdatedAt: &now}, version)
		if err != nil {
			return err
		}
		return s.audit(ctx, a, &programmeID, "programme.report_notes_updated", "programme", programmeID,
			map[string]any{"version": before.Version, "conclusions_length": utf8.RuneCountInString(before.Conclusions), "policy_lessons_length": utf8.RuneCountInString(before.PolicyLessons)},
			map[string]any{"version": saved.Version, "conclusions_length": utf8.RuneCountInString(saved.Conclusions), "policy_lessons_length": utf8.RuneCountInString(saved.PolicyLessons)})
	})
	return saved, err
}
