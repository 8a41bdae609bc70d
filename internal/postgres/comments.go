package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type commentRow struct {
	ID          uuid.UUID
	ProgrammeID uuid.UUID
	SubjectType string
	SubjectID   uuid.UUID
	ParentID    *uuid.UUID
	AuthorID    uuid.UUID
	Body        string
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
	EditedAt    *time.Time
	DeletedAt   *time.Time
	DeletedBy   *uuid.UUID
	// Read from joins, never written.
	AuthorName         string    `gorm:"->"`
	AuthorOrganisation uuid.UUID `gorm:"->"`
	AuthorOrgName      string    `gorm:"->"`
	AuthorOrgCountry   string    `gorm:"->"`
}

func (commentRow) TableName() string { return "comments" }

func (r commentRow) toDomain() domain.Comment {
	return domain.Comment{ID: r.ID, ProgrammeID: r.ProgrammeID, SubjectType: r.SubjectType, SubjectID: r.SubjectID, ParentID: r.ParentID,
		AuthorID: r.AuthorID, Body: r.Body, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, EditedAt: r.EditedAt,
		DeletedAt: r.DeletedAt, AuthorName: r.AuthorName, AuthorOrganisation: r.AuthorOrganisation, AuthorOrgName: r.AuthorOrgName, AuthorOrgCountry: r.AuthorOrgCountry}
}

const commentSelect = `c.*, u.name AS author_name, u.organisation_id AS author_organisation, o.name AS author_org_name, o.country AS author_org_country`
const commentJoins = `JOIN users u ON u.id = c.author_id JOIN organisations o ON o.id = u.organisation_id`

// CreateComment inserts c.
func (s *Store) CreateComment(ctx context.Context, c domain.Comment) (domain.Comment, error) {
	row := commentRow{ID: c.ID, ProgrammeID: c.ProgrammeID, SubjectType: c.SubjectType, SubjectID: c.SubjectID, ParentID: c.ParentID,
		AuthorID: c.AuthorID, Body: c.Body, Version: 1, CreatedAt: time.Now().UTC(), UpdatedAt: time.Now().UTC()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return domain.Comment{}, translate(err)
	}
	return s.Comment(ctx, c.ID)
}

// Comment reads one comment with its author.
func (s *Store) Comment(ctx context.Context, id uuid.UUID) (domain.Comment, error) {
	var row commentRow
	res := s.conn(ctx).Raw(`SELECT `+commentSelect+` FROM comments c `+commentJoins+` WHERE c.id = ?`, id).Scan(&row)
	if res.Error != nil {
		return domain.Comment{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Comment{}, domain.NotFound("Comment")
	}
	return row.toDomain(), nil
}

// ListComments returns a page of the comments on one subject, oldest first.
func (s *Store) ListComments(ctx context.Context, subjectType string, subjectID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Comment], error) {
	q := s.conn(ctx).Table("comments c").Joins(commentJoins).Where("c.subject_type = ? AND c.subject_id = ?", subjectType, subjectID)
	var rows []commentRow
	total, err := findPageCapped(q, p, columns{sql: commentSelect}, "c.created_at ASC, c.id ASC", &rows)
	return pageAt(rows, commentRow.toDomain, p, total), err
}

// UpdateCommentBody changes the text of a comment when its version is still version.
func (s *Store) UpdateCommentBody(ctx context.Context, id uuid.UUID, version int, body string) (domain.Comment, error) {
	var row commentRow
	if err := s.updateVersioned(ctx, &row, "comments", id, version, map[string]any{"body": body, "edited_at": time.Now().UTC()}); err != nil {
		return domain.Comment{}, notFoundAs(err, "Comment")
	}
	return s.Comment(ctx, id)
}

// RemoveComment blanks a comment and marks it removed; replies keep their place.
func (s *Store) RemoveComment(ctx context.Context, id, by uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`UPDATE comments SET body = '', deleted_at = now(), deleted_by = ?, version = version + 1, updated_at = now()
		WHERE id = ? AND deleted_at IS NULL`, by, id).Error)
}
