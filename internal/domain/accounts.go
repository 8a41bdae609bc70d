package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Pseudonym is the name an erased person goes by wherever their reviews, comments and audit
// entries remain: "Former member 7F3A". It is derived from the account id alone, so it is the
// same on every page and in every export, and says nothing about the person.
func Pseudonym(userID uuid.UUID) string {
	sum := sha256.Sum256(userID[:])
	return "Former member " + strings.ToUpper(hex.EncodeToString(sum[:2]))
}

// PseudonymCode returns the four digits of an erased person's pseudonym, and whether name is
// one: "Former member 7F3A" is shown in the reader's language ("Voormalig lid 7F3A").
func PseudonymCode(name string) (string, bool) {
	code, ok := strings.CutPrefix(name, "Former member ")
	if !ok || len(code) != 4 || strings.Trim(code, "0123456789ABCDEF") != "" {
		return "", false
	}
	return code, true
}

// ErasedEmail is the address an erased account keeps: unique (the column is), reserved by RFC
// 2606 so that nothing is ever delivered to it, and free of the person's own address.
func ErasedEmail(userID uuid.UUID) string {
	return "erased-" + userID.String() + "@erased.invalid"
}

// Mail is one e-mail, written in its recipient's language, waiting in the outbox.
type Mail struct {
	To, Subject, Body string
	// ReplyTo, when set, is where answers go instead of the sender (a visitor who wrote through
	// the public catalogue); the outbox forgets it once the e-mail is sent.
	ReplyTo string
}

// PasswordResetRequest is one request for a reset link. UserID is uuid.Nil when the address
// has no account: the request is then recorded all the same, and nothing is sent.
type PasswordResetRequest struct {
	ID            uuid.UUID
	UserID        uuid.UUID
	AccountDigest []byte
	ClientKey     string
	TokenDigest   []byte
	ExpiresAt     time.Time
	Mail          Mail
	// MaxPerAccount and MaxPerClient bound the e-mails sent within Window.
	MaxPerAccount, MaxPerClient int
	Window                      time.Duration
}

// PasswordReset is a stored reset token (only its digest is kept).
type PasswordReset struct {
	ID        uuid.UUID
	UserID    uuid.UUID
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// Erasure says what an erased account becomes.
type Erasure struct {
	UserID uuid.UUID
	// Name and Email are the person's own, to be replaced wherever they were copied.
	Name, Email string
	// AccountDigest is the digest under which reset requests for the address were recorded.
	AccountDigest []byte
	Pseudonym     string
	ErasedEmail   string
}

// PersonalData is everything held about one person (SPEC §7.7), section by section, each an
// encoded JSON array or object as the store wrote it.
type PersonalData map[string]json.RawMessage
