package service

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
)

// SessionStore keeps sign-in sessions and failed sign-in attempts.
type SessionStore interface {
	// CreateSession opens a session holding the digest of its first refresh token.
	CreateSession(ctx context.Context, userID uuid.UUID, refreshDigest []byte, expiresAt time.Time) (uuid.UUID, error)
	// RotateRefreshToken spends the token with digest old and stores next. Unknown tokens,
	// ended sessions and disabled accounts are CodeUnauthenticated; a token spent before
	// revokes its session and reports Reused.
	RotateRefreshToken(ctx context.Context, old, next []byte) (domain.RefreshOutcome, error)
	RevokeSession(ctx context.Context, id uuid.UUID, reason string) error
	// RevokeUserSessions ends every session of userID but keep.
	RevokeUserSessions(ctx context.Context, userID, keep uuid.UUID, reason string) error
	// Actor reads the caller of a request: CodeUnauthenticated when the session has ended or
	// the account is disabled.
	Actor(ctx context.Context, userID, sessionID uuid.UUID) (domain.Actor, error)
	// LoginFailures counts failures for an account and for a client since a moment.
	LoginFailures(ctx context.Context, accountKey, clientKey string, since time.Time) (int, int, error)
	OldestLoginFailure(ctx context.Context, accountKey, clientKey string, since time.Time) (time.Time, error)
	RecordLoginFailure(ctx context.Context, accountKey, clientKey string) error
	ClearLoginFailures(ctx context.Context, accountKey string) error
}

// Throttling of sign-ins: failures counted over a sliding window per account and per client.
const (
	loginWindow          = 15 * time.Minute
	maxFailuresAccount   = 10
	maxFailuresClient    = 50
	minPasswordLength    = 12
	invitationLifetime   = 14 * 24 * time.Hour
	hashWaitBeforeBusyIs = 10 * time.Second
)

// Tokens is what a successful sign-in returns.
type Tokens struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    int
	User         domain.User
}

// Login checks credentials. Unknown e-mail, wrong password and disabled account all answer
// CodeInvalidCredentials after the same amount of work. clientKey identifies the caller's address.
func (s *Service) Login(ctx context.Context, email, password, clientKey string) (Tokens, error) {
	accountKey := strings.ToLower(strings.TrimSpace(email))
	if err := s.checkThrottle(ctx, accountKey, clientKey); err != nil {
		return Tokens{}, err
	}
	user, err := s.users.UserByEmail(ctx, accountKey)
	if err != nil && !domain.IsCode(err, domain.CodeNotFound) {
		return Tokens{}, err
	}
	hctx, cancel := context.WithTimeout(ctx, hashWaitBeforeBusyIs)
	defer cancel()
	ok, verr := s.hasher.Verify(hctx, user.PasswordHash, password)
	if errors.Is(verr, auth.ErrBusy) {
		return Tokens{}, &domain.Error{Code: domain.CodeBusy, Message: "The server is busy; try again shortly.", RetryAfter: 2}
	}
	if verr != nil && user.PasswordHash != "" {
		return Tokens{}, verr
	}
	if !ok || user.Disabled {
		if err := s.sessions.RecordLoginFailure(ctx, accountKey, clientKey); err != nil {
			return Tokens{}, err
		}
		return Tokens{}, domain.Errorf(domain.CodeInvalidCredentials, "E-mail or password is incorrect.")
	}
	if err := s.sessions.ClearLoginFailures(ctx, accountKey); err != nil {
		return Tokens{}, err
	}
	return s.openSession(ctx, user)
}

func (s *Service) checkThrottle(ctx context.Context, accountKey, clientKey string) error {
	since := s.now().Add(-loginWindow)
	acc, cli, err := s.sessions.LoginFailures(ctx, accountKey, clientKey, since)
	if err != nil {
		return err
	}
	if acc < maxFailuresAccount && cli < maxFailuresClient {
		return nil
	}
	oldest, err := s.sessions.OldestLoginFailure(ctx, accountKey, clientKey, since)
	if err != nil {
		return err
	}
	retry := int(time.Until(oldest.Add(loginWindow)).Seconds()) + 1
	if retry < 1 {
		retry = 1
	}
	return &domain.Error{Code: domain.CodeTooManyAttempts, Message: "Too many failed sign-in attempts; try again later.", RetryAfter: retry}
}

func (s *Service) openSession(ctx context.Context, user domain.User) (Tokens, error) {
	refresh, digest, err := auth.NewOpaqueToken()
	if err != nil {
		return Tokens{}, err
	}
	sid, err := s.sessions.CreateSession(ctx, user.ID, digest, s.now().Add(s.refreshTTL))
	if err != nil {
		return Tokens{}, err
	}
	access, err := s.signer.Issue(user.ID, sid)
	if err != nil {
		return Tokens{}, err
	}
	return Tokens{AccessToken: access, RefreshToken: refresh, ExpiresIn: int(s.signer.TTL().Seconds()), User: user}, nil
}

// Refresh rotates a refresh token. A spent token revokes its session (someone copied it).
func (s *Service) Refresh(ctx context.Context, refreshToken string) (Tokens, error) {
	next, digest, err := auth.NewOpaqueToken()
	if err != nil {
		return Tokens{}, err
	}
	out, err := s.sessions.RotateRefreshToken(ctx, auth.Digest(refreshToken), digest)
	if err != nil {
		return Tokens{}, err
	}
	if out.Reused {
		s.log.WarnContext(ctx, "refresh token reused; session revoked", "session_id", out.SessionID, "user_id", out.UserID)
		return Tokens{}, domain.Errorf(domain.CodeUnauthenticated, "The refresh token is not valid.")
	}
	user, err := s.users.User(ctx, out.UserID)
	if err != nil {
		return Tokens{}, err
	}
	access, err := s.signer.Issue(out.UserID, out.SessionID)
	if err != nil {
		return Tokens{}, err
	}
	return Tokens{AccessToken: access, RefreshToken: next, ExpiresIn: int(s.signer.TTL().Seconds()), User: user}, nil
}

// Logout ends the caller's session; its tokens stop working at once.
func (s *Service) Logout(ctx context.Context, a *domain.Actor) error {
	return s.sessions.RevokeSession(ctx, a.SessionID, "logout")
}

// Authenticate turns an access token into the caller, reading the session and account from the
// database so that logout, disabling and removal take effect on the next request.
func (s *Service) Authenticate(ctx context.Context, accessToken string) (domain.Actor, error) {
	uid, sid, err := s.signer.Verify(accessToken)
	if err != nil {
		return domain.Actor{}, domain.Errorf(domain.CodeUnauthenticated, "The access token is not valid.")
	}
	return s.sessions.Actor(ctx, uid, sid)
}

// ChangePassword checks the current password, stores the new one and ends the other sessions.
func (s *Service) ChangePassword(ctx context.Context, a *domain.Actor, current, next string) error {
	user, err := s.users.User(ctx, a.UserID)
	if err != nil {
		return err
	}
	ok, err := s.hasher.Verify(ctx, user.PasswordHash, current)
	if err != nil {
		return s.hashErr(err)
	}
	if !ok {
		return domain.Invalid(domain.FieldError{Field: "current_password", Message: "is not your current password"})
	}
	if err := checkPassword("new_password", next, user.Email); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(ctx, next)
	if err != nil {
		return s.hashErr(err)
	}
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.users.SetPassword(ctx, a.UserID, hash); err != nil {
			return err
		}
		return s.sessions.RevokeUserSessions(ctx, a.UserID, a.SessionID, "password_changed")
	})
}

func (s *Service) hashErr(err error) error {
	if errors.Is(err, auth.ErrBusy) {
		return &domain.Error{Code: domain.CodeBusy, Message: "The server is busy; try again shortly.", RetryAfter: 2}
	}
	return err
}

// checkPassword applies the password policy: long enough, not the e-mail address.
func checkPassword(field, password, email string) error {
	if len([]rune(password)) < minPasswordLength {
		return domain.Invalid(domain.FieldError{Field: field, Message: "must be at least 12 characters"})
	}
	if strings.EqualFold(strings.TrimSpace(password), strings.TrimSpace(email)) {
		return domain.Invalid(domain.FieldError{Field: field, Message: "must not be your e-mail address"})
	}
	return nil
}

// HashPassword is used by create-admin and the demo seed.
func (s *Service) HashPassword(ctx context.Context, password string) (string, error) {
	return s.hasher.Hash(ctx, password)
}
