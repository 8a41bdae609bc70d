package service

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
)

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
	user, err := s.store.UserByEmail(ctx, accountKey)
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
		if err := s.store.RecordLoginFailure(ctx, accountKey, clientKey); err != nil {
			return Tokens{}, err
		}
		return Tokens{}, domain.Errorf(domain.CodeInvalidCredentials, "E-mail or password is incorrect.")
	}
	if err := s.store.ClearLoginFailures(ctx, accountKey); err != nil {
		return Tokens{}, err
	}
	return s.openSession(ctx, user)
}

func (s *Service) checkThrottle(ctx context.Context, accountKey, clientKey string) error {
	since := s.now().Add(-loginWindow)
	acc, cli, err := s.store.LoginFailures(ctx, accountKey, clientKey, since)
	if err != nil {
		return err
	}
	if acc < maxFailuresAccount && cli < maxFailuresClient {
		return nil
	}
	oldest, err := s.store.OldestLoginFailure(ctx, accountKey, clientKey, since)
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
	sid, err := s.store.CreateSession(ctx, user.ID, digest, s.now().Add(s.refreshTTL))
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
	out, err := s.store.RotateRefreshToken(ctx, auth.Digest(refreshToken), digest)
	if err != nil {
		return Tokens{}, err
	}
	if out.Reused {
		s.log.WarnContext(ctx, "refresh token reused; session revoked", "session_id", out.SessionID, "user_id", out.UserID)
		return Tokens{}, domain.Errorf(domain.CodeUnauthenticated, "The refresh token is not valid.")
	}
	user, err := s.store.User(ctx, out.UserID)
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
	return s.store.RevokeSession(ctx, a.SessionID, "logout")
}

// Authenticate turns an access token into the caller, reading the session and account from the
// database so that logout, disabling and removal take effect on the next request.
func (s *Service) Authenticate(ctx context.Context, accessToken string) (domain.Actor, error) {
	uid, sid, err := s.signer.Verify(accessToken)
	if err != nil {
		return domain.Actor{}, domain.Errorf(domain.CodeUnauthenticated, "The access token is not valid.")
	}
	return s.store.Actor(ctx, uid, sid)
}

// ChangePassword checks the current password, stores the new one and ends the other sessions.
func (s *Service) ChangePassword(ctx context.Context, a *domain.Actor, current, next string) error {
	user, err := s.store.User(ctx, a.UserID)
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
	return s.store.WithTx(ctx, func(ctx context.Context) error {
		if err := s.store.SetPassword(ctx, a.UserID, hash); err != nil {
			return err
		}
		return s.store.RevokeUserSessions(ctx, a.UserID, a.SessionID, "password_changed")
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
