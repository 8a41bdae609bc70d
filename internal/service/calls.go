package service

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// CallStore keeps a programme's calls for practices.
type CallStore interface {
	CreateCall(ctx context.Context, c domain.Call) (domain.Call, error)
	// Call returns CodeNotFound for an unknown id; lock holds the row for the transaction in ctx.
	Call(ctx context.Context, id uuid.UUID, lock bool) (domain.Call, error)
	ListCalls(ctx context.Context, programmeID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Call], error)
	// UpdateCall returns CodeNotFound for an unknown id and CodeVersionMismatch when version is
	// not the stored one.
	UpdateCall(ctx context.Context, c domain.Call, version int) (domain.Call, error)
	// CallPracticeInOtherRound returns a practice of the call in status submitted that another
	// undecided round than roundID holds, or nil.
	CallPracticeInOtherRound(ctx context.Context, callID, roundID uuid.UUID) (*uuid.UUID, error)
	// AddCallPractices puts the call's practices in status submitted into the round.
	AddCallPractices(ctx context.Context, roundID, callID uuid.UUID) error
	// CallRoundFor returns the newest draft or open round set up from the call that does not
	// hold the practice yet, or nil.
	CallRoundFor(ctx context.Context, callID, practiceID uuid.UUID) (*domain.Round, error)
}

// CallView is a call with its state at the server's clock.
type CallView struct {
	domain.Call
	State string
}

func (s *Service) callView(c domain.Call) CallView {
	return CallView{Call: c, State: c.State(s.now())}
}

// CallInput is a call as a coordinator writes it.
type CallInput struct {
	Title, Description string
	Themes             []string
	OpensAt, ClosesAt  time.Time
}

// CallPatch lists what an edit of a call may change; nil leaves a field as it is.
type CallPatch struct {
	Title, Description *string
	Themes             *[]string
	OpensAt, ClosesAt  *time.Time
}

// apply changes c as the patch says.
func (in CallPatch) apply(c *domain.Call) {
	setIf(&c.Title, in.Title, strings.TrimSpace)
	setIf(&c.Description, in.Description, strings.TrimSpace)
	setIf(&c.Themes, in.Themes, nil)
	setIf(&c.OpensAt, in.OpensAt, nil)
	setIf(&c.ClosesAt, in.ClosesAt, nil)
}

// checkCall enforces the rules that need the programme: themes from its list, and a window that
// closes after it opens (CodeValidation naming themes[i] or closes_at).
func checkCall(c *domain.Call, prog *domain.Programme) error {
	var errs []domain.FieldError
	for i, t := range c.Themes {
		if !prog.HasTheme(t) {
			errs = append(errs, domain.FieldError{Field: fieldIndex("themes", i), Code: domain.FieldUnknownTheme,
				Message: "is not a theme of this programme", Params: map[string]any{"value": t}})
		}
	}
	errs = append(errs, domain.CheckCallWindow(c)...)
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

// auditCall records a change of a call under its title of the moment.
func (s *Service) auditCall(ctx context.Context, a *domain.Actor, c *domain.Call, action string, before, after map[string]any) error {
	actor := a.UserID
	return s.auditLog.AppendAudit(ctx, domain.AuditEntry{ProgrammeID: &c.ProgrammeID, ActorID: &actor, Action: action, ObjectType: "call",
		ObjectID: c.ID, Before: before, After: after, ObjectTitle: c.Title})
}

// callWindow is what the audit log records of a call's window.
func callWindow(c *domain.Call) map[string]any {
	return map[string]any{"title": c.Title, "opens_at": c.OpensAt.UTC().Format(time.RFC3339), "closes_at": c.ClosesAt.UTC().Format(time.RFC3339)}
}

// ListCalls lists a programme's calls; every member reads them.
func (s *Service) ListCalls(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, p domain.PageRequest) (domain.Page[CallView], error) {
	if _, err := s.scope(ctx, a, programmeID); err != nil {
		return domain.Page[CallView]{}, err
	}
	page, err := s.calls.ListCalls(ctx, programmeID, p)
	if err != nil {
		return domain.Page[CallView]{}, err
	}
	out := domain.Page[CallView]{Items: make([]CallView, len(page.Items)), Page: page.Page, Size: page.Size, Total: page.Total}
	for i, c := range page.Items {
		out.Items[i] = s.callView(c)
	}
	return out, nil
}

// Call reads a call of a programme the caller belongs to; any other is CodeNotFound.
func (s *Service) Call(ctx context.Context, a *domain.Actor, id uuid.UUID) (CallView, error) {
	c, err := s.calls.Call(ctx, id, false)
	if err != nil {
		return CallView{}, err
	}
	if _, err := s.scope(ctx, a, c.ProgrammeID); err != nil {
		return CallView{}, notFoundAs(err, domain.NotFound("Call"))
	}
	return s.callView(c), nil
}

// CreateCall opens a call for practices (coordinators). Returns CodeNotFound outside the caller's
// programmes, CodeForbidden for members who do not coordinate it, CodeValidation for an unknown
// theme or a window that does not close after it opens.
func (s *Service) CreateCall(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in CallInput) (CallView, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return CallView{}, err
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return CallView{}, err
	}
	c := domain.Call{ID: uuid.New(), ProgrammeID: programmeID, Title: strings.TrimSpace(in.Title), Description: strings.TrimSpace(in.Description),
		Themes: in.Themes, OpensAt: in.OpensAt.UTC(), ClosesAt: in.ClosesAt.UTC()}
	if c.Themes == nil {
		c.Themes = []string{}
	}
	if err := checkCall(&c, &prog); err != nil {
		return CallView{}, err
	}
	var out domain.Call
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if out, err = s.calls.CreateCall(ctx, c); err != nil {
			return err
		}
		return s.auditCall(ctx, a, &out, "call.created", nil, callWindow(&out))
	})
	return s.callView(out), err
}

// UpdateCall changes a call (coordinators) when version is current: the same codes as
// CreateCall, and CodeVersionMismatch.
func (s *Service) UpdateCall(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in CallPatch) (CallView, error) {
	var out domain.Call
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		c, err := s.calls.Call(ctx, id, true)
		if err != nil {
			return err
		}
		if _, err := s.coordinatorScope(ctx, a, c.ProgrammeID, "Call"); err != nil {
			return err
		}
		if c.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The call was changed by someone else; reload it and try again.")
		}
		prog, err := s.programmes.Programme(ctx, c.ProgrammeID, a.UserID)
		if err != nil {
			return err
		}
		before := callWindow(&c)
		in.apply(&c)
		if err := checkCall(&c, &prog); err != nil {
			return err
		}
		if out, err = s.calls.UpdateCall(ctx, c, version); err != nil {
			return err
		}
		return s.auditCall(ctx, a, &out, "call.updated", before, callWindow(&out))
	})
	return s.callView(out), err
}

// practiceCall checks that id names a call of the practice's programme: anything else is a
// field error on call_id, the same for a call that does not exist and one of another programme.
func (s *Service) practiceCall(ctx context.Context, programmeID, id uuid.UUID) (domain.Call, error) {
	notACall := domain.Invalid(domain.FieldError{Field: "call_id", Message: "is not a call of this programme"})
	c, err := s.calls.Call(ctx, id, false)
	if err != nil {
		return c, notFoundAs(err, notACall)
	}
	if c.ProgrammeID != programmeID {
		return domain.Call{}, notACall
	}
	return c, nil
}

// checkSubmissionWindow refuses a submission of p outside its call's window
// (CodeCallClosed), except the resubmission of a revision (domain.Call.AcceptsSubmission).
func (s *Service) checkSubmissionWindow(ctx context.Context, p *domain.Practice) error {
	if p.CallID == nil {
		return nil
	}
	c, err := s.calls.Call(ctx, *p.CallID, false)
	if err != nil {
		return err
	}
	now := s.now()
	if c.AcceptsSubmission(p.Status, now) {
		return nil
	}
	if c.State(now) == domain.CallUpcoming {
		return domain.Errorf(domain.CodeCallClosed, "The call %q opens for submissions at %s.", c.Title, c.OpensAt.UTC().Format(time.RFC3339))
	}
	return domain.Errorf(domain.CodeCallClosed, "The call %q closed for submissions at %s.", c.Title, c.ClosesAt.UTC().Format(time.RFC3339))
}

// joinCallRound puts a practice just submitted to a call into the call's round while that round
// is a draft or open, as AddRoundPractices would: not when another undecided round holds it, and
// straight into review when the round is open. It reports whether the practice joined a round.
func (s *Service) joinCallRound(ctx context.Context, a *domain.Actor, p *domain.Practice) (bool, error) {
	if p.CallID == nil {
		return false, nil
	}
	r, err := s.calls.CallRoundFor(ctx, *p.CallID, p.ID)
	if err != nil || r == nil {
		return false, err
	}
	other, err := s.rounds.ActiveRoundOf(ctx, p.ID, r.ID)
	if err != nil || other != nil {
		return false, err
	}
	if err := s.rounds.AddRoundPractices(ctx, r.ID, []domain.RoundPractice{{PracticeID: p.ID, Revision: p.Revision}}); err != nil {
		return false, err
	}
	if r.Status != domain.RoundOpen {
		return true, nil
	}
	moved, err := s.rounds.SetRoundPracticesStatus(ctx, r.ID, domain.StatusSubmitted, domain.StatusInReview)
	if err != nil {
		return false, err
	}
	for _, pid := range moved {
		if err := s.audit(ctx, a, &r.ProgrammeID, "practice.start_review", "practice", pid, map[string]any{"status": domain.StatusSubmitted},
			map[string]any{"status": domain.StatusInReview, "round_id": r.ID}); err != nil {
			return false, err
		}
	}
	return true, nil
}
