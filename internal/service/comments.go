package service

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// CommentView is a comment with what the caller may do with it.
type CommentView struct {
	domain.Comment
	CanEdit, CanDelete bool
}

func commentView(sc domain.Scope, c domain.Comment) CommentView {
	return CommentView{Comment: c, CanEdit: domain.CanEditComment(sc.Actor, &c), CanDelete: domain.CanDeleteComment(sc, &c)}
}

// subjectScope checks that the caller can see the subject of a discussion and returns the
// programme it belongs to.
func (s *Service) subjectScope(ctx context.Context, a *domain.Actor, subjectType string, subjectID uuid.UUID) (domain.Scope, uuid.UUID, error) {
	switch subjectType {
	case "practice":
		p, sc, err := s.visiblePractice(ctx, a, subjectID, false)
		return sc, p.ProgrammeID, err
	}
	return domain.Scope{}, uuid.Nil, domain.NotFound("Subject")
}

// ListComments returns a page of the discussion on a subject the caller can see.
func (s *Service) ListComments(ctx context.Context, a *domain.Actor, subjectType string, subjectID uuid.UUID, p domain.PageRequest) (domain.Page[CommentView], error) {
	sc, _, err := s.subjectScope(ctx, a, subjectType, subjectID)
	if err != nil {
		return domain.Page[CommentView]{}, err
	}
	page, err := s.practices.ListComments(ctx, subjectType, subjectID, p)
	out := domain.Page[CommentView]{Page: page.Page, Size: page.Size, Total: page.Total, Items: make([]CommentView, len(page.Items))}
	for i, c := range page.Items {
		out.Items[i] = commentView(sc, c)
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
		parent, err := s.practices.Comment(ctx, *parentID)
		if err != nil || parent.SubjectType != subjectType || parent.SubjectID != subjectID {
			return CommentView{}, domain.Invalid(domain.FieldError{Field: "parent_id", Message: "is not a comment in this discussion"})
		}
	}
	c, err := s.practices.CreateComment(ctx, domain.Comment{ID: uuid.New(), ProgrammeID: programmeID, SubjectType: subjectType, SubjectID: subjectID,
		ParentID: parentID, AuthorID: a.UserID, Body: strings.TrimSpace(body)})
	return commentView(sc, c), err
}

// commentScope loads a comment whose subject the caller can see.
func (s *Service) commentScope(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Comment, domain.Scope, error) {
	c, err := s.practices.Comment(ctx, id)
	if err != nil {
		return c, domain.Scope{}, err
	}
	sc, _, err := s.subjectScope(ctx, a, c.SubjectType, c.SubjectID)
	if domain.IsCode(err, domain.CodeNotFound) {
		return c, sc, domain.NotFound("Comment")
	}
	return c, sc, err
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
	updated, err := s.practices.UpdateCommentBody(ctx, id, version, strings.TrimSpace(body))
	return commentView(sc, updated), err
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
	return s.store.WithTx(ctx, func(ctx context.Context) error {
		if err := s.practices.RemoveComment(ctx, id, a.UserID); err != nil {
			return err
		}
		if c.AuthorID != a.UserID {
			return s.audit(ctx, a, &c.ProgrammeID, "comment.removed", "comment", id, map[string]any{"author_id": c.AuthorID}, nil)
		}
		return nil
	})
}
