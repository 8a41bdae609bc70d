package service

import (
	"context"
	"sort"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// DiscussionStore keeps the reviewers' discussion of a practice in a round.
type DiscussionStore interface {
	CreateDiscussionPost(ctx context.Context, p domain.DiscussionPost) (domain.DiscussionPost, error)
	ListDiscussionPosts(ctx context.Context, roundID, practiceID uuid.UUID, p domain.PageRequest) (domain.Page[domain.DiscussionPost], error)
}

// DiscussionPostView is a post as one reader may see it. Anonymous hides the author, a reviewer
// of a blind round read by another reviewer: Label ("A", "B", …) then stands for them.
// Coordinators see names and labels.
type DiscussionPostView struct {
	domain.DiscussionPost
	Mine      bool
	Label     string
	Anonymous bool
	// AuthorRole is "reviewer" for a reviewer of the practice in the round, else "coordinator".
	AuthorRole string
}

// discussion is who takes part in one practice's discussion in one round.
type discussion struct {
	round     domain.Round
	practice  domain.Practice
	scope     domain.Scope
	labels    map[uuid.UUID]string    // every reviewer of the practice in the round
	submitted map[uuid.UUID]uuid.UUID // the reviewers who submitted, with their assignment: they take part
}

// discussionOf loads a discussion the caller takes part in: the round's coordinators and the
// reviewers of the practice in the round who submitted their review. For anyone else — other
// reviewers, the practice's organisation, other members — it does not exist.
func (s *Service) discussionOf(ctx context.Context, a *domain.Actor, roundID, practiceID uuid.UUID) (discussion, error) {
	notFound := domain.NotFound("Discussion")
	round, err := s.rounds.Round(ctx, roundID, false)
	if err != nil {
		return discussion{}, notFoundAs(err, notFound)
	}
	sc, err := s.scope(ctx, a, round.ProgrammeID)
	if err != nil {
		return discussion{}, notFoundAs(err, notFound)
	}
	rps, err := s.rounds.RoundPractices(ctx, roundID)
	if err != nil {
		return discussion{}, err
	}
	inRound := false
	for _, rp := range rps {
		inRound = inRound || rp.PracticeID == practiceID
	}
	if !inRound {
		return discussion{}, notFound
	}
	all, err := s.reviews.ReviewsOfPractice(ctx, practiceID)
	if err != nil {
		return discussion{}, err
	}
	d := discussion{round: round, scope: sc, labels: domain.ReviewerLabels(all, roundID), submitted: map[uuid.UUID]uuid.UUID{}}
	takesPart := sc.IsCoordinator()
	for _, r := range all {
		if r.RoundID == roundID && r.Submitted() {
			d.submitted[r.ReviewerID] = r.AssignmentID
			takesPart = takesPart || r.ReviewerID == a.UserID
		}
	}
	if !takesPart {
		return discussion{}, notFound
	}
	if d.practice, err = s.practices.Practice(ctx, practiceID, false); err != nil {
		return discussion{}, notFoundAs(err, notFound)
	}
	return d, nil
}

// view shows a post to the caller.
func (d discussion) view(a *domain.Actor, p domain.DiscussionPost) DiscussionPostView {
	v := DiscussionPostView{DiscussionPost: p, Mine: p.AuthorID == a.UserID, AuthorRole: "coordinator"}
	if label, ok := d.labels[p.AuthorID]; ok {
		v.Label, v.AuthorRole = label, "reviewer"
		v.Anonymous = d.round.Blind && !v.Mine && !d.scope.IsCoordinator()
	}
	return v
}

// ListDiscussion returns a page of the reviewers' discussion of a practice in a round.
func (s *Service) ListDiscussion(ctx context.Context, a *domain.Actor, roundID, practiceID uuid.UUID, p domain.PageRequest) (domain.Page[DiscussionPostView], error) {
	d, err := s.discussionOf(ctx, a, roundID, practiceID)
	if err != nil {
		return domain.Page[DiscussionPostView]{}, err
	}
	page, err := s.discussions.ListDiscussionPosts(ctx, roundID, practiceID, p)
	out := domain.Page[DiscussionPostView]{Page: page.Page, Size: page.Size, Total: page.Total, TotalIsEstimate: page.TotalIsEstimate, Items: make([]DiscussionPostView, len(page.Items))}
	for i, post := range page.Items {
		out.Items[i] = d.view(a, post)
	}
	return out, err
}

// PostToDiscussion adds the caller's post and tells the other participants in the app; a
// reviewer of a blind round is named to the other reviewers by their label only.
func (s *Service) PostToDiscussion(ctx context.Context, a *domain.Actor, roundID, practiceID uuid.UUID, body string) (DiscussionPostView, error) {
	d, err := s.discussionOf(ctx, a, roundID, practiceID)
	if err != nil {
		return DiscussionPostView{}, err
	}
	var out DiscussionPostView
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		post, err := s.discussions.CreateDiscussionPost(ctx, domain.DiscussionPost{ID: uuid.New(), RoundID: roundID, PracticeID: practiceID,
			AuthorID: a.UserID, Body: strings.TrimSpace(body)})
		if err != nil {
			return err
		}
		out = d.view(a, post)
		return s.notifyDiscussion(ctx, d, post)
	})
	return out, err
}

// notifyDiscussion tells the coordinators and the submitted reviewers, except the author, about
// a new post: coordinators with the round as subject, reviewers with their own assignment (where
// the web app shows them the discussion). The practice's organisation is never a recipient.
func (s *Service) notifyDiscussion(ctx context.Context, d discussion, post domain.DiscussionPost) error {
	coordinators, err := s.programmes.ListMembers(ctx, d.round.ProgrammeID, domain.MemberFilter{Role: domain.RoleCoordinator}, domain.PageRequest{Page: 1, Size: domain.MaxPageSize})
	if err != nil {
		return err
	}
	isCoordinator := map[uuid.UUID]bool{}
	recipients := []uuid.UUID{}
	for _, m := range coordinators.Items {
		if !isCoordinator[m.UserID] {
			isCoordinator[m.UserID] = true
			recipients = append(recipients, m.UserID)
		}
	}
	var reviewers []uuid.UUID
	for id := range d.submitted {
		if !isCoordinator[id] {
			reviewers = append(reviewers, id)
		}
	}
	sort.Slice(reviewers, func(i, j int) bool { return reviewers[i].String() < reviewers[j].String() })
	recipients = append(recipients, reviewers...)
	label, byReviewer := d.labels[post.AuthorID]
	programmeID := d.round.ProgrammeID
	var ns []domain.Notification
	for _, to := range recipients {
		if to == post.AuthorID {
			continue
		}
		params := map[string]string{"practice": d.practice.Title, "practice_id": d.practice.ID.String(), "round": d.round.Name}
		if byReviewer && d.round.Blind && !isCoordinator[to] {
			params["author_label"] = label
		} else {
			params["author"] = post.AuthorName
			// Kept so that erasing the author can find the name this notification quotes.
			params["author_id"] = post.AuthorID.String()
		}
		n := domain.Notification{ID: uuid.New(), UserID: to, ProgrammeID: &programmeID, Kind: domain.NotifyDiscussion,
			SubjectType: "round", SubjectID: d.round.ID, Params: params}
		if assignment, ok := d.submitted[to]; ok && !isCoordinator[to] {
			n.SubjectType, n.SubjectID = "assignment", assignment
		}
		ns = append(ns, n)
	}
	return s.notifications.InsertNotifications(ctx, ns)
}
