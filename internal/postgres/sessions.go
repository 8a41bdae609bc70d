package postgres

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// CreateSession opens a session for user with its first refresh token digest.
func (s *Store) CreateSession(ctx context.Context, userID uuid.UUID, refreshDigest []byte, expiresAt time.Time) (uuid.UUID, error) {
	id := uuid.New()
	err := s.WithTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Exec(`INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)`, id, userID, expiresAt).Error; err != nil {
			return err
		}
		return s.conn(ctx).Exec(`INSERT INTO refresh_tokens (token_hash, session_id) VALUES (?, ?)`, bytea(refreshDigest), id).Error
	})
	return id, translate(err)
}

// RotateRefreshToken spends the token with digest old and stores next in the same session. A token
// that was spent before revokes its whole session. Unknown tokens, revoked or expired sessions and
// disabled users are CodeUnauthenticated.
func (s *Store) RotateRefreshToken(ctx context.Context, old, next []byte) (domain.RefreshOutcome, error) {
	var out domain.RefreshOutcome
	err := s.WithTx(ctx, func(ctx context.Context) error {
		var row struct {
			SessionID uuid.UUID
			UserID    uuid.UUID
			UsedAt    *time.Time
			Live      bool
		}
		res := s.conn(ctx).Raw(`SELECT t.session_id, s.user_id, t.used_at,
				(s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled) AS live
			FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
			WHERE t.token_hash = ? FOR UPDATE OF t, s`, bytea(old)).Scan(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 || !row.Live {
			return domain.Errorf(domain.CodeUnauthenticated, "The refresh token is not valid.")
		}
		out.SessionID, out.UserID = row.SessionID, row.UserID
		if row.UsedAt != nil {
			out.Reused = true
			return s.conn(ctx).Exec(`UPDATE sessions SET revoked_at = now(), revoke_reason = 'refresh_token_reused' WHERE id = ?`, row.SessionID).Error
		}
		if err := s.conn(ctx).Exec(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = ?`, bytea(old)).Error; err != nil {
			return err
		}
		return s.conn(ctx).Exec(`INSERT INTO refresh_tokens (token_hash, session_id) VALUES (?, ?)`, bytea(next), row.SessionID).Error
	})
	return out, translate(err)
}

// RevokeSession ends one session.
func (s *Store) RevokeSession(ctx context.Context, id uuid.UUID, reason string) error {
	return translate(s.conn(ctx).Exec(`UPDATE sessions SET revoked_at = now(), revoke_reason = ? WHERE id = ? AND revoked_at IS NULL`, reason, id).Error)
}

// RevokeUserSessions ends every session of user except keep (uuid.Nil keeps none).
func (s *Store) RevokeUserSessions(ctx context.Context, userID, keep uuid.UUID, reason string) error {
	return translate(s.conn(ctx).Exec(`UPDATE sessions SET revoked_at = now(), revoke_reason = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL`, reason, userID, keep).Error)
}

// Actor reads the caller of a request: the session must be live and the account enabled. One
// query on every authenticated request, so it is read with Row().Scan into the fields: GORM's
// Scan into a struct would reflect over the row and format the statement for its recorder.
func (s *Store) Actor(ctx context.Context, userID, sessionID uuid.UUID) (domain.Actor, error) {
	a := domain.Actor{SessionID: sessionID}
	err := s.conn(ctx).Raw(`SELECT u.id, u.name, u.email, u.organisation_id, o.country, u.is_admin
		FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
		WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`, sessionID, userID).
		Row().Scan(&a.UserID, &a.Name, &a.Email, &a.OrganisationID, &a.Country, &a.IsAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Actor{}, domain.Errorf(domain.CodeUnauthenticated, "The session has ended; sign in again.")
	}
	if err != nil {
		return domain.Actor{}, translate(err)
	}
	return a, nil
}

// LoginFailures counts recent failures for an account key and for a client key, in one query.
func (s *Store) LoginFailures(ctx context.Context, accountKey, clientKey string, since time.Time) (account, client int, err error) {
	var row struct{ Account, Client int }
	err = s.conn(ctx).Raw(`SELECT
			(SELECT count(*) FROM login_failures WHERE account_key = ? AND failed_at > ?) AS account,
			(SELECT count(*) FROM login_failures WHERE client_key = ? AND failed_at > ?) AS client`,
		accountKey, since, clientKey, since).Scan(&row).Error
	return row.Account, row.Client, translate(err)
}

// OldestLoginFailure returns when the oldest failure in the window for either key happened, to
// tell the caller when to retry.
func (s *Store) OldestLoginFailure(ctx context.Context, accountKey, clientKey string, since time.Time) (time.Time, error) {
	var t *time.Time
	err := s.conn(ctx).Raw(`SELECT min(failed_at) FROM login_failures WHERE (account_key = ? OR client_key = ?) AND failed_at > ?`,
		accountKey, clientKey, since).Scan(&t).Error
	if err != nil || t == nil {
		return time.Now(), translate(err)
	}
	return *t, nil
}

// RecordLoginFailure notes a failed sign-in and forgets failures older than a day.
func (s *Store) RecordLoginFailure(ctx context.Context, accountKey, clientKey string) error {
	return translate(s.WithTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Exec(`INSERT INTO login_failures (account_key, client_key) VALUES (?, ?)`, accountKey, clientKey).Error; err != nil {
			return err
		}
		return s.conn(ctx).Exec(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`).Error
	}))
}

// ClearLoginFailures forgets an account's failures after a successful sign-in.
func (s *Store) ClearLoginFailures(ctx context.Context, accountKey string) error {
	return translate(s.conn(ctx).Exec(`DELETE FROM login_failures WHERE account_key = ?`, accountKey).Error)
}
