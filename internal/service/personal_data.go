package service

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// PersonalExport is everything Peerbridge holds about one person (SPEC §7.7): the account,
// with its organisation, and the store's sections (memberships, authored practices, reviews,
// comments, notifications, sessions, audit entries, …). It never holds a password hash or a
// token digest.
type PersonalExport struct {
	User         domain.User
	Organisation domain.Organisation
	Sections     domain.PersonalData
}

// ExportMe reads everything held about the caller.
func (s *Service) ExportMe(ctx context.Context, a *domain.Actor) (PersonalExport, error) {
	var out PersonalExport
	err := s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		u, err := s.users.User(ctx, a.UserID)
		if err != nil {
			return err
		}
		org, err := s.organisations.Organisation(ctx, u.OrganisationID)
		if err != nil {
			return err
		}
		sections, err := s.accounts.PersonalData(ctx, a.UserID)
		if err != nil {
			return err
		}
		out = PersonalExport{User: u, Organisation: org, Sections: sections}
		return nil
	})
	return out, err
}

// EraseMe erases the caller's account after checking their password: a wrong one is a field
// error on password. See erase for what erasure does and when it is refused.
func (s *Service) EraseMe(ctx context.Context, a *domain.Actor, password string) error {
	u, err := s.users.User(ctx, a.UserID)
	if err != nil {
		return err
	}
	ok, err := s.hasher.Verify(ctx, u.PasswordHash, password)
	if err != nil {
		return s.hashErr(err)
	}
	if !ok {
		return domain.Invalid(domain.FieldError{Field: "password", Message: "is not your current password"})
	}
	return s.erase(ctx, a, u)
}

// EraseUser erases another person's account on their behalf (admins). Others are answered as
// GET /users/{id} would: NotFound for someone else's account, Forbidden for their own (they use
// POST /me/erase). An admin's own account is CodeConflict here, so that an installation is not
// left without its administrator by a slip.
func (s *Service) EraseUser(ctx context.Context, a *domain.Actor, id uuid.UUID) error {
	u, err := s.User(ctx, a, id)
	if err != nil {
		return err
	}
	if !domain.CanManageUsers(a) {
		return domain.Forbidden("Only administrators can erase accounts on someone's behalf; use “Erase my account” for your own.")
	}
	if id == a.UserID {
		return domain.Errorf(domain.CodeConflict, "Erase your own account from your account page.")
	}
	return s.erase(ctx, a, u)
}

// erase removes the person's name, e-mail and profile, ends their sessions, makes signing in
// impossible and cancels e-mails not yet sent to them. Their reviews, comments and audit entries
// stay, under the pseudonym domain.Pseudonym gives, which replaces the name everywhere it was
// copied — the audit log's "as they were" names included. A programme's last coordinator is
// refused with CodeLastCoordinator (params: programme_ids); an account already erased is left
// as it is.
func (s *Service) erase(ctx context.Context, a *domain.Actor, u domain.User) error {
	if u.ErasedAt != nil {
		return nil
	}
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		alone, err := s.accounts.SoleCoordinatorOf(ctx, u.ID)
		if err != nil {
			return err
		}
		if len(alone) > 0 {
			ids := make([]string, len(alone))
			for i, id := range alone {
				ids[i] = id.String()
			}
			return &domain.Error{Code: domain.CodeLastCoordinator, Params: map[string]any{"programme_ids": ids},
				Message: "This person is the last coordinator of a programme; appoint another coordinator first."}
		}
		if err := s.accounts.EraseUser(ctx, domain.Erasure{UserID: u.ID, Name: u.Name, Email: u.Email,
			AccountDigest: accountDigest(u.Email), Pseudonym: domain.Pseudonym(u.ID), ErasedEmail: domain.ErasedEmail(u.ID)}); err != nil {
			return err
		}
		if err := s.sessions.RevokeUserSessions(ctx, u.ID, uuid.Nil, "erased"); err != nil {
			return err
		}
		if err := s.sessions.ClearLoginFailures(ctx, strings.ToLower(u.Email)); err != nil {
			return err
		}
		// The entry names no one: the actor and the object read as the pseudonym when the
		// person erased themselves.
		return s.audit(ctx, a, nil, "user.erased", "user", u.ID, nil, map[string]any{"by_admin": a.UserID != u.ID})
	})
}
