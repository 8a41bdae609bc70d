package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// RubricStore keeps review rubrics.
type RubricStore interface {
	CreateRubric(ctx context.Context, r domain.Rubric) (domain.Rubric, error)
	// Rubric returns CodeNotFound for an unknown id.
	Rubric(ctx context.Context, id uuid.UUID) (domain.Rubric, error)
	ListRubrics(ctx context.Context, programmeID uuid.UUID) ([]domain.Rubric, error)
	// UpdateRubricTranslations writes only the criteria's translations, in use or not, and returns
	// CodeVersionMismatch when version is no longer current.
	UpdateRubricTranslations(ctx context.Context, r domain.Rubric, version int) (domain.Rubric, error)
	// UpdateRubric returns CodeRubricInUse once a round uses the rubric and
	// CodeVersionMismatch when version is not the stored one.
	UpdateRubric(ctx context.Context, r domain.Rubric, version int) (domain.Rubric, error)
	// ActivateRubric makes the rubric the programme's active one and retires the previous one.
	ActivateRubric(ctx context.Context, programmeID, id uuid.UUID) error
	// ActiveRubric returns CodeNotFound when the programme has no active rubric.
	ActiveRubric(ctx context.Context, programmeID uuid.UUID) (domain.Rubric, error)
}

// RoundStore keeps review rounds and the practices in them.
type RoundStore interface {
	CreateRound(ctx context.Context, r domain.Round) (domain.Round, error)
	// Round returns CodeNotFound for an unknown id; lock holds the row for the transaction in
	// ctx.
	Round(ctx context.Context, id uuid.UUID, lock bool) (domain.Round, error)
	ListRounds(ctx context.Context, programmeID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Round], error)
	// UpdateRound returns CodeNotFound for an unknown id and CodeVersionMismatch when version
	// is not the stored one.
	UpdateRound(ctx context.Context, r domain.Round, version int) (domain.Round, error)
	// AddRoundPractices adds practices to a round, keeping those already in it as they are.
	AddRoundPractices(ctx context.Context, roundID uuid.UUID, items []domain.RoundPractice) error
	RoundPractices(ctx context.Context, roundID uuid.UUID) ([]domain.RoundPractice, error)
	// ActiveRoundOf returns another undecided round holding the practice, or nil.
	ActiveRoundOf(ctx context.Context, practiceID, exceptRound uuid.UUID) (*uuid.UUID, error)
	// SetRoundPracticesStatus moves the round's practices in status from to status to and
	// returns the ids it moved.
	SetRoundPracticesStatus(ctx context.Context, roundID uuid.UUID, from, to domain.PracticeStatus) ([]uuid.UUID, error)
	// SetRoundDue moves the deadline of the round's open assignments.
	SetRoundDue(ctx context.Context, roundID uuid.UUID, due time.Time) error
}

// coordinatorScope checks that the caller coordinates the programme: outsiders get NotFound,
// members Forbidden.
func (s *Service) coordinatorScope(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, what string) (domain.Scope, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		if domain.IsCode(err, domain.CodeNotFound) {
			return sc, domain.NotFound(what)
		}
		return sc, err
	}
	if !domain.CanManageProgramme(sc) {
		return sc, domain.Forbidden("Only the programme's coordinators can do this.")
	}
	return sc, nil
}

// EnsureDefaultRubric gives a programme the default rubric, active, unless it has one.
func (s *Service) EnsureDefaultRubric(ctx context.Context, programmeID uuid.UUID) error {
	rs, err := s.rubrics.ListRubrics(ctx, programmeID)
	if err != nil || len(rs) > 0 {
		return err
	}
	r, err := s.rubrics.CreateRubric(ctx, domain.Rubric{ID: uuid.New(), ProgrammeID: programmeID, Title: "Default rubric (EC best-practice criteria)",
		Status: domain.RubricDraft, Criteria: domain.DefaultCriteria(), RecommendationOptions: domain.DefaultRecommendations})
	if err != nil {
		return err
	}
	return s.rubrics.ActivateRubric(ctx, programmeID, r.ID)
}

// ListRubrics lists a programme's rubrics; every member may read how practices are judged.
func (s *Service) ListRubrics(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) ([]domain.Rubric, error) {
	if _, err := s.scope(ctx, a, programmeID); err != nil {
		return nil, err
	}
	return s.rubrics.ListRubrics(ctx, programmeID)
}

// Rubric reads one rubric of a programme the caller belongs to.
func (s *Service) Rubric(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Rubric, error) {
	r, err := s.rubrics.Rubric(ctx, id)
	if err != nil {
		return r, err
	}
	if _, err := s.scope(ctx, a, r.ProgrammeID); err != nil {
		return domain.Rubric{}, notFoundAs(err, domain.NotFound("Rubric"))
	}
	return r, nil
}

// RubricInput is a rubric as a coordinator writes it.
type RubricInput struct {
	Title                 string
	Criteria              []domain.Criterion
	RecommendationOptions []string
	BasedOn               *uuid.UUID
}

// CreateRubric adds a draft rubric (coordinators); BasedOn copies an existing one when no criteria are given.
func (s *Service) CreateRubric(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in RubricInput) (domain.Rubric, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return domain.Rubric{}, err
	}
	r := domain.Rubric{ID: uuid.New(), ProgrammeID: programmeID, Title: strings.TrimSpace(in.Title), Status: domain.RubricDraft, Criteria: in.Criteria,
		RecommendationOptions: in.RecommendationOptions, BasedOn: in.BasedOn}
	if in.BasedOn != nil {
		notBase := domain.Invalid(domain.FieldError{Field: "based_on", Message: "is not a rubric of this programme"})
		base, err := s.rubrics.Rubric(ctx, *in.BasedOn)
		if err := notFoundAs(err, notBase); err != nil {
			return domain.Rubric{}, err
		}
		if base.ProgrammeID != programmeID {
			return domain.Rubric{}, notBase
		}
		if len(r.Criteria) == 0 {
			r.Criteria = base.Criteria
		}
		if len(r.RecommendationOptions) == 0 {
			r.RecommendationOptions = base.RecommendationOptions
		}
	}
	tidyCriteria(r.Criteria)
	if errs := domain.CheckRubric(r.Criteria, r.RecommendationOptions); len(errs) > 0 {
		return domain.Rubric{}, domain.Invalid(errs...)
	}
	var out domain.Rubric
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if out, err = s.rubrics.CreateRubric(ctx, r); err != nil {
			return err
		}
		return s.audit(ctx, a, &programmeID, "rubric.created", "rubric", r.ID, nil, map[string]any{"title": r.Title})
	})
	return out, err
}

// UpdateRubric changes a rubric no round uses yet (coordinators). A rubric in use keeps what
// reviewers judge, but its criteria may still gain or change translations: a request that
// changes nothing else is applied, any other change is CodeRubricInUse.
func (s *Service) UpdateRubric(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in RubricInput) (domain.Rubric, error) {
	cur, err := s.rubrics.Rubric(ctx, id)
	if err != nil {
		return cur, err
	}
	if _, err := s.coordinatorScope(ctx, a, cur.ProgrammeID, "Rubric"); err != nil {
		return domain.Rubric{}, err
	}
	r := cur
	if in.Title != "" {
		r.Title = strings.TrimSpace(in.Title)
	}
	if in.Criteria != nil {
		r.Criteria = in.Criteria
	}
	if in.RecommendationOptions != nil {
		r.RecommendationOptions = in.RecommendationOptions
	}
	tidyCriteria(r.Criteria)
	if cur.InUse && !domain.SameJudgement(&cur, &r) {
		return domain.Rubric{}, domain.Errorf(domain.CodeRubricInUse, "A round uses this rubric, so only its translations can still change; create a new version based on it instead.")
	}
	if errs := domain.CheckRubric(r.Criteria, r.RecommendationOptions); len(errs) > 0 {
		return domain.Rubric{}, domain.Invalid(errs...)
	}
	if cur.InUse {
		return s.rubrics.UpdateRubricTranslations(ctx, r, version)
	}
	return s.rubrics.UpdateRubric(ctx, r, version)
}

func tidyCriteria(criteria []domain.Criterion) {
	for i := range criteria {
		domain.TidyTranslations(&criteria[i])
	}
}

// ActivateRubric makes a rubric the one new rounds use by default.
func (s *Service) ActivateRubric(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Rubric, error) {
	r, err := s.rubrics.Rubric(ctx, id)
	if err != nil {
		return r, err
	}
	if _, err := s.coordinatorScope(ctx, a, r.ProgrammeID, "Rubric"); err != nil {
		return domain.Rubric{}, err
	}
	var out domain.Rubric
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.rubrics.ActivateRubric(ctx, r.ProgrammeID, id); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &r.ProgrammeID, "rubric.activated", "rubric", id, map[string]any{"status": r.Status}, map[string]any{"status": domain.RubricActive}); err != nil {
			return err
		}
		out, err = s.rubrics.Rubric(ctx, id)
		return err
	})
	if err != nil {
		return domain.Rubric{}, err
	}
	return out, nil
}

// RoundInput is a round as a coordinator sets it up.
type RoundInput struct {
	Name                 string
	RubricID             *uuid.UUID
	OpensAt              *time.Time
	DueAt                time.Time
	RebuttalDueAt        *time.Time
	ReviewersPerPractice int
	MaxLoad              int
	Blind, CrossBorder   bool
	// CallID sets the round up from a call: it holds every practice submitted to the call.
	CallID *uuid.UUID
}

// CreateRound sets up a review round (coordinators); without a rubric it uses the active one.
// Set up from a call, the round holds every practice submitted to the call (CodeValidation on
// call_id for a call of another programme, CodeInOtherRound when one of them is already in
// another undecided round); practices submitted to the call later join it while it is a draft or
// open.
func (s *Service) CreateRound(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in RoundInput) (domain.Round, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return domain.Round{}, err
	}
	var rubric domain.Rubric
	var err error
	if in.RubricID != nil {
		if rubric, err = s.usableRubric(ctx, programmeID, *in.RubricID); err != nil {
			return domain.Round{}, err
		}
	} else if rubric, err = s.rubrics.ActiveRubric(ctx, programmeID); err != nil {
		return domain.Round{}, notFoundAs(err, domain.Invalid(domain.FieldError{Field: "rubric_id", Message: "is required: the programme has no active rubric"}))
	}
	if !in.DueAt.After(s.now()) {
		return domain.Round{}, domain.Invalid(domain.FieldError{Field: "due_at", Message: "must be in the future"})
	}
	if in.OpensAt != nil && !in.OpensAt.Before(in.DueAt) {
		return domain.Round{}, domain.Invalid(domain.FieldError{Field: "opens_at", Message: "must be before due_at"})
	}
	if in.CallID != nil {
		if _, err := s.practiceCall(ctx, programmeID, *in.CallID); err != nil {
			return domain.Round{}, err
		}
	}
	r := domain.Round{ID: uuid.New(), ProgrammeID: programmeID, Name: strings.TrimSpace(in.Name), RubricID: rubric.ID, Status: domain.RoundDraft,
		OpensAt: in.OpensAt, DueAt: in.DueAt, RebuttalDueAt: in.RebuttalDueAt, ReviewersPerPractice: in.ReviewersPerPractice, MaxLoad: in.MaxLoad,
		Blind: in.Blind, CrossBorder: in.CrossBorder, CallID: in.CallID}
	if err := domain.CheckRebuttalDue(&r); err != nil {
		return domain.Round{}, err
	}
	var out domain.Round
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if out, err = s.rounds.CreateRound(ctx, r); err != nil {
			return err
		}
		after := map[string]any{"status": r.Status, "name": r.Name}
		if in.CallID != nil {
			after["call_id"] = *in.CallID
			if err := s.addCallPractices(ctx, r.ID, *in.CallID); err != nil {
				return err
			}
			if out, err = s.rounds.Round(ctx, r.ID, false); err != nil {
				return err
			}
		}
		return s.audit(ctx, a, &programmeID, "round.created", "round", r.ID, nil, after)
	})
	return out, err
}

// addCallPractices puts the practices submitted to a call into a new draft round, under the
// rules of AddRoundPractices, in a fixed number of statements however many there are.
func (s *Service) addCallPractices(ctx context.Context, roundID, callID uuid.UUID) error {
	other, err := s.calls.CallPracticeInOtherRound(ctx, callID, roundID)
	if err != nil {
		return err
	}
	if other != nil {
		return &domain.Error{Code: domain.CodeInOtherRound, Message: "A practice submitted to this call is already in another undecided round.",
			Fields: []domain.FieldError{{Field: "call_id", Message: "has a practice in another round: " + other.String()}}}
	}
	return s.calls.AddCallPractices(ctx, roundID, callID)
}

// usableRubric loads a rubric a round of the programme may use; anything else is a field error.
func (s *Service) usableRubric(ctx context.Context, programmeID, id uuid.UUID) (domain.Rubric, error) {
	unusable := domain.Invalid(domain.FieldError{Field: "rubric_id", Message: "is not a usable rubric of this programme"})
	rubric, err := s.rubrics.Rubric(ctx, id)
	if err != nil {
		return rubric, notFoundAs(err, unusable)
	}
	if rubric.ProgrammeID != programmeID || rubric.Status == domain.RubricRetired {
		return rubric, unusable
	}
	return rubric, nil
}

// coordinatedRound loads a round the caller coordinates.
func (s *Service) coordinatedRound(ctx context.Context, a *domain.Actor, id uuid.UUID, lock bool) (domain.Round, error) {
	r, err := s.rounds.Round(ctx, id, lock)
	if err != nil {
		return r, err
	}
	_, err = s.coordinatorScope(ctx, a, r.ProgrammeID, "Round")
	return r, err
}

// Round reads a round (coordinators).
func (s *Service) Round(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Round, error) {
	return s.coordinatedRound(ctx, a, id, false)
}

// ListRounds lists a programme's rounds (coordinators).
func (s *Service) ListRounds(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Round], error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return domain.Page[domain.Round]{}, err
	}
	return s.rounds.ListRounds(ctx, programmeID, p)
}

// RoundPatch lists what can change on a round; the rubric and the rules only while it is a draft.
type RoundPatch struct {
	Name                          *string
	RubricID                      *uuid.UUID
	OpensAt                       **time.Time
	DueAt                         *time.Time
	RebuttalDueAt                 **time.Time
	ReviewersPerPractice, MaxLoad *int
	Blind, CrossBorder            *bool
}

// apply changes r as the patch says; a new rubric must have been checked to be usable.
func (in RoundPatch) apply(r *domain.Round) {
	setIf(&r.Name, in.Name, strings.TrimSpace)
	setIf(&r.RubricID, in.RubricID, nil)
	setIf(&r.OpensAt, in.OpensAt, nil)
	setIf(&r.DueAt, in.DueAt, nil)
	setIf(&r.RebuttalDueAt, in.RebuttalDueAt, nil)
	setIf(&r.ReviewersPerPractice, in.ReviewersPerPractice, nil)
	setIf(&r.MaxLoad, in.MaxLoad, nil)
	setIf(&r.Blind, in.Blind, nil)
	setIf(&r.CrossBorder, in.CrossBorder, nil)
}

// UpdateRound changes a round (coordinators). Moving due_at moves every open assignment's deadline.
func (s *Service) UpdateRound(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in RoundPatch) (domain.Round, error) {
	var out domain.Round
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.coordinatedRound(ctx, a, id, true)
		if err != nil {
			return err
		}
		rulesChange := in.RubricID != nil || in.ReviewersPerPractice != nil || in.MaxLoad != nil || in.Blind != nil || in.CrossBorder != nil || in.OpensAt != nil
		if rulesChange && r.Status != domain.RoundDraft {
			return domain.Errorf(domain.CodeRoundState, "Only the name and the deadline of a round can change once it has opened.")
		}
		if in.RubricID != nil {
			if _, err := s.usableRubric(ctx, r.ProgrammeID, *in.RubricID); err != nil {
				return err
			}
		}
		dueMoved := in.DueAt != nil && !in.DueAt.Equal(r.DueAt)
		in.apply(&r)
		if dueMoved && !r.DueAt.After(s.now()) {
			return domain.Invalid(domain.FieldError{Field: "due_at", Message: "must be in the future"})
		}
		if err := domain.CheckRebuttalDue(&r); err != nil {
			return err
		}
		// During the rebuttal its deadline can move, but not away or into the past: that would
		// close the organisations' window behind their back.
		if in.RebuttalDueAt != nil && r.Status == domain.RoundRebuttal && (r.RebuttalDueAt == nil || !r.RebuttalDueAt.After(s.now())) {
			return &domain.Error{Code: domain.CodeScheduleInvalid, Message: "While the round is in rebuttal its deadline must stay set and in the future.",
				Fields: []domain.FieldError{{Field: "rebuttal_due_at", Code: domain.FieldInvalid, Message: "must be in the future while the round is in rebuttal"}}}
		}
		if out, err = s.rounds.UpdateRound(ctx, r, version); err != nil {
			return err
		}
		if dueMoved {
			return s.rounds.SetRoundDue(ctx, id, r.DueAt)
		}
		return nil
	})
	return out, err
}

// OpenRound opens a round: its submitted practices go into review and their reviewers are told.
func (s *Service) OpenRound(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Round, error) {
	return s.moveRound(ctx, a, id, domain.RoundActionOpen, func(ctx context.Context, r *domain.Round) error {
		if r.OpensAt == nil {
			now := s.now().UTC()
			r.OpensAt = &now
		}
		moved, err := s.rounds.SetRoundPracticesStatus(ctx, r.ID, domain.StatusSubmitted, domain.StatusInReview)
		if err != nil {
			return err
		}
		for _, pid := range moved {
			if err := s.audit(ctx, a, &r.ProgrammeID, "practice.start_review", "practice", pid, map[string]any{"status": domain.StatusSubmitted},
				map[string]any{"status": domain.StatusInReview, "round_id": r.ID}); err != nil {
				return err
			}
		}
		as, err := s.assignments.AllAssignments(ctx, r.ID)
		if err != nil {
			return err
		}
		return s.notifyAssigned(ctx, *r, activeOnly(as))
	})
}

// CloseRound stops reviewing: no new reviews are accepted.
func (s *Service) CloseRound(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Round, error) {
	return s.moveRound(ctx, a, id, domain.RoundActionClose, nil)
}

// ReleaseReviews moves a round into rebuttal (coordinators): the practices' organisations read
// their reviews and may respond until rebuttal_due_at, which must be set and in the future
// (CodeScheduleInvalid). Every active assignment's review must be submitted unless force says
// the coordinator releases them anyway (CodeReviewsOutstanding with the count in params
// "outstanding"); reviews not submitted by then stay out. Each practice's organisation is told.
func (s *Service) ReleaseReviews(ctx context.Context, a *domain.Actor, id uuid.UUID, force bool) (domain.Round, error) {
	return s.moveRound(ctx, a, id, domain.RoundActionRelease, func(ctx context.Context, r *domain.Round) error {
		now := s.now().UTC()
		if r.RebuttalDueAt == nil || !r.RebuttalDueAt.After(now) {
			return &domain.Error{Code: domain.CodeScheduleInvalid, Message: "Set a rebuttal deadline in the future before releasing the reviews.",
				Fields: []domain.FieldError{{Field: "rebuttal_due_at", Code: domain.FieldInvalid, Message: "must be set and in the future to release the reviews"}}}
		}
		as, err := s.assignments.AllAssignments(ctx, r.ID)
		if err != nil {
			return err
		}
		outstanding := 0
		for _, x := range activeOnly(as) {
			if x.Status != domain.AssignmentSubmitted {
				outstanding++
			}
		}
		if outstanding > 0 && !force {
			return &domain.Error{Code: domain.CodeReviewsOutstanding, Params: map[string]any{"outstanding": outstanding},
				Message: fmt.Sprintf("%d reviews of this round are not submitted; release anyway with force, or wait for them.", outstanding)}
		}
		r.ReviewsReleasedAt = &now
		return s.notifyReviewsReleased(ctx, *r)
	})
}

// notifyReviewsReleased tells the organisation of every practice in the round that its reviews
// are there to answer, with the deadline; the members are read once for the whole round.
func (s *Service) notifyReviewsReleased(ctx context.Context, r domain.Round) error {
	rps, err := s.rounds.RoundPractices(ctx, r.ID)
	if err != nil || len(rps) == 0 {
		return err
	}
	ids := make([]uuid.UUID, len(rps))
	for i, rp := range rps {
		ids[i] = rp.PracticeID
	}
	ps, err := s.practices.PracticesByIDs(ctx, ids)
	if err != nil {
		return err
	}
	members, err := s.programmes.ListMembers(ctx, r.ProgrammeID, domain.MemberFilter{}, domain.PageRequest{Page: 1, Size: domain.MaxPageSize})
	if err != nil {
		return err
	}
	due := r.RebuttalDueAt.UTC().Format(time.RFC3339)
	var ns []domain.Notification
	for _, id := range ids {
		p, ok := ps[id]
		if !ok {
			continue
		}
		for _, m := range members.Items {
			if m.OrganisationID == p.OrganisationID {
				ns = append(ns, domain.Notification{ID: uuid.New(), UserID: m.UserID, ProgrammeID: &r.ProgrammeID, Kind: domain.NotifyReviewsReleased,
					SubjectType: "practice", SubjectID: p.ID, Params: map[string]string{"practice": p.Title, "round": r.Name, "rebuttal_due_at": due}})
			}
		}
	}
	if len(ns) == 0 {
		return nil
	}
	return s.notifications.InsertNotifications(ctx, ns)
}

func (s *Service) moveRound(ctx context.Context, a *domain.Actor, id uuid.UUID, action string, during func(context.Context, *domain.Round) error) (domain.Round, error) {
	var out domain.Round
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.coordinatedRound(ctx, a, id, true)
		if err != nil {
			return err
		}
		from := r.Status
		if r.Status, err = domain.RoundTransition(from, action); err != nil {
			return err
		}
		if during != nil {
			if err := during(ctx, &r); err != nil {
				return err
			}
		}
		if out, err = s.rounds.UpdateRound(ctx, r, r.Version); err != nil {
			return err
		}
		return s.audit(ctx, a, &r.ProgrammeID, "round."+action, "round", id, map[string]any{"status": from}, map[string]any{"status": r.Status})
	})
	return out, err
}

func activeOnly(as []domain.Assignment) []domain.Assignment {
	out := as[:0:0]
	for _, a := range as {
		if a.Active() {
			out = append(out, a)
		}
	}
	return out
}

// AddRoundPractices puts submitted practices into a round; in an open round they go into review at once.
func (s *Service) AddRoundPractices(ctx context.Context, a *domain.Actor, roundID uuid.UUID, practiceIDs []uuid.UUID) (domain.Round, error) {
	var out domain.Round
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.coordinatedRound(ctx, a, roundID, true)
		if err != nil {
			return err
		}
		if r.Status != domain.RoundDraft && r.Status != domain.RoundOpen {
			return domain.Errorf(domain.CodeRoundState, "Practices can only be added to a draft or open round.")
		}
		ps, err := s.practices.PracticesByIDs(ctx, practiceIDs)
		if err != nil {
			return err
		}
		items := make([]domain.RoundPractice, 0, len(practiceIDs))
		for i, id := range practiceIDs {
			p, ok := ps[id]
			field := fieldIndex("practice_ids", i)
			if !ok || p.ProgrammeID != r.ProgrammeID {
				return domain.Invalid(domain.FieldError{Field: field, Message: "is not a practice of this programme"})
			}
			if p.Status != domain.StatusSubmitted {
				return &domain.Error{Code: domain.CodeNotSubmittedYet, Message: "Only submitted practices can be added to a round.",
					Fields: []domain.FieldError{{Field: field, Message: "is " + string(p.Status)}}}
			}
			other, err := s.rounds.ActiveRoundOf(ctx, id, roundID)
			if err != nil {
				return err
			}
			if other != nil {
				return &domain.Error{Code: domain.CodeInOtherRound, Message: "A practice can be in one undecided round at a time.",
					Fields: []domain.FieldError{{Field: field, Message: "is already in another round"}}}
			}
			items = append(items, domain.RoundPractice{PracticeID: id, Revision: p.Revision})
		}
		if err := s.rounds.AddRoundPractices(ctx, roundID, items); err != nil {
			return err
		}
		if r.Status == domain.RoundOpen {
			moved, err := s.rounds.SetRoundPracticesStatus(ctx, roundID, domain.StatusSubmitted, domain.StatusInReview)
			if err != nil {
				return err
			}
			for _, pid := range moved {
				if err := s.audit(ctx, a, &r.ProgrammeID, "practice.start_review", "practice", pid, map[string]any{"status": domain.StatusSubmitted},
					map[string]any{"status": domain.StatusInReview, "round_id": r.ID}); err != nil {
					return err
				}
			}
		}
		out, err = s.rounds.Round(ctx, roundID, false)
		return err
	})
	return out, err
}
