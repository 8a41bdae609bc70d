package postgres

import (
	"bytes"
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// StoredResponse is the response recorded for an idempotency key.
type StoredResponse struct {
	Status      int
	ContentType string
	Body        []byte
	Headers     map[string]string
}

// ClaimIdempotencyKey reserves (user, route, key) for a request with bodyHash. It returns the
// stored response when the same request already completed, CodeIdempotencyMismatch when the key
// was used with another body, and CodeIdempotencyPending while the first request still runs.
// A nil response and nil error means the caller owns the key and must Complete or Release it.
func (s *Store) ClaimIdempotencyKey(ctx context.Context, userID uuid.UUID, route, key string, bodyHash []byte) (*StoredResponse, error) {
	res := s.conn(ctx).Exec(`INSERT INTO idempotency_keys (user_id, route, key, body_hash) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, userID, route, key, bytea(bodyHash))
	if res.Error != nil {
		return nil, translate(res.Error)
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
		CreatedAt   time.Time
	}
	if err := s.conn(ctx).Raw(`SELECT body_hash, status, content_type, response, headers, created_at FROM idempotency_keys
		WHERE user_id = ? AND route = ? AND key = ?`, userID, route, key).Scan(&row).Error; err != nil {
		return nil, translate(err)
	}
	if !bytes.Equal(row.BodyHash, bodyHash) {
		return nil, domain.Errorf(domain.CodeIdempotencyMismatch, "This Idempotency-Key was already used with a different request body.")
	}
	if row.Status == nil {
		// A claim older than any request can run belongs to a request that died: take it over.
		res := s.conn(ctx).Exec(`UPDATE idempotency_keys SET created_at = now() WHERE user_id = ? AND route = ? AND key = ? AND status IS NULL
			AND created_at < now() - interval '2 minutes'`, userID, route, key)
		if res.Error != nil {
			return nil, translate(res.Error)
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
	return &StoredResponse{Status: *row.Status, ContentType: ct, Body: row.Response, Headers: row.Headers.V}, nil
}

// CompleteIdempotencyKey records the response for a claimed key.
func (s *Store) CompleteIdempotencyKey(ctx context.Context, userID uuid.UUID, route, key string, r StoredResponse) error {
	return translate(s.conn(ctx).Exec(`UPDATE idempotency_keys SET status = ?, content_type = ?, response = ?, headers = ?
		WHERE user_id = ? AND route = ? AND key = ?`, r.Status, r.ContentType, bytea(r.Body), JSON[map[string]string]{V: r.Headers}, userID, route, key).Error)
}

// ReleaseIdempotencyKey forgets a claimed key whose request failed, so that a retry runs again.
// Keys older than a day are forgotten too.
func (s *Store) ReleaseIdempotencyKey(ctx context.Context, userID uuid.UUID, route, key string) error {
	return translate(s.conn(ctx).Exec(`DELETE FROM idempotency_keys WHERE (user_id = ? AND route = ? AND key = ?) OR created_at < now() - interval '1 day'`,
		userID, route, key).Error)
}
