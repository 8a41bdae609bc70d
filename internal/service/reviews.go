package service

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// ReviewStore keeps reviews, decisions and the organisations' responses.
type ReviewStore interface {
	// Review returns CodeNotFound for an assignment without a review; lock holds the row for
	// the transaction in ctx.
	Review(ctx context.Context, assignmentID uuid.UUID, lock bool) (domain.Review, error)
	// SaveReview returns CodeVersionMismatch when version is not the stored one.
	SaveReview(ctx context.Context, r domain.Review, version int) (domain.Review, error)
	ReviewsOfPractice(ctx context.Context, practiceID uuid.UUID) ([]domain.Review, error)
	ReviewsOfRound(ctx context.Context, roundID uuid.UUID) ([]domain.Review, error)
	// InsertDecision returns CodeConflict when the practice was already decided in the round.
	InsertDecision(ctx context.Context, d domain.DecisionRecord) error
	// Decisions lists the decisions of a round, of a practice, or of both when both are set.
	Decisions(ctx context.Context, roundID, practiceID *uuid.UUID) ([]domain.DecisionRecord, error)
	InsertResponse(ctx context.Context, r domain.ReviewResponse) error
	Responses(ctx context.Context, practiceID uuid.UUID) ([]domain.ReviewResponse, error)
}

// NotificationStore keeps the notifications people read in the app and their e-mail preference.
type NotificationStore interface {
	InsertNotifications(ctx context.Context, ns []domain.Notification) error
	// ListNotifications returns a page of the user's notifications and the unread count.
	ListNotifications(ctx context.Context, userID uuid.UUID, unreadOnly bool, p domain.PageRequest) (domain.Page[domain.Notification], int64, error)
	// MarkNotificationsRead marks the given notifications of the user read, all when ids is empty.
	MarkNotificationsRead(ctx context.Context, userID uuid.UUID, ids []uuid.UUID) error
	NotificationPreference(ctx context.Context, userID uuid.UUID) (string, error)
	SetNotificationPreference(ctx context.Context, userID uuid.UUID, email string) error
}

// ReviewView is a review with the assignment and rubric it belongs to.
type ReviewView struct {
	domain.Review
	Assignment domain.Assignment
	RubricID   uuid.UUID
}

// Review reads the review of an assignment: its reviewer, or a coordinator.
func (s *Service) Review(ctx context.Context, a *domain.Actor, assignmentID uuid.UUID) (ReviewView, error) {
	x, _, err := s.ownAssignment(ctx, a, assignmentID, false)
	if err != nil {
		return ReviewView{}, err
	}
	r, err := s.reviews.Review(ctx, assignmentID, false)
	if err != nil {
		return ReviewView{}, err
	}
	round, err := s.rounds.Round(ctx, x.RoundID, false)
	return ReviewView{Review: r, Assignment: x, RubricID: round.RubricID}, err
}

// ReviewInput is what a reviewer writes.
type ReviewInput struct {
	Scores          []domain.Score
	Strengths       string
	Improvements    string
	Transferability domain.Transferability
	Answers         []domain.Answer
	Recommendation  string
	Confidence      *int
}

// writableReview loads the caller's own review for a change: accepted, round open, not past its
// deadline, still a draft.
func (s *Service) writableReview(ctx context.Context, a *domain.Actor, assignmentID uuid.UUID) (domain.Assignment, domain.Round, domain.Review, error) {
	x, _, err := s.ownAssignment(ctx, a, assignmentID, true)
	if err != nil {
		return x, domain.Round{}, domain.Review{}, err
	}
	if x.ReviewerID != a.UserID {
		return x, domain.Round{}, domain.Review{}, domain.Forbidden("Only the assigned reviewer can write this review.")
	}
	round, err := s.rounds.Round(ctx, x.RoundID, false)
	if err != nil {
		return x, round, domain.Review{}, err
	}
	r, err := s.reviews.Review(ctx, assignmentID, true)
	if err != nil {
		return x, round, r, err
	}
	switch {
	case r.Submitted():
		return x, round, r, domain.Errorf(domain.CodeReviewLocked, "The review was submitted; a coordinator can reopen it.")
	case x.Status != domain.AssignmentAccepted:
		return x, round, r, domain.Errorf(domain.CodeAssignmentState, "Accept the assignment before writing the review.")
	case round.Status != domain.RoundOpen:
		return x, round, r, domain.Errorf(domain.CodeRoundState, "The round is not open for reviews.")
	case !x.DueAt.After(s.now()):
		return x, round, r, domain.Errorf(domain.CodeReviewOverdue, "The deadline has passed; ask a coordinator to extend it.")
	}
	return x, round, r, nil
}

// SaveReview stores a draft review when version is current.
func (s *Service) SaveReview(ctx context.Context, a *domain.Actor, assignmentID uuid.UUID, version int, in ReviewInput) (ReviewView, error) {
	var out ReviewView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, round, r, err := s.writableReview(ctx, a, assignmentID)
		if err != nil {
			return err
		}
		if r.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The review was changed elsewhere; reload it and try again.")
		}
		rubric, err := s.rubrics.Rubric(ctx, round.RubricID)
		if err != nil {
			return err
		}
		r.Scores, r.Strengths, r.Improvements = in.Scores, strings.TrimSpace(in.Strengths), strings.TrimSpace(in.Improvements)
		r.Transferability, r.Answers, r.Recommendation, r.Confidence = in.Transferability, in.Answers, in.Recommendation, in.Confidence
		if errs := domain.CheckReviewDraft(&r, &rubric); len(errs) > 0 {
			return domain.Invalid(errs...)
		}
		saved, err := s.reviews.SaveReview(ctx, r, version)
		out = ReviewView{Review: saved, Assignment: x, RubricID: round.RubricID}
		return err
	})
	return out, err
}

// SubmitReview hands the review in after checking it is complete; coordinators are told.
func (s *Service) SubmitReview(ctx context.Context, a *domain.Actor, assignmentID uuid.UUID) (ReviewView, error) {
	var out ReviewView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, round, r, err := s.writableReview(ctx, a, assignmentID)
		if err != nil {
			return err
		}
		rubric, err := s.rubrics.Rubric(ctx, round.RubricID)
		if err != nil {
			return err
		}
		p, err := s.practices.Practice(ctx, x.PracticeID, false)
		if err != nil {
			return err
		}
		if problems := domain.ReviewSubmitProblems(&r, &rubric, p.Content.LearningQuestions); len(problems) > 0 {
			return &domain.Error{Code: domain.CodeReviewIncomplete, Message: "The review is not complete yet.", Fields: problems}
		}
		now := s.now().UTC()
		r.Status, r.SubmittedAt, r.Outcome = domain.ReviewSubmitted, &now, r.ComputeOutcome(&rubric)
		saved, err := s.reviews.SaveReview(ctx, r, r.Version)
		if err != nil {
			return err
		}
		if err := s.assignments.SetAssignmentStatus(ctx, x.ID, x.Version, domain.AssignmentSubmitted, x.DeclineReason); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &x.ProgrammeID, "review.submitted", "assignment", x.ID, map[string]any{"status": domain.ReviewDraft}, map[string]any{"status": domain.ReviewSubmitted}); err != nil {
			return err
		}
		if err := s.notifyCoordinators(ctx, x.ProgrammeID, domain.NotifyReviewSubmitted, "practice", x.PracticeID,
			map[string]string{"practice": p.Title, "round": round.Name}); err != nil {
			return err
		}
		x.Status = domain.AssignmentSubmitted
		out = ReviewView{Review: saved, Assignment: x, RubricID: round.RubricID}
		return nil
	})
	return out, err
}

// ReopenReview lets a reviewer change a submitted review again (coordinators).
func (s *Service) ReopenReview(ctx context.Context, a *domain.Actor, assignmentID uuid.UUID) (ReviewView, error) {
	var out ReviewView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, sc, err := s.ownAssignment(ctx, a, assignmentID, true)
		if err != nil {
			return err
		}
		if !sc.IsCoordinator() {
			return domain.Forbidden("Only coordinators can reopen a review.")
		}
		r, err := s.reviews.Review(ctx, assignmentID, true)
		if err != nil {
			return err
		}
		if !r.Submitted() {
			return domain.Errorf(domain.CodeAssignmentState, "The review is not submitted.")
		}
		r.Status, r.SubmittedAt, r.Outcome = domain.ReviewDraft, nil, domain.ReviewOutcome{}
		saved, err := s.reviews.SaveReview(ctx, r, r.Version)
		if err != nil {
			return err
		}
		if err := s.assignments.SetAssignmentStatus(ctx, x.ID, x.Version, domain.AssignmentAccepted, ""); err != nil {
			return err
		}
		round, err := s.rounds.Round(ctx, x.RoundID, false)
		out = ReviewView{Review: saved, Assignment: x, RubricID: round.RubricID}
		if err != nil {
			return err
		}
		return s.audit(ctx, a, &x.ProgrammeID, "review.reopened", "assignment", x.ID, map[string]any{"status": domain.ReviewSubmitted}, map[string]any{"status": domain.ReviewDraft})
	})
	return out, err
}

// PracticeReview is a review as one caller may see it. Anonymous hides the reviewer entirely
// (blind round, seen by the practice's organisation or another reviewer); Label then names it "A", "B", … as
// domain.ReviewerLabels does, the letters the reviewers' discussion uses too.
type PracticeReview struct {
	domain.Review
	Anonymous bool
	Label     string
	RoundName string
}

// PracticeReviewsView is everything about the reviews of a practice a caller may see.
type PracticeReviewsView struct {
	Reviews   []PracticeReview
	Decisions []domain.DecisionRecord
	Responses []domain.ReviewResponse
}

// PracticeReviews lists the reviews of a practice the caller may see, following SPEC §2.
func (s *Service) PracticeReviews(ctx context.Context, a *domain.Actor, practiceID uuid.UUID) (PracticeReviewsView, error) {
	p, sc, err := s.accessiblePractice(ctx, a, practiceID)
	if err != nil {
		return PracticeReviewsView{}, err
	}
	all, err := s.reviews.ReviewsOfPractice(ctx, practiceID)
	if err != nil {
		return PracticeReviewsView{}, err
	}
	decisions, err := s.reviews.Decisions(ctx, nil, &practiceID)
	if err != nil {
		return PracticeReviewsView{}, err
	}
	decided := map[uuid.UUID]bool{}
	for _, d := range decisions {
		decided[d.RoundID] = true
	}
	ownSubmitted := map[uuid.UUID]bool{}
	for _, r := range all {
		if r.ReviewerID == a.UserID && r.Submitted() {
			ownSubmitted[r.RoundID] = true
		}
	}
	var out PracticeReviewsView
	labels := map[uuid.UUID]map[uuid.UUID]string{}
	for _, r := range all {
		if labels[r.RoundID] == nil {
			labels[r.RoundID] = domain.ReviewerLabels(all, r.RoundID)
		}
	}
	for _, r := range all {
		if !domain.CanSeeReview(sc, &r, p.OrganisationID, ownSubmitted[r.RoundID], decided[r.RoundID]) {
			continue
		}
		pr := PracticeReview{Review: r}
		// In a blind round everyone but the coordinators and the author reads a label: the
		// practice's organisation, and the other reviewers, as in the reviewers' discussion.
		if r.Blind && r.ReviewerID != a.UserID && !sc.IsCoordinator() {
			pr.Anonymous = true
			pr.Label = labels[r.RoundID][r.ReviewerID]
		}
		out.Reviews = append(out.Reviews, pr)
	}
	// The organisation sees decisions and responses once decided; coordinators always.
	for _, d := range decisions {
		if sc.IsCoordinator() || sc.Actor.OrganisationID == p.OrganisationID || ownSubmitted[d.RoundID] {
			out.Decisions = append(out.Decisions, d)
		}
	}
	if len(out.Decisions) > 0 || sc.IsCoordinator() {
		if out.Responses, err = s.reviews.Responses(ctx, practiceID); err != nil {
			return PracticeReviewsView{}, err
		}
	}
	return out, nil
}

// blindReviewers returns the reviewers of a practice in blind rounds, whose identity its
// organisation must not learn from anything (comments included).
func (s *Service) blindReviewers(ctx context.Context, practiceID uuid.UUID) (map[uuid.UUID]bool, error) {
	all, err := s.reviews.ReviewsOfPractice(ctx, practiceID)
	out := map[uuid.UUID]bool{}
	for _, r := range all {
		if r.Blind {
			out[r.ReviewerID] = true
		}
	}
	return out, err
}

// Decide records a coordinator's decision on a practice in a round and moves the practice. A
// practice the caller cannot see is NotFound; one they see but do not coordinate is Forbidden.
func (s *Service) Decide(ctx context.Context, a *domain.Actor, practiceID, roundID uuid.UUID, outcome, rationale string) (PracticeView, error) {
	var out PracticeView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		p, sc, err := s.visiblePractice(ctx, a, practiceID, true)
		if err != nil {
			return err
		}
		if !domain.CanManageProgramme(sc) {
			return domain.Forbidden("Only the programme's coordinators can decide on a practice.")
		}
		notRound := domain.Invalid(domain.FieldError{Field: "round_id", Message: "is not a round of this programme"})
		round, err := s.rounds.Round(ctx, roundID, true)
		if err := notFoundAs(err, notRound); err != nil {
			return err
		}
		if round.ProgrammeID != p.ProgrammeID {
			return notRound
		}
		if round.Status != domain.RoundOpen && round.Status != domain.RoundClosed {
			return domain.Errorf(domain.CodeRoundState, "Decisions are taken while a round is open or closed.")
		}
		rps, err := s.rounds.RoundPractices(ctx, roundID)
		if err != nil {
			return err
		}
		inRound := false
		for _, rp := range rps {
			inRound = inRound || rp.PracticeID == practiceID
		}
		if !inRound {
			return domain.Errorf(domain.CodeNotInRound, "This practice is not in the round.")
		}
		action, ok := domain.DecisionOutcomes[outcome]
		if !ok {
			return domain.Invalid(domain.FieldError{Field: "outcome", Message: "must be one of good_practice, promising_practice, revision_requested, not_retained"})
		}
		from := p.Status
		to, err := domain.Transition(from, action)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		if err := s.reviews.InsertDecision(ctx, domain.DecisionRecord{RoundID: roundID, PracticeID: practiceID, Outcome: outcome,
			Rationale: strings.TrimSpace(rationale), DecidedBy: a.UserID, DecidedAt: now}); err != nil {
			return err
		}
		p.Status = to
		p.Decision = &domain.Decision{Outcome: outcome, Rationale: strings.TrimSpace(rationale), DecidedAt: now, RoundID: roundID}
		if to == domain.StatusPublished {
			p.PublishedAt = &now
		}
		updated, err := s.practices.UpdatePractice(ctx, p, p.Version)
		if err != nil {
			return err
		}
		if err := s.audit(ctx, a, &p.ProgrammeID, "practice.decided", "practice", practiceID, map[string]any{"status": from},
			map[string]any{"status": to, "outcome": outcome, "round_id": roundID}); err != nil {
			return err
		}
		if err := s.notifyOrganisation(ctx, p, domain.NotifyDecision, map[string]string{"practice": p.Title, "outcome": outcome, "round": round.Name}); err != nil {
			return err
		}
		if err := s.closeRoundWhenDecided(ctx, a, round, rps); err != nil {
			return err
		}
		out = view(sc, updated)
		return nil
	})
	return out, err
}

// closeRoundWhenDecided marks a round decided once every practice in it has a decision.
func (s *Service) closeRoundWhenDecided(ctx context.Context, a *domain.Actor, round domain.Round, rps []domain.RoundPractice) error {
	ds, err := s.reviews.Decisions(ctx, &round.ID, nil)
	if err != nil || len(ds) < len(rps) {
		return err
	}
	from := round.Status
	round.Status = domain.RoundDecided
	if _, err := s.rounds.UpdateRound(ctx, round, round.Version); err != nil {
		return err
	}
	return s.audit(ctx, a, &round.ProgrammeID, "round.decided", "round", round.ID, map[string]any{"status": from}, map[string]any{"status": round.Status})
}

// Respond lets the practice's organisation answer the reviews once a decision is recorded.
func (s *Service) Respond(ctx context.Context, a *domain.Actor, practiceID, roundID uuid.UUID, body string) (domain.ReviewResponse, error) {
	p, sc, err := s.visiblePractice(ctx, a, practiceID, false)
	if err != nil {
		return domain.ReviewResponse{}, err
	}
	if !domain.CanEditPractice(sc, &p) {
		return domain.ReviewResponse{}, domain.Forbidden("Only the practice's organisation can respond to its reviews.")
	}
	ds, err := s.reviews.Decisions(ctx, &roundID, &practiceID)
	if err != nil {
		return domain.ReviewResponse{}, err
	}
	if len(ds) == 0 {
		return domain.ReviewResponse{}, domain.Errorf(domain.CodeNotDecided, "You can respond once the coordinator has recorded a decision.")
	}
	r := domain.ReviewResponse{ID: uuid.New(), RoundID: roundID, PracticeID: practiceID, AuthorID: a.UserID, AuthorName: a.Name, Body: strings.TrimSpace(body), CreatedAt: s.now().UTC()}
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.reviews.InsertResponse(ctx, r); err != nil {
			return err
		}
		return s.audit(ctx, a, &p.ProgrammeID, "practice.responded", "practice", practiceID, nil, map[string]any{"round_id": roundID})
	})
	return r, err
}

// notifyCoordinators tells every coordinator of a programme.
func (s *Service) notifyCoordinators(ctx context.Context, programmeID uuid.UUID, kind, subjectType string, subjectID uuid.UUID, params map[string]string) error {
	page, err := s.programmes.ListMembers(ctx, programmeID, domain.MemberFilter{Role: domain.RoleCoordinator}, domain.PageRequest{Page: 1, Size: domain.MaxPageSize})
	if err != nil {
		return err
	}
	ns := make([]domain.Notification, 0, len(page.Items))
	for _, m := range page.Items {
		ns = append(ns, domain.Notification{ID: uuid.New(), UserID: m.UserID, ProgrammeID: &programmeID, Kind: kind, SubjectType: subjectType, SubjectID: subjectID, Params: params})
	}
	return s.notifications.InsertNotifications(ctx, ns)
}

// notifyOrganisation tells the members of the practice's organisation in its programme.
func (s *Service) notifyOrganisation(ctx context.Context, p domain.Practice, kind string, params map[string]string) error {
	page, err := s.programmes.ListMembers(ctx, p.ProgrammeID, domain.MemberFilter{}, domain.PageRequest{Page: 1, Size: domain.MaxPageSize})
	if err != nil {
		return err
	}
	var ns []domain.Notification
	for _, m := range page.Items {
		if m.OrganisationID == p.OrganisationID {
			ns = append(ns, domain.Notification{ID: uuid.New(), UserID: m.UserID, ProgrammeID: &p.ProgrammeID, Kind: kind, SubjectType: "practice", SubjectID: p.ID, Params: params})
		}
	}
	return s.notifications.InsertNotifications(ctx, ns)
}

// Notifications lists the caller's notifications and the count of unread ones.
func (s *Service) Notifications(ctx context.Context, a *domain.Actor, unreadOnly bool, p domain.PageRequest) (domain.Page[domain.Notification], int64, error) {
	return s.notifications.ListNotifications(ctx, a.UserID, unreadOnly, p)
}

// MarkNotificationsRead marks some (or all) of the caller's notifications read.
func (s *Service) MarkNotificationsRead(ctx context.Context, a *domain.Actor, ids []uuid.UUID) error {
	return s.notifications.MarkNotificationsRead(ctx, a.UserID, ids)
}

// NotificationPreference reads the caller's e-mail preference.
func (s *Service) NotificationPreference(ctx context.Context, a *domain.Actor) (string, error) {
	return s.notifications.NotificationPreference(ctx, a.UserID)
}

// SetNotificationPreference stores the caller's e-mail preference.
func (s *Service) SetNotificationPreference(ctx context.Context, a *domain.Actor, email string) error {
	return s.notifications.SetNotificationPreference(ctx, a.UserID, email)
}
