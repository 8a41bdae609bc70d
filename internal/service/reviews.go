package service

import (
	"context"
	"slices"
	"strings"
	"time"

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
	// KeepFirstSubmission returns CodeAlreadyRevised when the review was revised before.
	KeepFirstSubmission(ctx context.Context, v domain.ReviewRevision) error
	// FirstSubmissions returns the kept first submissions of revised reviews, by assignment id.
	FirstSubmissions(ctx context.Context, assignmentIDs []uuid.UUID) (map[uuid.UUID]domain.ReviewRevision, error)
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

// ReviewView is a review with the assignment and rubric it belongs to. Reading it also gives
// the first submission of a revised review and the organisation's responses in the review's
// round once its reviews were released or decided.
type ReviewView struct {
	domain.Review
	Assignment      domain.Assignment
	RubricID        uuid.UUID
	FirstSubmission *domain.ReviewRevision
	Responses       []domain.ReviewResponse
	// Revisable: the reviewer may still revise it (submitted, round in rebuttal, not decided,
	// not revised before).
	Revisable bool
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
	if err != nil {
		return ReviewView{}, err
	}
	out := ReviewView{Review: r, Assignment: x, RubricID: round.RubricID}
	if r.Revised {
		firsts, err := s.reviews.FirstSubmissions(ctx, []uuid.UUID{assignmentID})
		if err != nil {
			return out, err
		}
		if f, ok := firsts[assignmentID]; ok {
			out.FirstSubmission = &f
		}
	}
	ds, err := s.reviews.Decisions(ctx, &x.RoundID, &x.PracticeID)
	if err != nil {
		return out, err
	}
	if round.ReviewsReleasedAt != nil || len(ds) > 0 {
		all, err := s.reviews.Responses(ctx, x.PracticeID)
		if err != nil {
			return out, err
		}
		for _, resp := range all {
			if resp.RoundID == x.RoundID {
				out.Responses = append(out.Responses, resp)
			}
		}
	}
	out.Revisable = x.ReviewerID == a.UserID && r.Submitted() && !r.Revised && round.Status == domain.RoundRebuttal && len(ds) == 0
	return out, nil
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
// deadline, still a draft. A review revised during the rebuttal is writable instead while the
// round is in rebuttal and its practice undecided, whatever the review deadline.
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
	if r.Revised && !r.Submitted() && round.Status == domain.RoundRebuttal {
		ds, err := s.reviews.Decisions(ctx, &round.ID, &x.PracticeID)
		if err != nil {
			return x, round, r, err
		}
		if len(ds) > 0 {
			return x, round, r, domain.Errorf(domain.CodePracticeDecided, "The coordinators have decided on this practice; the review can no longer change.")
		}
		return x, round, r, nil
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

// ReviseReview reopens the caller's own submitted review once, while its round is in rebuttal
// and before the decision on its practice, keeping the first submission beside it. The reviewer
// hands the revision in through SubmitReview; until then the review counts in no result, as a
// reopened review does. Returns CodeAlreadyRevised, CodeNotInRebuttal, CodePracticeDecided,
// CodeAssignmentState (not submitted), Forbidden (a coordinator) or NotFound.
func (s *Service) ReviseReview(ctx context.Context, a *domain.Actor, assignmentID uuid.UUID) (ReviewView, error) {
	var out ReviewView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, _, err := s.ownAssignment(ctx, a, assignmentID, true)
		if err != nil {
			return err
		}
		if x.ReviewerID != a.UserID {
			return domain.Forbidden("Only the reviewer who wrote the review can revise it.")
		}
		round, err := s.rounds.Round(ctx, x.RoundID, false)
		if err != nil {
			return err
		}
		r, err := s.reviews.Review(ctx, assignmentID, true)
		if err != nil {
			return err
		}
		ds, err := s.reviews.Decisions(ctx, &x.RoundID, &x.PracticeID)
		if err != nil {
			return err
		}
		switch {
		case r.Revised:
			return domain.Errorf(domain.CodeAlreadyRevised, "A review can be revised once; this one already was.")
		case len(ds) > 0:
			return domain.Errorf(domain.CodePracticeDecided, "The coordinators have decided on this practice; the review can no longer change.")
		case round.Status != domain.RoundRebuttal:
			return domain.Errorf(domain.CodeNotInRebuttal, "Reviews can be revised only while the round is in rebuttal.")
		case !r.Submitted():
			return domain.Errorf(domain.CodeAssignmentState, "The review is not submitted.")
		}
		now := s.now().UTC()
		if err := s.reviews.KeepFirstSubmission(ctx, r.FirstSubmission(now)); err != nil {
			return err
		}
		r.Status, r.SubmittedAt, r.Outcome = domain.ReviewDraft, nil, domain.ReviewOutcome{}
		saved, err := s.reviews.SaveReview(ctx, r, r.Version)
		if err != nil {
			return err
		}
		if err := s.assignments.SetAssignmentStatus(ctx, x.ID, x.Version, domain.AssignmentAccepted, ""); err != nil {
			return err
		}
		x.Status = domain.AssignmentAccepted
		if err := s.audit(ctx, a, &x.ProgrammeID, "review.revised", "assignment", x.ID, map[string]any{"status": domain.ReviewSubmitted},
			map[string]any{"status": domain.ReviewDraft}); err != nil {
			return err
		}
		first := r.FirstSubmission(now)
		out = ReviewView{Review: saved, Assignment: x, RubricID: round.RubricID, FirstSubmission: &first}
		return nil
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
	// FirstSubmission of a revised review, for coordinators only.
	FirstSubmission *domain.ReviewRevision
}

// PracticeReviewsView is everything about the reviews of a practice a caller may see.
type PracticeReviewsView struct {
	Reviews   []PracticeReview
	Decisions []domain.DecisionRecord
	Responses []domain.ReviewResponse
	Rebuttals []Rebuttal
}

// Rebuttal is a round that released the practice's reviews before its decision: until DueAt the
// organisation may respond (Open).
type Rebuttal struct {
	RoundID   uuid.UUID
	RoundName string
	DueAt     *time.Time
	Open      bool
}

// PracticeReviews lists the reviews of a practice the caller may see, following SPEC §2. The
// practice's organisation reads them once the round's reviews are released for the rebuttal, or
// once decided; reviewers of the practice read the organisation's responses from then on too;
// coordinators also see the first submission of every revised review. A review being revised
// is shown to everyone but its author as it was first submitted, until it is submitted again.
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
	released := map[uuid.UUID]bool{}
	for _, d := range decisions {
		released[d.RoundID] = true
	}
	ownSubmitted := map[uuid.UUID]bool{}
	var revised []uuid.UUID
	for _, r := range all {
		if r.ReviewsReleased {
			released[r.RoundID] = true
		}
		if r.ReviewerID == a.UserID && (r.Submitted() || r.Revised) {
			ownSubmitted[r.RoundID] = true
		}
		if r.Revised {
			revised = append(revised, r.AssignmentID)
		}
	}
	firsts := map[uuid.UUID]domain.ReviewRevision{}
	if len(revised) > 0 {
		if firsts, err = s.reviews.FirstSubmissions(ctx, revised); err != nil {
			return PracticeReviewsView{}, err
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
		// While its reviewer revises it, others read a review as it was last submitted.
		f, kept := firsts[r.AssignmentID]
		beingRevised := kept && !r.Submitted() && r.ReviewerID != a.UserID
		if beingRevised {
			r = r.AsSubmitted(f)
		}
		if !domain.CanSeeReview(sc, &r, p.OrganisationID, ownSubmitted[r.RoundID], released[r.RoundID]) {
			continue
		}
		pr := PracticeReview{Review: r}
		// In a blind round everyone but the coordinators and the author reads a label: the
		// practice's organisation, and the other reviewers, as in the reviewers' discussion.
		if r.Blind && r.ReviewerID != a.UserID && !sc.IsCoordinator() {
			pr.Anonymous = true
			pr.Label = labels[r.RoundID][r.ReviewerID]
		}
		if kept && !beingRevised && sc.IsCoordinator() {
			pr.FirstSubmission = &f
		}
		out.Reviews = append(out.Reviews, pr)
	}
	// The organisation sees decisions and responses once decided; coordinators always.
	for _, d := range decisions {
		if sc.IsCoordinator() || sc.Actor.OrganisationID == p.OrganisationID || ownSubmitted[d.RoundID] {
			out.Decisions = append(out.Decisions, d)
		}
	}
	// Responses: coordinators always; the organisation and the round's reviewers once the
	// round's reviews were released or decided.
	readsResponses := func(round uuid.UUID) bool {
		return sc.IsCoordinator() || (released[round] && (sc.Actor.OrganisationID == p.OrganisationID || ownSubmitted[round]))
	}
	readsSome := false
	for round := range released {
		readsSome = readsSome || readsResponses(round)
	}
	seen := map[uuid.UUID]bool{}
	for _, r := range all {
		if r.ReviewsReleased && !seen[r.RoundID] && readsResponses(r.RoundID) {
			seen[r.RoundID] = true
			out.Rebuttals = append(out.Rebuttals, Rebuttal{RoundID: r.RoundID, RoundName: r.RoundName, DueAt: r.RebuttalDueAt,
				Open: r.RebuttalDueAt == nil || s.now().Before(*r.RebuttalDueAt)})
		}
	}
	if readsSome || sc.IsCoordinator() {
		rs, err := s.reviews.Responses(ctx, practiceID)
		if err != nil {
			return PracticeReviewsView{}, err
		}
		for _, r := range rs {
			if readsResponses(r.RoundID) {
				out.Responses = append(out.Responses, r)
			}
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
		if !domain.Decidable(round.Status) {
			return domain.Errorf(domain.CodeRoundState, "Decisions are taken while a round is open, closed or in rebuttal.")
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

// Respond lets the practice's organisation answer the reviews of a round. In a round whose
// reviews were released for a rebuttal, it may answer from the release until the round's
// rebuttal_due_at, decided or not, and not after (CodeRebuttalClosed). In a round that never
// had a rebuttal it answers once the coordinator has recorded a decision (CodeNotDecided before),
// as it always could. The practice's reviewers in that round are told.
func (s *Service) Respond(ctx context.Context, a *domain.Actor, practiceID, roundID uuid.UUID, body string) (domain.ReviewResponse, error) {
	p, sc, err := s.visiblePractice(ctx, a, practiceID, false)
	if err != nil {
		return domain.ReviewResponse{}, err
	}
	if !domain.CanEditPractice(sc, &p) {
		return domain.ReviewResponse{}, domain.Forbidden("Only the practice's organisation can respond to its reviews.")
	}
	notRound := domain.Invalid(domain.FieldError{Field: "round_id", Message: "is not a round of this practice"})
	round, err := s.rounds.Round(ctx, roundID, false)
	if err := notFoundAs(err, notRound); err != nil {
		return domain.ReviewResponse{}, err
	}
	if round.ProgrammeID != p.ProgrammeID {
		return domain.ReviewResponse{}, notRound
	}
	now := s.now().UTC()
	if round.ReviewsReleasedAt != nil {
		rps, err := s.rounds.RoundPractices(ctx, roundID)
		if err != nil {
			return domain.ReviewResponse{}, err
		}
		if !slices.ContainsFunc(rps, func(rp domain.RoundPractice) bool { return rp.PracticeID == practiceID }) {
			return domain.ReviewResponse{}, notRound
		}
		if round.RebuttalDueAt != nil && !now.Before(*round.RebuttalDueAt) {
			return domain.ReviewResponse{}, domain.Errorf(domain.CodeRebuttalClosed, "The rebuttal of this round ended on %s.", round.RebuttalDueAt.UTC().Format(time.RFC3339))
		}
	} else {
		ds, err := s.reviews.Decisions(ctx, &roundID, &practiceID)
		if err != nil {
			return domain.ReviewResponse{}, err
		}
		if len(ds) == 0 {
			return domain.ReviewResponse{}, domain.Errorf(domain.CodeNotDecided, "You can respond once the coordinator has recorded a decision.")
		}
	}
	r := domain.ReviewResponse{ID: uuid.New(), RoundID: roundID, PracticeID: practiceID, AuthorID: a.UserID, AuthorName: a.Name, Body: strings.TrimSpace(body), CreatedAt: now}
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.reviews.InsertResponse(ctx, r); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &p.ProgrammeID, "practice.responded", "practice", practiceID, nil, map[string]any{"round_id": roundID}); err != nil {
			return err
		}
		return s.notifyReviewersOfResponse(ctx, p, round)
	})
	return r, err
}

// notifyReviewersOfResponse tells the practice's reviewers in the round whose review is in (or
// being revised) that the organisation answered.
func (s *Service) notifyReviewersOfResponse(ctx context.Context, p domain.Practice, round domain.Round) error {
	all, err := s.reviews.ReviewsOfPractice(ctx, p.ID)
	if err != nil {
		return err
	}
	var ns []domain.Notification
	for _, r := range all {
		if r.RoundID == round.ID && (r.Submitted() || r.Revised) {
			ns = append(ns, domain.Notification{ID: uuid.New(), UserID: r.ReviewerID, ProgrammeID: &p.ProgrammeID, Kind: domain.NotifyResponsePosted,
				SubjectType: "assignment", SubjectID: r.AssignmentID, Params: map[string]string{"practice": p.Title, "round": round.Name}})
		}
	}
	if len(ns) == 0 {
		return nil
	}
	return s.notifications.InsertNotifications(ctx, ns)
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
