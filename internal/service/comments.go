package service

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// CommentStore keeps comments on practices and adaptations.
type CommentStore interface {
	CreateComment(ctx context.Context, c domain.Comment) (domain.Comment, error)
	// Comment returns CodeNotFound for an unknown id.
	Comment(ctx context.Context, id uuid.UUID) (domain.Comment, error)
	ListComments(ctx context.Context, subjectType string, subjectID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Comment], error)
	// UpdateCommentBody returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	UpdateCommentBody(ctx context.Context, id uuid.UUID, version int, body string) (domain.Comment, error)
	// RemoveComment blanks a comment and records who removed it.
	RemoveComment(ctx context.Context, id, by uuid.UUID) error
}

// CommentView is a comment with what the caller may do with it. AnonymousAuthor hides who wrote
// it: a reviewer of the practice in a blind round, read by the practice's organisation.
type CommentView struct {
	domain.Comment
	CanEdit, CanDelete bool
	AnonymousAuthor    bool
}

func commentView(sc domain.Scope, c domain.Comment, hidden map[uuid.UUID]bool) CommentView {
	v := CommentView{Comment: c, CanEdit: domain.CanEditComment(sc.Actor, &c), CanDelete: domain.CanDeleteComment(sc, &c)}
	if hidden[c.AuthorID] && (sc.Actor == nil || c.AuthorID != sc.Actor.UserID) {
		v.AnonymousAuthor = true
	}
	return v
}

// hiddenAuthors lists the authors whose identity the caller must not learn: the blind reviewers
// of a practice, when the caller belongs to its organisation (and does not coordinate).
func (s *Service) hiddenAuthors(ctx context.Context, sc domain.Scope, subjectType string, subjectID uuid.UUID) (map[uuid.UUID]bool, error) {
	if subjectType != "practice" || sc.IsCoordinator() || sc.Actor == nil {
		return nil, nil
	}
	p, err := s.practices.Practice(ctx, subjectID, false)
	if err != nil || p.OrganisationID != sc.Actor.OrganisationID {
		return nil, err
	}
	return s.blindReviewers(ctx, subjectID)
}

// subjectScope checks that the caller can see the subject of a discussion and returns the
// programme it belongs to.
func (s *Service) subjectScope(ctx context.Context, a *domain.Actor, subjectType string, subjectID uuid.UUID) (domain.Scope, uuid.UUID, error) {
	switch subjectType {
	case "practice":
		p, sc, err := s.visiblePractice(ctx, a, subjectID, false)
		return sc, p.ProgrammeID, err
	case "adaptation":
		ad, sc, err := s.visibleAdaptation(ctx, a, subjectID, false)
		return sc, ad.ProgrammeID, err
	}
	return domain.Scope{}, uuid.Nil, domain.NotFound("Subject")
}

// ListComments returns a page of the discussion on a subject the caller can see.
func (s *Service) ListComments(ctx context.Context, a *domain.Actor, subjectType string, subjectID uuid.UUID, p domain.PageRequest) (domain.Page[CommentView], error) {
	sc, _, err := s.subjectScope(ctx, a, subjectType, subjectID)
	if err != nil {
		return domain.Page[CommentView]{}, err
	}
	page, err := s.comments.ListComments(ctx, subjectType, subjectID, p)
	if err != nil {
		return domain.Page[CommentView]{}, err
	}
	hidden, err := s.hiddenAuthors(ctx, sc, subjectType, subjectID)
	out := domain.Page[CommentView]{Page: page.Page, Size: page.Size, Total: page.Total, TotalIsEstimate: page.TotalIsEstimate, Items: make([]CommentView, len(page.Items))}
	for i, c := range page.Items {
		out.Items[i] = commentView(sc, c, hidden)
	}
	return out, err
}

// CreateComment adds a comment, or a reply to one on the same subject.
func (s *Service) CreateComment(ctx context.Context, a *domain.Actor, subjectType string, subjectID uuid.UUID, body string, parentID *uuid.UUID) (CommentView, error) {
	sc, programmeID, err := s.subjectScope(ctx, a, subjectType, subjectID)
	if err != nil {
		return CommentView{}, err
	}
	if parentID != nil {
		notHere := domain.Invalid(domain.FieldError{Field: "parent_id", Message: "is not a comment in this discussion"})
		parent, err := s.comments.Comment(ctx, *parentID)
		if err := notFoundAs(err, notHere); err != nil {
			return CommentView{}, err
		}
		if parent.SubjectType != subjectType || parent.SubjectID != subjectID {
			return CommentView{}, notHere
		}
	}
	var c domain.Comment
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if c, err = s.comments.CreateComment(ctx, domain.Comment{ID: uuid.New(), ProgrammeID: programmeID, SubjectType: subjectType, SubjectID: subjectID,
			ParentID: parentID, AuthorID: a.UserID, Body: strings.TrimSpace(body)}); err != nil {
			return err
		}
		if subjectType != "practice" {
			return nil
		}
		// The practice's organisation hears about the discussion; the message never names the
		// author, who may be a blind reviewer.
		p, err := s.practices.Practice(ctx, subjectID, false)
		if err != nil || p.OrganisationID == a.OrganisationID {
			return err
		}
		return s.notifyOrganisation(ctx, p, domain.NotifyComment, map[string]string{"practice": p.Title})
	})
	return commentView(sc, c, nil), err
}

// commentScope loads a comment whose subject the caller can see.
func (s *Service) commentScope(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Comment, domain.Scope, error) {
	c, err := s.comments.Comment(ctx, id)
	if err != nil {
		return c, domain.Scope{}, err
	}
	sc, _, err := s.subjectScope(ctx, a, c.SubjectType, c.SubjectID)
	return c, sc, notFoundAs(err, domain.NotFound("Comment"))
}

// UpdateComment changes the caller's own comment.
func (s *Service) UpdateComment(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, body string) (CommentView, error) {
	c, sc, err := s.commentScope(ctx, a, id)
	if err != nil {
		return CommentView{}, err
	}
	if !domain.CanEditComment(a, &c) {
		return CommentView{}, domain.Forbidden("Only the author can edit a comment.")
	}
	updated, err := s.comments.UpdateCommentBody(ctx, id, version, strings.TrimSpace(body))
	return commentView(sc, updated, nil), err
}

// DeleteComment removes a comment (its author or a coordinator); replies keep their place.
func (s *Service) DeleteComment(ctx context.Context, a *domain.Actor, id uuid.UUID) error {
	c, sc, err := s.commentScope(ctx, a, id)
	if err != nil {
		return err
	}
	if c.Deleted() {
		return nil
	}
	if !domain.CanDeleteComment(sc, &c) {
		return domain.Forbidden("Only the author or a coordinator can remove a comment.")
	}
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.comments.RemoveComment(ctx, id, a.UserID); err != nil {
			return err
		}
		if c.AuthorID != a.UserID {
			return s.audit(ctx, a, &c.ProgrammeID, "comment.removed", "comment", id, map[string]any{"author_id": c.AuthorID}, nil)
		}
		return nil
	})
}
