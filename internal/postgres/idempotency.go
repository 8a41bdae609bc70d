package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// ClaimIdempotencyKey reserves (user, route, key) for a request with bodyHash inside the
// transaction ctx carries; the claim lasts exactly as long as that transaction, so a request
// that fails or dies leaves nothing behind. A second request with the same key waits for the
// first transaction to end, at most wait: then it gets the stored response, or the key when the
// first rolled back.
//
// It returns the stored response when the same request already completed,
// CodeIdempotencyMismatch when the key was used with another body, and CodeIdempotencyPending
// when the first request is still running after wait. A nil response and nil error means the
// caller owns the key and must StoreIdempotentResponse in the same transaction.
func (s *Store) ClaimIdempotencyKey(ctx context.Context, userID uuid.UUID, route, key string, bodyHash []byte, wait time.Duration) (*domain.StoredResponse, error) {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); !ok {
		return nil, errors.New("ClaimIdempotencyKey needs a transaction")
	}
	db := s.conn(ctx)
	// The wait for a concurrent claim is a wait on its transaction; bound it for this claim only.
	if err := db.Exec(`SELECT set_config('lock_timeout', ?, true)`, fmt.Sprintf("%dms", max(wait.Milliseconds(), 1))).Error; err != nil {
		return nil, translate(err)
	}
	stored, err := s.claim(db, userID, route, key, bodyHash)
	if err != nil {
		var pg *pgconn.PgError
		if errors.As(err, &pg) && pg.Code == "55P03" { // lock_not_available
			return nil, &domain.Error{Code: domain.CodeIdempotencyPending, Message: "A request with this Idempotency-Key is still being processed.", RetryAfter: 1}
		}
		return nil, translate(err)
	}
	if err := db.Exec(`SET LOCAL lock_timeout TO DEFAULT`).Error; err != nil {
		return nil, translate(err)
	}
	return stored, nil
}

func (s *Store) claim(db *gorm.DB, userID uuid.UUID, route, key string, bodyHash []byte) (*domain.StoredResponse, error) {
	res := db.Exec(`INSERT INTO idempotency_keys (user_id, route, key, body_hash) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, userID, route, key, bytea(bodyHash))
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 1 {
		return nil, nil
	}
	var row struct {
		BodyHash    []byte
		Status      *int
		ContentType *string
		Response    []byte
		Headers     JSON[map[string]string]
	}
	if err := db.Raw(`SELECT body_hash, status, content_type, response, headers FROM idempotency_keys
		WHERE user_id = ? AND route = ? AND key = ?`, userID, route, key).Scan(&row).Error; err != nil {
		return nil, err
	}
	if !bytes.Equal(row.BodyHash, bodyHash) {
		return nil, domain.Errorf(domain.CodeIdempotencyMismatch, "This Idempotency-Key was already used with a different request body.")
	}
	if row.Status == nil {
		// Claims commit only with their response now, so a visible claim without one was left
		// by an earlier version that stored the answer separately and died: it is ours.
		res := db.Exec(`UPDATE idempotency_keys SET created_at = now() WHERE user_id = ? AND route = ? AND key = ? AND status IS NULL`, userID, route, key)
		if res.Error != nil {
			return nil, res.Error
		}
		if res.RowsAffected == 1 {
			return nil, nil
		}
		return nil, &domain.Error{Code: domain.CodeIdempotencyPending, Message: "A request with this Idempotency-Key is still being processed.", RetryAfter: 1}
	}
	ct := ""
	if row.ContentType != nil {
		ct = *row.ContentType
	}
	return &domain.StoredResponse{Status: *row.Status, ContentType: ct, Body: row.Response, Headers: row.Headers.V}, nil
}

// StoreIdempotentResponse records the response for a key claimed in the same transaction.
func (s *Store) StoreIdempotentResponse(ctx context.Context, userID uuid.UUID, route, key string, r domain.StoredResponse) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); !ok {
		return errors.New("StoreIdempotentResponse needs the transaction of the claim")
	}
	res := s.conn(ctx).Exec(`UPDATE idempotency_keys SET status = ?, content_type = ?, response = ?, headers = ?
		WHERE user_id = ? AND route = ? AND key = ?`, r.Status, r.ContentType, bytea(r.Body), JSON[map[string]string]{V: r.Headers}, userID, route, key)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected != 1 {
		return errors.New("idempotency key to complete is not claimed")
	}
	return nil
}

// PurgeIdempotencyKeys forgets at most limit keys created before olderThan ago and returns how
// many. Rows another transaction holds are skipped rather than waited for.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context, olderThan time.Duration, limit int) (int64, error) {
	res := s.conn(ctx).Exec(`DELETE FROM idempotency_keys WHERE (user_id, route, key) IN (
		SELECT user_id, route, key FROM idempotency_keys WHERE created_at < now() - (? * interval '1 second')
		ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)`, int64(olderThan.Seconds()), limit)
	return res.RowsAffected, translate(res.Error)
}
