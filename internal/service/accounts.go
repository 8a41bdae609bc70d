package service

import (
	"context"
	"crypto/sha256"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
)

// AccountStore keeps what password resets and erasure need, and the outbox of account e-mails.
type AccountStore interface {
	// QueueMail puts an e-mail in the outbox, in the caller's transaction.
	QueueMail(ctx context.Context, m domain.Mail) error
	// RequestPasswordReset records the request and, when it names an account that may sign
	// in and neither the address nor the client asked too often, stores the reset and queues
	// its e-mail — one statement either way. It reports whether an e-mail was queued.
	RequestPasswordReset(ctx context.Context, r domain.PasswordResetRequest) (bool, error)
	// PasswordResetByDigest returns CodeNotFound for an unknown token; lock holds the row for
	// the transaction in ctx.
	PasswordResetByDigest(ctx context.Context, digest []byte, lock bool) (domain.PasswordReset, error)
	// SpendPasswordResets marks every unused reset of the user used.
	SpendPasswordResets(ctx context.Context, userID uuid.UUID) error
	// SoleCoordinatorOf locks the coordinator memberships of every programme the user
	// coordinates and returns those the user coordinates alone.
	SoleCoordinatorOf(ctx context.Context, userID uuid.UUID) ([]uuid.UUID, error)
	// EraseUser replaces the person's name and e-mail everywhere they were stored or copied,
	// in the caller's transaction.
	EraseUser(ctx context.Context, e domain.Erasure) error
	// PersonalData reads everything held about the user.
	PersonalData(ctx context.Context, userID uuid.UUID) (domain.PersonalData, error)
}

// Password reset limits: e-mails per address and per client address within the window. A
// request over a limit is answered like any other, and sends nothing.
const (
	passwordResetLifetime = time.Hour
	resetWindow           = time.Hour
	maxResetsPerAccount   = 3
	maxResetsPerClient    = 20
)

// accountDigest is how a typed address is remembered for throttling: never in clear, as it
// may belong to no one here.
func accountDigest(email string) []byte {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(email))))
	return sum[:]
}

// RequestPasswordReset e-mails a single-use link, valid for an hour, to the account with this
// address, in the account's language. An unknown address, a disabled or erased account and a
// request over the limits all do the same work and return the same nil: the caller learns
// nothing about which addresses have accounts.
func (s *Service) RequestPasswordReset(ctx context.Context, email, clientKey string) error {
	accountKey := strings.ToLower(strings.TrimSpace(email))
	user, err := s.users.UserByEmail(ctx, accountKey)
	if err != nil && !domain.IsCode(err, domain.CodeNotFound) {
		return err
	}
	// The token and its e-mail are made whether or not anyone will receive them.
	token, digest, err := auth.NewOpaqueToken()
	if err != nil {
		return err
	}
	locale := user.Locale
	if !domain.ValidLocale(locale) {
		locale = domain.DefaultLocale
	}
	m := messageIn(mailPasswordReset, locale)
	link := s.publicURL + "/reset-password?token=" + url.QueryEscape(token)
	mail := domain.Mail{To: user.Email, Subject: "[Peerbridge] " + m.subject, Body: fill(m.body, map[string]string{"url": link}) + "\n"}
	userID := user.ID
	if user.Disabled || user.ErasedAt != nil {
		userID = uuid.Nil
	}
	_, err = s.accounts.RequestPasswordReset(ctx, domain.PasswordResetRequest{
		ID: uuid.New(), UserID: userID, AccountDigest: accountDigest(accountKey), ClientKey: clientKey, TokenDigest: digest,
		ExpiresAt: s.now().Add(passwordResetLifetime).UTC(), Mail: mail,
		MaxPerAccount: maxResetsPerAccount, MaxPerClient: maxResetsPerClient, Window: resetWindow,
	})
	return err
}

// ConfirmPasswordReset sets a new password with a reset token, spends the token (and every
// other one of the account) and ends every session of the account. An unknown, used or expired
// token is CodeResetTokenInvalid; a weak password is CodeValidation and spends nothing.
func (s *Service) ConfirmPasswordReset(ctx context.Context, token, password string) error {
	digest := auth.Digest(token)
	reset, err := s.usableReset(ctx, digest, false)
	if err != nil {
		return err
	}
	user, err := s.users.User(ctx, reset.UserID)
	if err != nil {
		return notFoundAs(err, invalidResetToken())
	}
	if user.Disabled || user.ErasedAt != nil {
		return invalidResetToken()
	}
	if err := checkPassword("password", password, user.Email); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return s.hashErr(err)
	}
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		// Locked and checked again: two confirmations with one token, one wins.
		if _, err := s.usableReset(ctx, digest, true); err != nil {
			return err
		}
		if err := s.users.SetPassword(ctx, user.ID, hash); err != nil {
			return err
		}
		if err := s.accounts.SpendPasswordResets(ctx, user.ID); err != nil {
			return err
		}
		if err := s.sessions.RevokeUserSessions(ctx, user.ID, uuid.Nil, "password_reset"); err != nil {
			return err
		}
		if err := s.sessions.ClearLoginFailures(ctx, strings.ToLower(user.Email)); err != nil {
			return err
		}
		return s.audit(ctx, &domain.Actor{UserID: user.ID}, nil, "user.password_reset", "user", user.ID, nil, nil)
	})
}

func (s *Service) usableReset(ctx context.Context, digest []byte, lock bool) (domain.PasswordReset, error) {
	r, err := s.accounts.PasswordResetByDigest(ctx, digest, lock)
	if err != nil {
		return r, notFoundAs(err, invalidResetToken())
	}
	if r.UsedAt != nil || !r.ExpiresAt.After(s.now()) {
		return r, invalidResetToken()
	}
	return r, nil
}

func invalidResetToken() error {
	return domain.Errorf(domain.CodeResetTokenInvalid, "This password reset link is not valid any more; ask for a new one.")
}

// invitationMail is the e-mail that brings an invitation to the invitee, in the invitation's
// language, with the programme's name in that language where it has one.
func (s *Service) invitationMail(inv domain.Invitation, programme domain.Programme, inviterName, token string) domain.Mail {
	name := programme.Name
	if t, ok := programme.Translations[inv.Locale]; ok && strings.TrimSpace(t.Name) != "" {
		name = t.Name
	}
	m := messageIn(mailInvitation, inv.Locale)
	values := map[string]string{"programme": name, "inviter": inviterName, "url": s.InviteURL(token),
		"expires": longDate(inv.ExpiresAt.UTC().Format(time.RFC3339), inv.Locale)}
	return domain.Mail{To: inv.Email, Subject: "[Peerbridge] " + fill(m.subject, values), Body: fill(m.body, values) + "\n"}
}
