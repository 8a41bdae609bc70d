package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type attachmentRow struct {
	ID          uuid.UUID
	OwnerType   string
	OwnerID     uuid.UUID
	ProgrammeID uuid.UUID
	FileName    string
	Role        *string
	MediaType   string
	Size        int64
	SHA256      []byte `gorm:"column:sha256"`
	UploadedBy  *uuid.UUID
	CreatedAt   time.Time
	CompletedAt *time.Time
	Version     int
	// Read from a join, never written.
	UploaderName string `gorm:"->"`
}

func (attachmentRow) TableName() string { return "attachments" }

func (r attachmentRow) toDomain() domain.Attachment {
	return domain.Attachment{ID: r.ID, Owner: domain.AttachmentOwner{Type: domain.AttachmentOwnerType(r.OwnerType), ID: r.OwnerID},
		ProgrammeID: r.ProgrammeID, FileName: r.FileName, Role: derefString(r.Role), MediaType: r.MediaType, Size: r.Size, SHA256: r.SHA256,
		UploadedBy: r.UploadedBy, UploaderName: r.UploaderName, CreatedAt: r.CreatedAt, Version: r.Version}
}

const attachmentSelect = `SELECT a.id, a.owner_type, a.owner_id, a.programme_id, a.file_name, a.role, a.media_type, a.size, a.sha256,
	a.uploaded_by, a.created_at, a.completed_at, a.version, coalesce(u.name, '') AS uploader_name
	FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by`

// CreatePendingAttachment records a file about to be written; nothing lists or serves it until
// CompleteAttachment.
func (s *Store) CreatePendingAttachment(ctx context.Context, a domain.Attachment) error {
	row := attachmentRow{ID: a.ID, OwnerType: string(a.Owner.Type), OwnerID: a.Owner.ID, ProgrammeID: a.ProgrammeID, FileName: a.FileName,
		Role: nullableText(a.Role), MediaType: a.MediaType, UploadedBy: a.UploadedBy, CreatedAt: time.Now().UTC(), Version: 1}
	return translate(s.conn(ctx).Omit("UploaderName").Create(&row).Error)
}

// PutAttachmentChunk stores chunk seq (from 0) of a pending file.
func (s *Store) PutAttachmentChunk(ctx context.Context, id uuid.UUID, seq int, b []byte) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO attachment_chunks (attachment_id, seq, bytes) VALUES (?, ?, ?)`, id, seq, bytea(b)).Error)
}

// CompleteAttachment makes a pending file visible with its size and digest. CodeNotFound when the
// row is gone (its owner was deleted meanwhile) or already complete.
func (s *Store) CompleteAttachment(ctx context.Context, id uuid.UUID, size int64, sum []byte) error {
	res := s.conn(ctx).Exec(`UPDATE attachments SET size = ?, sha256 = ?, completed_at = now() WHERE id = ? AND completed_at IS NULL`, size, bytea(sum), id)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Attachment")
	}
	return nil
}

// DeletePendingAttachment forgets a file whose upload failed, with its chunks.
func (s *Store) DeletePendingAttachment(ctx context.Context, id uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`DELETE FROM attachments WHERE id = ? AND completed_at IS NULL`, id).Error)
}

// SweepPendingAttachments forgets at most limit uploads that started more than olderThan ago and
// never completed (the server stopped in the middle).
func (s *Store) SweepPendingAttachments(ctx context.Context, olderThan time.Duration, limit int) (int64, error) {
	res := s.conn(ctx).Exec(`DELETE FROM attachments WHERE id IN (
		SELECT id FROM attachments WHERE completed_at IS NULL AND created_at < now() - make_interval(secs => ?) LIMIT ?)`,
		olderThan.Seconds(), limit)
	return res.RowsAffected, translate(res.Error)
}

// Attachment returns a complete file's description; CodeNotFound for an unknown or pending id.
func (s *Store) Attachment(ctx context.Context, id uuid.UUID) (domain.Attachment, error) {
	var rows []attachmentRow
	if err := s.conn(ctx).Raw(attachmentSelect+` WHERE a.id = ? AND a.completed_at IS NOT NULL`, id).Scan(&rows).Error; err != nil {
		return domain.Attachment{}, translate(err)
	}
	if len(rows) == 0 {
		return domain.Attachment{}, domain.NotFound("Attachment")
	}
	return rows[0].toDomain(), nil
}

// nullableText stores an empty text as NULL.
func nullableText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func derefString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Attachments lists the complete files of an owner, oldest first.
func (s *Store) Attachments(ctx context.Context, owner domain.AttachmentOwner) ([]domain.Attachment, error) {
	var rows []attachmentRow
	err := s.conn(ctx).Raw(attachmentSelect+` WHERE a.owner_type = ? AND a.owner_id = ? AND a.completed_at IS NOT NULL
		ORDER BY a.created_at, a.id`, string(owner.Type), owner.ID).Scan(&rows).Error
	out := make([]domain.Attachment, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, translate(err)
}

// AttachmentChunk returns chunk seq of a file; CodeNotFound when there is no such chunk (the
// file was deleted while it was being read).
func (s *Store) AttachmentChunk(ctx context.Context, id uuid.UUID, seq int) ([]byte, error) {
	var rows []struct{ Bytes []byte }
	if err := s.conn(ctx).Raw(`SELECT bytes FROM attachment_chunks WHERE attachment_id = ? AND seq = ?`, id, seq).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("Attachment")
	}
	return rows[0].Bytes, nil
}

// SetAttachmentRole changes a complete file's role (empty for none) if it is still at version,
// and returns the file as it is now. CodeNotFound when the file is gone, CodeVersionMismatch
// when it was changed since version.
func (s *Store) SetAttachmentRole(ctx context.Context, id uuid.UUID, version int, role string) (domain.Attachment, error) {
	var done []struct{ ID uuid.UUID }
	if err := s.updateVersionedReturning(ctx, &done, "attachments", "id", id, version, map[string]any{"role": nullableText(role)}); err != nil {
		return domain.Attachment{}, notFoundAs(err, "Attachment")
	}
	return s.Attachment(ctx, id)
}

// DeleteAttachment removes a file with its chunks.
func (s *Store) DeleteAttachment(ctx context.Context, id uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`DELETE FROM attachments WHERE id = ?`, id).Error)
}
