package domain

import "github.com/google/uuid"

// RefreshOutcome says what presenting a refresh token did.
type RefreshOutcome struct {
	SessionID uuid.UUID
	UserID    uuid.UUID
	// Reused is true when the token had been spent already: the session is now revoked.
	Reused bool
}
