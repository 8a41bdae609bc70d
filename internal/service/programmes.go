package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// ProgrammeStore keeps programmes and their memberships.
type ProgrammeStore interface {
	CreateProgramme(ctx context.Context, p domain.Programme) (domain.Programme, error)
	// Programme returns CodeNotFound for an unknown id.
	Programme(ctx context.Context, id, userID uuid.UUID) (domain.Programme, error)
	// ListProgrammes lists userID's programmes, or every programme when all is set.
	ListProgrammes(ctx context.Context, userID uuid.UUID, all bool, p domain.PageRequest) (domain.Page[domain.Programme], error)
	// UpdateProgramme returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	UpdateProgramme(ctx context.Context, p domain.Programme, version int) (domain.Programme, error)
	// Membership returns nil, and no error, when the user is not a member.
	Membership(ctx context.Context, programmeID, userID uuid.UUID) (*domain.Membership, error)
	// CoordinatesAny reports whether the user coordinates at least one programme.
	CoordinatesAny(ctx context.Context, userID uuid.UUID) (bool, error)
	// PutMembership sets the user's roles and returns the roles held before.
	PutMembership(ctx context.Context, programmeID, userID uuid.UUID, roles []domain.Role) ([]domain.Role, error)
	// DeleteMembership returns the roles held before, or CodeNotFound for a non-member.
	DeleteMembership(ctx context.Context, programmeID, userID uuid.UUID) ([]domain.Role, error)
	// LockCoordinators locks the programme's coordinator memberships for the transaction in
	// ctx and returns their user ids.
	LockCoordinators(ctx context.Context, programmeID uuid.UUID) ([]uuid.UUID, error)
	ListMembers(ctx context.Context, programmeID uuid.UUID, f domain.MemberFilter, p domain.PageRequest) (domain.Page[domain.Member], error)
	// Member returns CodeNotFound for a non-member.
	Member(ctx context.Context, programmeID, userID uuid.UUID) (domain.Member, error)
}

// InvitationStore keeps invitations to a programme; only a token's digest is stored.
type InvitationStore interface {
	CreateInvitation(ctx context.Context, inv domain.Invitation, digest []byte) (domain.Invitation, error)
	// InvitationByDigest returns CodeNotFound for an unknown token; lock holds the row for the
	// transaction in ctx.
	InvitationByDigest(ctx context.Context, digest []byte, lock bool) (domain.Invitation, error)
	// MarkInvitationAccepted returns CodeInvitationUsed when the invitation was used already.
	MarkInvitationAccepted(ctx context.Context, id, userID uuid.UUID) error
	ListInvitations(ctx context.Context, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.Invitation], error)
}

// ProgrammeInput is what an admin sets on a new programme.
type ProgrammeInput struct {
	Name, Description, Objective string
	Translations                 map[string]domain.ProgrammeText
	Themes, TargetGroups         []domain.Keyed
	Languages                    []string
	PublicCatalogue              bool
	StartsOn, EndsOn             *time.Time
}

// ProgrammePatch lists what a coordinator may change.
type ProgrammePatch struct {
	Name, Description, Objective *string
	// Translations replaces every translation of the name, description and objective.
	Translations         *map[string]domain.ProgrammeText
	Themes, TargetGroups *[]domain.Keyed
	Languages            *[]string
	PublicCatalogue      *bool
	// StartsOn and EndsOn: outer nil leaves the date, inner nil clears it.
	StartsOn, EndsOn **time.Time
}

// apply changes p as the patch says.
func (in ProgrammePatch) apply(p *domain.Programme) {
	setIf(&p.Name, in.Name, strings.TrimSpace)
	setIf(&p.Description, in.Description, nil)
	setIf(&p.Objective, in.Objective, nil)
	setIf(&p.Translations, in.Translations, nil)
	setIf(&p.Themes, in.Themes, nil)
	setIf(&p.TargetGroups, in.TargetGroups, nil)
	setIf(&p.Languages, in.Languages, nil)
	setIf(&p.PublicCatalogue, in.PublicCatalogue, nil)
	setIf(&p.StartsOn, in.StartsOn, nil)
	setIf(&p.EndsOn, in.EndsOn, nil)
}

// CreateProgramme opens a programme (admins).
func (s *Service) CreateProgramme(ctx context.Context, a *domain.Actor, in ProgrammeInput) (domain.Programme, error) {
	if !domain.CanCreateProgramme(a) {
		return domain.Programme{}, domain.Forbidden("Only administrators can open programmes.")
	}
	p := domain.Programme{ID: uuid.New(), Name: strings.TrimSpace(in.Name), Description: in.Description, Objective: in.Objective, Translations: in.Translations,
		Themes: in.Themes, TargetGroups: in.TargetGroups, Languages: in.Languages, PublicCatalogue: in.PublicCatalogue,
		StartsOn: in.StartsOn, EndsOn: in.EndsOn, Version: 1}
	domain.TidyProgrammeTranslations(&p)
	if err := checkProgramme(p); err != nil {
		return domain.Programme{}, err
	}
	var created domain.Programme
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if created, err = s.programmes.CreateProgramme(ctx, p); err != nil {
			return err
		}
		if err := s.EnsureDefaultRubric(ctx, created.ID); err != nil {
			return err
		}
		return s.audit(ctx, a, &created.ID, "programme.created", "programme", created.ID, nil, map[string]any{"name": created.Name})
	})
	created.MyRoles = []domain.Role{}
	return created, err
}

// checkProgramme enforces the rules no JSON schema can: unique keys, ordered dates.
func checkProgramme(p domain.Programme) error {
	var errs []domain.FieldError
	for _, list := range []struct {
		field string
		items []domain.Keyed
	}{{"themes", p.Themes}, {"target_groups", p.TargetGroups}} {
		seen := map[string]bool{}
		for _, k := range list.items {
			if seen[k.Key] {
				errs = append(errs, domain.FieldError{Field: list.field, Message: "key " + k.Key + " appears twice"})
			}
			seen[k.Key] = true
		}
	}
	if p.StartsOn != nil && p.EndsOn != nil && p.EndsOn.Before(*p.StartsOn) {
		errs = append(errs, domain.FieldError{Field: "ends_on", Message: "must not be before starts_on"})
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

// Programme reads a programme the caller is a member of.
func (s *Service) Programme(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Programme, error) {
	if _, err := s.scope(ctx, a, id); err != nil {
		return domain.Programme{}, err
	}
	return s.programmes.Programme(ctx, id, a.UserID)
}

// ListProgrammes returns the caller's programmes (all of them for admins).
func (s *Service) ListProgrammes(ctx context.Context, a *domain.Actor, p domain.PageRequest) (domain.Page[domain.Programme], error) {
	return s.programmes.ListProgrammes(ctx, a.UserID, a.IsAdmin, p)
}

// UpdateProgramme changes a programme (coordinators) when version is current.
func (s *Service) UpdateProgramme(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in ProgrammePatch) (domain.Programme, error) {
	sc, err := s.scope(ctx, a, id)
	if err != nil {
		return domain.Programme{}, err
	}
	if !domain.CanManageProgramme(sc) {
		return domain.Programme{}, domain.Forbidden("Only the programme's coordinators can change it.")
	}
	p, err := s.programmes.Programme(ctx, id, a.UserID)
	if err != nil {
		return p, err
	}
	in.apply(&p)
	domain.TidyProgrammeTranslations(&p)
	if err := checkProgramme(p); err != nil {
		return domain.Programme{}, err
	}
	roles := p.MyRoles
	updated, err := s.programmes.UpdateProgramme(ctx, p, version)
	updated.MyRoles = roles
	return updated, err
}

// ListMembers returns a page of the programme's members. E-mail addresses are for coordinators:
// showEmails says whether the caller may see them.
func (s *Service) ListMembers(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, role domain.Role, p domain.PageRequest) (page domain.Page[domain.Member], showEmails bool, err error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return page, false, err
	}
	page, err = s.programmes.ListMembers(ctx, programmeID, domain.MemberFilter{Role: role}, p)
	return page, domain.CanManageProgramme(sc), err
}

// PutMember gives a user roles in the programme (coordinators). The change is audited; a
// programme never loses its last coordinator this way.
func (s *Service) PutMember(ctx context.Context, a *domain.Actor, programmeID, userID uuid.UUID, roles []domain.Role) (domain.Member, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return domain.Member{}, err
	}
	if !domain.CanManageProgramme(sc) {
		return domain.Member{}, domain.Forbidden("Only the programme's coordinators can change members.")
	}
	if _, err := s.users.User(ctx, userID); err != nil {
		return domain.Member{}, notFoundAs(err, domain.NotFound("User"))
	}
	roles = uniqueRoles(roles)
	var out domain.Member
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if !slices.Contains(roles, domain.RoleCoordinator) {
			if err := s.keepACoordinator(ctx, programmeID, userID); err != nil {
				return err
			}
		}
		before, err := s.programmes.PutMembership(ctx, programmeID, userID, roles)
		if err != nil {
			return err
		}
		if !sameRoles(before, roles) {
			if err := s.audit(ctx, a, &programmeID, "membership.roles_changed", "user", userID, map[string]any{"roles": lists.NonNil(before)}, map[string]any{"roles": roles}); err != nil {
				return err
			}
		}
		out, err = s.programmes.Member(ctx, programmeID, userID)
		return err
	})
	if err != nil {
		return domain.Member{}, err
	}
	return out, nil
}

// RemoveMember ends a membership (coordinators); access ends on the member's next request.
func (s *Service) RemoveMember(ctx context.Context, a *domain.Actor, programmeID, userID uuid.UUID) error {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return err
	}
	if !domain.CanManageProgramme(sc) {
		return domain.Forbidden("Only the programme's coordinators can remove members.")
	}
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.keepACoordinator(ctx, programmeID, userID); err != nil {
			return err
		}
		before, err := s.programmes.DeleteMembership(ctx, programmeID, userID)
		if err != nil {
			return err
		}
		return s.audit(ctx, a, &programmeID, "membership.removed", "user", userID, map[string]any{"roles": before}, map[string]any{"roles": []domain.Role{}})
	})
}

// keepACoordinator refuses a change that would leave the programme without coordinators when
// userID is currently its only one.
func (s *Service) keepACoordinator(ctx context.Context, programmeID, userID uuid.UUID) error {
	ids, err := s.programmes.LockCoordinators(ctx, programmeID)
	if err != nil {
		return err
	}
	if len(ids) == 1 && ids[0] == userID {
		return domain.Errorf(domain.CodeLastCoordinator, "A programme needs at least one coordinator; appoint another one first.")
	}
	return nil
}

// InvitationInput is what a coordinator sets on an invitation.
type InvitationInput struct {
	Email, Name    string
	OrganisationID uuid.UUID
	ProgrammeID    uuid.UUID
	Roles          []domain.Role
	// Locale is the invitee's language; empty takes the inviter's.
	Locale string
}

// CreateInvitation invites someone into a programme (its coordinators). The returned invitation
// carries the token, which is never stored or shown again.
func (s *Service) CreateInvitation(ctx context.Context, a *domain.Actor, in InvitationInput) (domain.Invitation, error) {
	sc, err := s.scope(ctx, a, in.ProgrammeID)
	if err != nil {
		return domain.Invitation{}, err
	}
	if !domain.CanManageProgramme(sc) {
		return domain.Invitation{}, domain.Forbidden("Only the programme's coordinators can invite members.")
	}
	if _, err := s.organisations.Organisation(ctx, in.OrganisationID); err != nil {
		if domain.IsCode(err, domain.CodeNotFound) {
			return domain.Invitation{}, domain.Invalid(domain.FieldError{Field: "organisation_id", Message: "does not exist"})
		}
		return domain.Invitation{}, err
	}
	token, digest, err := auth.NewOpaqueToken()
	if err != nil {
		return domain.Invitation{}, err
	}
	locale := in.Locale
	if locale == "" {
		inviter, err := s.users.User(ctx, a.UserID)
		if err != nil {
			return domain.Invitation{}, err
		}
		locale = inviter.Locale
	}
	inv := domain.Invitation{ID: uuid.New(), Email: strings.TrimSpace(in.Email), Name: strings.TrimSpace(in.Name), OrganisationID: in.OrganisationID,
		ProgrammeID: in.ProgrammeID, Roles: uniqueRoles(in.Roles), Locale: locale, InvitedBy: a.UserID, ExpiresAt: s.now().Add(invitationLifetime).UTC()}
	programme, err := s.programmes.Programme(ctx, in.ProgrammeID, a.UserID)
	if err != nil {
		return domain.Invitation{}, err
	}
	var created domain.Invitation
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if created, err = s.invitations.CreateInvitation(ctx, inv, digest); err != nil {
			return err
		}
		// The invitee hears of it by e-mail, in their language; the link stays copyable too.
		if err := s.accounts.QueueMail(ctx, s.invitationMail(inv, programme, a.Name, token)); err != nil {
			return err
		}
		return s.audit(ctx, a, &in.ProgrammeID, "invitation.created", "invitation", inv.ID, nil, map[string]any{"email": inv.Email, "roles": inv.Roles, "locale": inv.Locale})
	})
	created.Token = token
	return created, err
}

// InviteURL is the link an invitee opens.
func (s *Service) InviteURL(token string) string { return s.publicURL + "/invitations/" + token }

// ListInvitations returns the programme's invitations (coordinators).
func (s *Service) ListInvitations(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.Invitation], error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return domain.Page[domain.Invitation]{}, err
	}
	if !domain.CanManageProgramme(sc) {
		return domain.Page[domain.Invitation]{}, domain.Forbidden("Only the programme's coordinators can see invitations.")
	}
	return s.invitations.ListInvitations(ctx, programmeID, status, p)
}

// InvitationPreview is what the accept page shows.
type InvitationPreview struct {
	domain.Invitation
	ExistingAccount bool
}

// PreviewInvitation reads a usable invitation by its token.
func (s *Service) PreviewInvitation(ctx context.Context, token string) (InvitationPreview, error) {
	inv, err := s.usableInvitation(ctx, token, false)
	if err != nil {
		return InvitationPreview{}, err
	}
	_, err = s.users.UserByEmail(ctx, inv.Email)
	if err != nil && !domain.IsCode(err, domain.CodeNotFound) {
		return InvitationPreview{}, err
	}
	return InvitationPreview{Invitation: inv, ExistingAccount: err == nil}, nil
}

func (s *Service) usableInvitation(ctx context.Context, token string, lock bool) (domain.Invitation, error) {
	inv, err := s.invitations.InvitationByDigest(ctx, auth.Digest(token), lock)
	if err != nil {
		return inv, err
	}
	if inv.AcceptedAt != nil {
		return inv, domain.Errorf(domain.CodeInvitationUsed, "This invitation has already been used.")
	}
	if !inv.ExpiresAt.After(s.now()) {
		return inv, domain.Errorf(domain.CodeInvitationUsed, "This invitation has expired; ask the coordinator for a new one.")
	}
	return inv, nil
}

// AcceptInvitation creates the invitee's account (or, for an existing account, checks its
// password), adds the membership and signs the person in — all or nothing.
func (s *Service) AcceptInvitation(ctx context.Context, token, name, password, clientKey string) (Tokens, error) {
	inv, err := s.usableInvitation(ctx, token, false)
	if err != nil {
		return Tokens{}, err
	}
	existing, err := s.users.UserByEmail(ctx, inv.Email)
	exists := err == nil
	if err != nil && !domain.IsCode(err, domain.CodeNotFound) {
		return Tokens{}, err
	}
	var hash string
	if exists {
		accountKey := strings.ToLower(existing.Email)
		if err := s.checkThrottle(ctx, accountKey, clientKey); err != nil {
			return Tokens{}, err
		}
		ok, err := s.hasher.Verify(ctx, existing.PasswordHash, password)
		if err != nil {
			return Tokens{}, s.hashErr(err)
		}
		if !ok || existing.Disabled {
			if err := s.sessions.RecordLoginFailure(ctx, accountKey, clientKey); err != nil {
				return Tokens{}, err
			}
			return Tokens{}, domain.Errorf(domain.CodeInvalidCredentials, "The password is not the one of the existing account.")
		}
	} else {
		if strings.TrimSpace(name) == "" {
			name = inv.Name
		}
		if strings.TrimSpace(name) == "" {
			return Tokens{}, domain.Invalid(domain.FieldError{Field: "name", Message: "is required"})
		}
		if err := checkPassword("password", password, inv.Email); err != nil {
			return Tokens{}, err
		}
		if hash, err = s.hasher.Hash(ctx, password); err != nil {
			return Tokens{}, s.hashErr(err)
		}
	}
	user := existing
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		inv, err := s.usableInvitation(ctx, token, true)
		if err != nil {
			return err
		}
		if !exists {
			user = domain.User{ID: uuid.New(), Email: inv.Email, Name: strings.TrimSpace(name), OrganisationID: inv.OrganisationID,
				PasswordHash: hash, Languages: []string{}, Expertise: []string{}, Locale: inv.Locale, Version: 1}
			if user, err = s.users.CreateUser(ctx, user); err != nil {
				return err
			}
		}
		current, err := s.programmes.Membership(ctx, inv.ProgrammeID, user.ID)
		if err != nil {
			return err
		}
		roles := inv.Roles
		var before []domain.Role
		if current != nil {
			before = current.Roles
			roles = uniqueRoles(append(slices.Clone(current.Roles), inv.Roles...))
		}
		if _, err := s.programmes.PutMembership(ctx, inv.ProgrammeID, user.ID, roles); err != nil {
			return err
		}
		if err := s.invitations.MarkInvitationAccepted(ctx, inv.ID, user.ID); err != nil {
			return err
		}
		actor := &domain.Actor{UserID: user.ID}
		return s.audit(ctx, actor, &inv.ProgrammeID, "membership.roles_changed", "user", user.ID,
			map[string]any{"roles": lists.NonNil(before)}, map[string]any{"roles": roles, "invitation_id": inv.ID})
	})
	if err != nil {
		return Tokens{}, err
	}
	return s.openSession(ctx, user)
}

func uniqueRoles(roles []domain.Role) []domain.Role {
	out := make([]domain.Role, 0, len(roles))
	for _, r := range domain.Roles {
		if slices.Contains(roles, r) {
			out = append(out, r)
		}
	}
	return out
}

func sameRoles(a, b []domain.Role) bool {
	return slices.Equal(uniqueRoles(a), uniqueRoles(b))
}
