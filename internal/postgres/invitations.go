package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// CreateInvitation stores inv with the digest of its token.
func (s *Store) CreateInvitation(ctx context.Context, inv domain.Invitation, digest []byte) (domain.Invitation, error) {
	row := invitationRow{ID: inv.ID, TokenHash: digest, Email: inv.Email, Name: inv.Name, OrganisationID: inv.OrganisationID,
		ProgrammeID: inv.ProgrammeID, Roles: List(inv.Roles), Locale: localeOrDefault(inv.Locale), InvitedBy: inv.InvitedBy, ExpiresAt: inv.ExpiresAt, CreatedAt: time.Now().UTC()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return domain.Invitation{}, translate(err)
	}
	return row.toDomain(), nil
}

// InvitationByDigest reads an invitation by its token digest, with names for display. With lock,
// the row is locked for the rest of the transaction.
func (s *Store) InvitationByDigest(ctx context.Context, digest []byte, lock bool) (domain.Invitation, error) {
	sql := `SELECT i.*, p.name AS programme_name, o.name AS organisation_name FROM invitations i
		JOIN programmes p ON p.id = i.programme_id JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = ?`
	if lock {
		sql += " FOR UPDATE OF i"
	}
	var row invitationRow
	res := s.conn(ctx).Raw(sql, bytea(digest)).Scan(&row)
	if res.Error != nil {
		return domain.Invitation{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Invitation{}, domain.NotFound("Invitation")
	}
	return row.toDomain(), nil
}

// MarkInvitationAccepted records who accepted; it fails with CodeInvitationUsed when it already was.
func (s *Store) MarkInvitationAccepted(ctx context.Context, id, userID uuid.UUID) error {
	res := s.conn(ctx).Exec(`UPDATE invitations SET accepted_at = now(), accepted_user_id = ? WHERE id = ? AND accepted_at IS NULL`, userID, id)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Errorf(domain.CodeInvitationUsed, "This invitation has already been used.")
	}
	return nil
}

// ListInvitations returns a programme's invitations, newest first; status is "", pending, accepted or expired.
func (s *Store) ListInvitations(ctx context.Context, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.Invitation], error) {
	q := s.conn(ctx).Model(&invitationRow{}).Where("programme_id = ?", programmeID)
	switch status {
	case domain.InvitationPending:
		q = q.Where("accepted_at IS NULL AND expires_at > now()")
	case domain.InvitationAccepted:
		q = q.Where("accepted_at IS NOT NULL")
	case domain.InvitationExpired:
		q = q.Where("accepted_at IS NULL AND expires_at <= now()")
	}
	var rows []invitationRow
	total, err := findPageCapped(q, p, columns{}, "created_at DESC, id DESC", &rows)
	return pageAt(rows, invitationRow.toDomain, p, total), err
}
