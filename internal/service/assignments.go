package service

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/assign"
	"github.com/peerbridge/peerbridge/internal/domain"
)

// AssignmentStore keeps reviewer assignments and declared conflicts of interest.
type AssignmentStore interface {
	// CreateAssignments returns CodeAlreadyAssigned when a reviewer already reviews the
	// practice in the round.
	CreateAssignments(ctx context.Context, as []domain.Assignment, revisions map[uuid.UUID]int) error
	// Assignment returns CodeNotFound for an unknown id; lock holds the row for the
	// transaction in ctx.
	Assignment(ctx context.Context, id uuid.UUID, lock bool) (domain.Assignment, error)
	ListAssignments(ctx context.Context, f domain.AssignmentFilter, p domain.PageRequest) (domain.Page[domain.Assignment], error)
	AllAssignments(ctx context.Context, roundID uuid.UUID) ([]domain.Assignment, error)
	// SetAssignmentStatus returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	SetAssignmentStatus(ctx context.Context, id uuid.UUID, version int, status, reason string) error
	// SetAssignmentDue returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	SetAssignmentDue(ctx context.Context, id uuid.UUID, version int, due time.Time) error
	// DeleteAssignment returns CodeAssignmentState once the review was submitted.
	DeleteAssignment(ctx context.Context, id uuid.UUID) error
	// IsAssignedReviewer reports whether the user reviews the practice in an open round.
	IsAssignedReviewer(ctx context.Context, practiceID, userID uuid.UUID) (bool, error)
	DeclareConflict(ctx context.Context, userID, orgID uuid.UUID, reason string) error
	// Conflicts maps each user to the organisations they declared a conflict with.
	Conflicts(ctx context.Context, userIDs []uuid.UUID) (map[uuid.UUID][]uuid.UUID, error)
	// ProgrammeReviewers lists the programme's active members with the reviewer role.
	ProgrammeReviewers(ctx context.Context, programmeID uuid.UUID) ([]domain.ReviewerProfile, error)
}

// roundContext is everything the assignment rules look at, read in a fixed number of queries.
type roundContext struct {
	round       domain.Round
	practices   map[uuid.UUID]domain.Practice
	revisions   map[uuid.UUID]int
	order       []uuid.UUID // practices in the order they were added
	reviewers   map[uuid.UUID]domain.ReviewerProfile
	conflicts   map[uuid.UUID][]uuid.UUID
	assignments []domain.Assignment
	bids        []domain.Bid
	// conflictBids are the practices each reviewer bid "conflict" on.
	conflictBids map[uuid.UUID][]string
}

func (s *Service) loadRoundContext(ctx context.Context, r domain.Round) (*roundContext, error) {
	rc := &roundContext{round: r, revisions: map[uuid.UUID]int{}, reviewers: map[uuid.UUID]domain.ReviewerProfile{}}
	rps, err := s.rounds.RoundPractices(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]uuid.UUID, len(rps))
	for i, rp := range rps {
		ids[i] = rp.PracticeID
		rc.revisions[rp.PracticeID] = rp.Revision
	}
	rc.order = ids
	if rc.practices, err = s.practices.PracticesByIDs(ctx, ids); err != nil {
		return nil, err
	}
	reviewers, err := s.assignments.ProgrammeReviewers(ctx, r.ProgrammeID)
	if err != nil {
		return nil, err
	}
	userIDs := make([]uuid.UUID, len(reviewers))
	for i, rv := range reviewers {
		rc.reviewers[rv.UserID] = rv
		userIDs[i] = rv.UserID
	}
	if rc.conflicts, err = s.assignments.Conflicts(ctx, userIDs); err != nil {
		return nil, err
	}
	if rc.assignments, err = s.assignments.AllAssignments(ctx, r.ID); err != nil {
		return nil, err
	}
	if rc.bids, err = s.bids.RoundBids(ctx, r.ID); err != nil {
		return nil, err
	}
	rc.conflictBids = map[uuid.UUID][]string{}
	for _, b := range rc.bids {
		if b.Level == domain.BidConflict {
			rc.conflictBids[b.ReviewerID] = append(rc.conflictBids[b.ReviewerID], b.PracticeID.String())
		}
	}
	return rc, nil
}

func practiceLanguages(p domain.Practice) []string {
	langs := []string{p.Language}
	for l := range p.Translations {
		langs = append(langs, l)
	}
	sort.Strings(langs[1:])
	return langs
}

func (rc *roundContext) assignPractice(p domain.Practice) assign.Practice {
	return assign.Practice{ID: p.ID.String(), OrganisationID: p.OrganisationID.String(), Country: p.Country, Languages: practiceLanguages(p), Themes: p.Themes}
}

func (rc *roundContext) assignReviewer(r domain.ReviewerProfile) assign.Reviewer {
	conflicts := make([]string, len(rc.conflicts[r.UserID]))
	for i, c := range rc.conflicts[r.UserID] {
		conflicts[i] = c.String()
	}
	return assign.Reviewer{ID: r.UserID.String(), OrganisationID: r.OrganisationID.String(), Country: r.Country, Languages: r.Languages,
		Expertise: r.Expertise, ConflictOrgs: conflicts, ConflictPractices: rc.conflictBids[r.UserID]}
}

// checkPair applies every hard rule of SPEC §3 to one proposed pair, naming the rule it breaks.
func (rc *roundContext) checkPair(practiceID, reviewerID uuid.UUID) error {
	p, ok := rc.practices[practiceID]
	if !ok {
		return domain.Errorf(domain.CodeNotInRound, "This practice is not in the round.")
	}
	rv, ok := rc.reviewers[reviewerID]
	if !ok {
		return domain.Errorf(domain.CodeNotAReviewer, "This person is not a reviewer in the programme.")
	}
	if ok, rule := assign.Eligible(rc.assignPractice(p), rc.assignReviewer(rv), rc.round.CrossBorder); !ok {
		return domain.Errorf(domain.Code(rule), "%s", ruleMessage(rule))
	}
	load := 0
	for _, a := range rc.assignments {
		if !a.Active() {
			continue
		}
		if a.PracticeID == practiceID && a.ReviewerID == reviewerID {
			return domain.Errorf(domain.CodeAlreadyAssigned, "This reviewer is already assigned to this practice in this round.")
		}
		if a.ReviewerID == reviewerID {
			load++
		}
	}
	if load >= rc.round.MaxLoad {
		return domain.Errorf(domain.CodeOverloaded, "This reviewer already has the round's maximum of %d practices.", rc.round.MaxLoad)
	}
	for _, a := range rc.assignments {
		if a.PracticeID == practiceID && a.ReviewerID == reviewerID && a.Status == domain.AssignmentDeclined {
			return domain.Errorf(domain.CodeAlreadyAssigned, "This reviewer declined this practice in this round.")
		}
	}
	return nil
}

func ruleMessage(rule string) string {
	switch rule {
	case string(domain.CodeSameOrganisation):
		return "A reviewer cannot review a practice of their own organisation."
	case string(domain.CodeSameCountry):
		return "This round is cross-border: the reviewer must work in another country than the practice."
	case string(domain.CodeDeclaredConflict):
		return "The reviewer declared a conflict of interest with this practice or its organisation."
	case string(domain.CodeLanguageMismatch):
		return "The reviewer does not read the practice's language or any of its translations."
	}
	return "This reviewer cannot be assigned to this practice."
}

// CreateAssignment assigns one reviewer to one practice of a round (coordinators), enforcing every
// hard rule with a 409 that names it.
func (s *Service) CreateAssignment(ctx context.Context, a *domain.Actor, roundID, practiceID, reviewerID uuid.UUID) (domain.Assignment, error) {
	var out domain.Assignment
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.coordinatedRound(ctx, a, roundID, true)
		if err != nil {
			return err
		}
		if r.Status != domain.RoundDraft && r.Status != domain.RoundOpen {
			return domain.Errorf(domain.CodeRoundState, "Assignments can only change while a round is a draft or open.")
		}
		rc, err := s.loadRoundContext(ctx, r)
		if err != nil {
			return err
		}
		if err := rc.checkPair(practiceID, reviewerID); err != nil {
			return err
		}
		as := []domain.Assignment{{ID: uuid.New(), RoundID: roundID, PracticeID: practiceID, ReviewerID: reviewerID, DueAt: r.DueAt, Source: "manual",
			Explanation: "Assigned by a coordinator."}}
		if err := s.commitAssignments(ctx, a, r, as, rc.revisions); err != nil {
			return err
		}
		out, err = s.assignments.Assignment(ctx, as[0].ID, false)
		return err
	})
	return out, err
}

// commitAssignments stores assignments with their review drafts, audits them and, in an open
// round, tells the reviewers.
func (s *Service) commitAssignments(ctx context.Context, a *domain.Actor, r domain.Round, as []domain.Assignment, revisions map[uuid.UUID]int) error {
	if len(as) == 0 {
		return nil
	}
	if err := s.assignments.CreateAssignments(ctx, as, revisions); err != nil {
		return err
	}
	for _, x := range as {
		if err := s.audit(ctx, a, &r.ProgrammeID, "assignment.created", "assignment", x.ID, nil,
			map[string]any{"practice_id": x.PracticeID, "reviewer_id": x.ReviewerID, "source": x.Source}); err != nil {
			return err
		}
	}
	if r.Status == domain.RoundOpen {
		return s.notifyAssigned(ctx, r, as)
	}
	return nil
}

// notifyAssigned tells reviewers about their new assignments.
func (s *Service) notifyAssigned(ctx context.Context, r domain.Round, as []domain.Assignment) error {
	if len(as) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(as))
	for i, x := range as {
		ids[i] = x.PracticeID
	}
	ps, err := s.practices.PracticesByIDs(ctx, ids)
	if err != nil {
		return err
	}
	ns := make([]domain.Notification, 0, len(as))
	for _, x := range as {
		ns = append(ns, domain.Notification{ID: uuid.New(), UserID: x.ReviewerID, ProgrammeID: &r.ProgrammeID, Kind: domain.NotifyAssigned,
			SubjectType: "assignment", SubjectID: x.ID, Params: map[string]string{"practice": ps[x.PracticeID].Title, "round": r.Name, "due_at": r.DueAt.Format(time.RFC3339)}})
	}
	return s.notifications.InsertNotifications(ctx, ns)
}

// AutoAssignResult is the optimiser's proposal (or what was committed).
type AutoAssignResult struct {
	Assignments []domain.Assignment
	Reasons     []assign.Reasons // Reasons[i] explains Assignments[i]
	Unstaffed   []assign.Unstaffed
	Committed   bool
}

// AutoAssign proposes (dryRun) or commits a complete assignment of the round. Committing is one
// transaction that holds the round, so two coordinators cannot commit overlapping proposals.
func (s *Service) AutoAssign(ctx context.Context, a *domain.Actor, roundID uuid.UUID, dryRun bool) (AutoAssignResult, error) {
	var out AutoAssignResult
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		r, err := s.coordinatedRound(ctx, a, roundID, true)
		if err != nil {
			return err
		}
		if r.Status != domain.RoundDraft && r.Status != domain.RoundOpen {
			return domain.Errorf(domain.CodeRoundState, "Assignments can only change while a round is a draft or open.")
		}
		rc, err := s.loadRoundContext(ctx, r)
		if err != nil {
			return err
		}
		in := assign.Input{PerPractice: r.ReviewersPerPractice, MaxLoad: r.MaxLoad, CrossBorder: r.CrossBorder}
		for _, id := range rc.order {
			in.Practices = append(in.Practices, rc.assignPractice(rc.practices[id]))
		}
		for _, rv := range rc.reviewers {
			in.Reviewers = append(in.Reviewers, rc.assignReviewer(rv))
		}
		for _, b := range rc.bids {
			in.Bids = append(in.Bids, assign.Bid{PracticeID: b.PracticeID.String(), ReviewerID: b.ReviewerID.String(), Level: assign.BidLevel(b.Level)})
		}
		for _, x := range rc.assignments {
			pair := assign.Pair{PracticeID: x.PracticeID.String(), ReviewerID: x.ReviewerID.String()}
			if x.Active() {
				in.Existing = append(in.Existing, pair)
			} else {
				in.Excluded = append(in.Excluded, pair)
			}
		}
		res := assign.Solve(in)
		out.Unstaffed = res.Unstaffed
		for _, p := range res.Assignments {
			pid, rid := uuid.MustParse(p.PracticeID), uuid.MustParse(p.ReviewerID)
			rv := rc.reviewers[rid]
			out.Assignments = append(out.Assignments, domain.Assignment{ID: uuid.New(), RoundID: roundID, PracticeID: pid, ReviewerID: rid,
				Status: domain.AssignmentAssigned, DueAt: r.DueAt, Source: "auto", Explanation: p.Explanation,
				ReviewerName: rv.Name, ReviewerCountry: rv.Country, PracticeTitle: rc.practices[pid].Title, PracticeCountry: rc.practices[pid].Country})
			out.Reasons = append(out.Reasons, p.Reasons)
		}
		if dryRun {
			return nil
		}
		if err := s.commitAssignments(ctx, a, r, out.Assignments, rc.revisions); err != nil {
			return err
		}
		out.Committed = true
		return s.audit(ctx, a, &r.ProgrammeID, "round.auto_assigned", "round", roundID, nil,
			map[string]any{"assignments": len(out.Assignments), "unstaffed": len(out.Unstaffed)})
	})
	return out, err
}

// ListRoundAssignments lists a round's assignments (coordinators).
func (s *Service) ListRoundAssignments(ctx context.Context, a *domain.Actor, roundID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Assignment], error) {
	if _, err := s.coordinatedRound(ctx, a, roundID, false); err != nil {
		return domain.Page[domain.Assignment]{}, err
	}
	return s.assignments.ListAssignments(ctx, domain.AssignmentFilter{RoundID: &roundID}, p)
}

// MyAssignments is the caller's reviewer inbox.
func (s *Service) MyAssignments(ctx context.Context, a *domain.Actor, statuses []string, p domain.PageRequest) (domain.Page[domain.Assignment], error) {
	return s.assignments.ListAssignments(ctx, domain.AssignmentFilter{ReviewerID: &a.UserID, Statuses: statuses, OpenRoundsOnly: true}, p)
}

// ownAssignment loads an assignment of the caller's; anyone else's is NotFound (coordinators
// may read it too).
func (s *Service) ownAssignment(ctx context.Context, a *domain.Actor, id uuid.UUID, lock bool) (domain.Assignment, domain.Scope, error) {
	x, err := s.assignments.Assignment(ctx, id, lock)
	if err != nil {
		return x, domain.Scope{}, err
	}
	sc, err := s.scope(ctx, a, x.ProgrammeID)
	if err != nil {
		return x, sc, notFoundAs(err, domain.NotFound("Assignment"))
	}
	if x.ReviewerID != a.UserID && !sc.IsCoordinator() {
		return x, sc, domain.NotFound("Assignment")
	}
	if x.ReviewerID == a.UserID && x.RoundStatus == domain.RoundDraft && !sc.IsCoordinator() {
		return x, sc, domain.NotFound("Assignment")
	}
	return x, sc, nil
}

// AcceptAssignment: the reviewer takes the practice on.
func (s *Service) AcceptAssignment(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Assignment, error) {
	return s.answerAssignment(ctx, a, id, domain.AssignmentAccepted, "", false)
}

// DeclineAssignment: the reviewer gives the practice back with a reason, and may declare a
// conflict of interest with its organisation (kept for every later assignment).
func (s *Service) DeclineAssignment(ctx context.Context, a *domain.Actor, id uuid.UUID, reason string, conflict bool) (domain.Assignment, error) {
	return s.answerAssignment(ctx, a, id, domain.AssignmentDeclined, strings.TrimSpace(reason), conflict)
}

func (s *Service) answerAssignment(ctx context.Context, a *domain.Actor, id uuid.UUID, status, reason string, conflict bool) (domain.Assignment, error) {
	var out domain.Assignment
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, _, err := s.ownAssignment(ctx, a, id, true)
		if err != nil {
			return err
		}
		if x.ReviewerID != a.UserID {
			return domain.Forbidden("Only the assigned reviewer can answer an assignment.")
		}
		if x.Status != domain.AssignmentAssigned && !(x.Status == domain.AssignmentAccepted && status == domain.AssignmentDeclined) {
			return domain.Errorf(domain.CodeAssignmentState, "This assignment was already %s.", x.Status)
		}
		if err := s.assignments.SetAssignmentStatus(ctx, id, x.Version, status, reason); err != nil {
			return err
		}
		if conflict {
			p, err := s.practices.Practice(ctx, x.PracticeID, false)
			if err != nil {
				return err
			}
			if err := s.assignments.DeclareConflict(ctx, a.UserID, p.OrganisationID, reason); err != nil {
				return err
			}
		}
		if err := s.audit(ctx, a, &x.ProgrammeID, "assignment."+status, "assignment", id, map[string]any{"status": x.Status},
			map[string]any{"status": status, "conflict_declared": conflict}); err != nil {
			return err
		}
		out, err = s.assignments.Assignment(ctx, id, false)
		return err
	})
	return out, err
}

// DeleteAssignment removes an assignment without a submitted review (coordinators).
func (s *Service) DeleteAssignment(ctx context.Context, a *domain.Actor, id uuid.UUID) error {
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, sc, err := s.ownAssignment(ctx, a, id, true)
		if err != nil {
			return err
		}
		if !sc.IsCoordinator() {
			return domain.Forbidden("Only coordinators can remove assignments.")
		}
		// Audited first, while the assignment still names its practice and reviewer.
		if err := s.audit(ctx, a, &x.ProgrammeID, "assignment.deleted", "assignment", id,
			map[string]any{"practice_id": x.PracticeID, "reviewer_id": x.ReviewerID, "status": x.Status}, nil); err != nil {
			return err
		}
		return s.assignments.DeleteAssignment(ctx, id)
	})
}

// ExtendAssignment moves one assignment's deadline (coordinators); after the deadline only they can.
func (s *Service) ExtendAssignment(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, due time.Time) (domain.Assignment, error) {
	var out domain.Assignment
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		x, sc, err := s.ownAssignment(ctx, a, id, true)
		if err != nil {
			return err
		}
		if !sc.IsCoordinator() {
			return domain.Forbidden("Only coordinators can move a deadline.")
		}
		if !due.After(s.now()) {
			return domain.Invalid(domain.FieldError{Field: "due_at", Message: "must be in the future"})
		}
		if err := s.assignments.SetAssignmentDue(ctx, id, version, due); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &x.ProgrammeID, "assignment.extended", "assignment", id, map[string]any{"due_at": x.DueAt}, map[string]any{"due_at": due}); err != nil {
			return err
		}
		out, err = s.assignments.Assignment(ctx, id, false)
		return err
	})
	return out, err
}
