package service

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// OrganisationStore keeps organisations.
type OrganisationStore interface {
	// CreateOrganisation stores a new organisation.
	CreateOrganisation(ctx context.Context, o domain.Organisation) (domain.Organisation, error)
	// Organisation returns CodeNotFound for an unknown id.
	Organisation(ctx context.Context, id uuid.UUID) (domain.Organisation, error)
	ListOrganisations(ctx context.Context, f domain.OrganisationFilter, p domain.PageRequest) (domain.Page[domain.Organisation], error)
	// UpdateOrganisation returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	UpdateOrganisation(ctx context.Context, o domain.Organisation, version int) (domain.Organisation, error)
	// OrganisationRefs returns the organisations with the given ids that exist.
	OrganisationRefs(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]domain.Organisation, error)
}

// UserStore keeps accounts.
type UserStore interface {
	// CreateUser returns CodeEmailTaken when the address is in use.
	CreateUser(ctx context.Context, u domain.User) (domain.User, error)
	// User returns CodeNotFound for an unknown id.
	User(ctx context.Context, id uuid.UUID) (domain.User, error)
	// UserByEmail returns CodeNotFound for an unknown address.
	UserByEmail(ctx context.Context, email string) (domain.User, error)
	ListUsers(ctx context.Context, f domain.UserFilter, p domain.PageRequest) (domain.Page[domain.User], error)
	// UpdateUser returns CodeNotFound for an unknown id and CodeVersionMismatch when version is
	// not the stored one.
	UpdateUser(ctx context.Context, u domain.User, version int) (domain.User, error)
	// UpdateProfile changes what a person says about themselves.
	UpdateProfile(ctx context.Context, id uuid.UUID, name string, languages, expertise []string, locale string) (domain.User, error)
	// SetPassword stores a new password hash.
	SetPassword(ctx context.Context, id uuid.UUID, hash string) error
}

// OrganisationInput is what a caller may set on a new organisation.
type OrganisationInput struct {
	Name, Country, Kind, City, Website string
}

// OrganisationPatch lists the fields a PATCH may change; nil leaves a field as it is.
type OrganisationPatch struct {
	Name, Country, Kind, City, Website *string
}

// CreateOrganisation registers an organisation (admins, and coordinators of any programme).
func (s *Service) CreateOrganisation(ctx context.Context, a *domain.Actor, in OrganisationInput) (domain.Organisation, error) {
	coordinates, err := s.programmes.CoordinatesAny(ctx, a.UserID)
	if err != nil {
		return domain.Organisation{}, err
	}
	if !domain.CanCreateOrganisation(a, coordinates) {
		return domain.Organisation{}, domain.Forbidden("Only administrators and coordinators can register organisations.")
	}
	o := domain.Organisation{ID: uuid.New(), Name: strings.TrimSpace(in.Name), Country: in.Country, Kind: in.Kind, City: strings.TrimSpace(in.City), Website: strings.TrimSpace(in.Website), Version: 1}
	created, err := s.organisations.CreateOrganisation(ctx, o)
	if domain.IsCode(err, domain.CodeConflict) {
		return domain.Organisation{}, domain.Errorf(domain.CodeConflict, "An organisation with this name already exists in this country.")
	}
	return created, err
}

// Organisation reads one organisation; every signed-in user may see the partner directory.
func (s *Service) Organisation(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Organisation, error) {
	return s.organisations.Organisation(ctx, id)
}

// ListOrganisations returns a page of the partner directory.
func (s *Service) ListOrganisations(ctx context.Context, a *domain.Actor, f domain.OrganisationFilter, p domain.PageRequest) (domain.Page[domain.Organisation], error) {
	return s.organisations.ListOrganisations(ctx, f, p)
}

// UpdateOrganisation changes an organisation (admins) when version is current.
func (s *Service) UpdateOrganisation(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in OrganisationPatch) (domain.Organisation, error) {
	o, err := s.organisations.Organisation(ctx, id)
	if err != nil {
		return o, err
	}
	if !domain.CanEditOrganisation(a) {
		return domain.Organisation{}, domain.Forbidden("Only administrators can change organisations.")
	}
	in.apply(&o)
	return s.organisations.UpdateOrganisation(ctx, o, version)
}

// apply changes o as the patch says.
func (in OrganisationPatch) apply(o *domain.Organisation) {
	setIf(&o.Name, in.Name, strings.TrimSpace)
	setIf(&o.Country, in.Country, nil)
	setIf(&o.Kind, in.Kind, nil)
	setIf(&o.City, in.City, strings.TrimSpace)
	setIf(&o.Website, in.Website, strings.TrimSpace)
}

// UserInput is what an admin sets on a new account.
type UserInput struct {
	Email, Name, Password string
	OrganisationID        uuid.UUID
	Languages, Expertise  []string
	// Locale is empty for the default.
	Locale  string
	IsAdmin bool
}

// UserPatch lists what an admin may change on an account.
type UserPatch struct {
	Name                 *string
	OrganisationID       *uuid.UUID
	Languages, Expertise *[]string
	Locale               *string
	IsAdmin, Disabled    *bool
}

// CreateUser creates an account (admins).
func (s *Service) CreateUser(ctx context.Context, a *domain.Actor, in UserInput) (domain.User, error) {
	if !domain.CanManageUsers(a) {
		return domain.User{}, domain.Forbidden("Only administrators can create accounts.")
	}
	return s.createUser(ctx, a, in)
}

func (s *Service) createUser(ctx context.Context, a *domain.Actor, in UserInput) (domain.User, error) {
	if err := checkPassword("password", in.Password, in.Email); err != nil {
		return domain.User{}, err
	}
	if err := s.checkExpertise(ctx, a.UserID, true, nil, in.Expertise); err != nil {
		return domain.User{}, err
	}
	if _, err := s.organisations.Organisation(ctx, in.OrganisationID); err != nil {
		if domain.IsCode(err, domain.CodeNotFound) {
			return domain.User{}, domain.Invalid(domain.FieldError{Field: "organisation_id", Message: "does not exist"})
		}
		return domain.User{}, err
	}
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return domain.User{}, s.hashErr(err)
	}
	locale := in.Locale
	if locale == "" {
		locale = domain.DefaultLocale
	}
	u := domain.User{ID: uuid.New(), Email: strings.TrimSpace(in.Email), Name: strings.TrimSpace(in.Name), OrganisationID: in.OrganisationID,
		Languages: in.Languages, Expertise: in.Expertise, Locale: locale, IsAdmin: in.IsAdmin, PasswordHash: hash, Version: 1}
	var created domain.User
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if created, err = s.users.CreateUser(ctx, u); err != nil {
			return err
		}
		if u.IsAdmin {
			return s.audit(ctx, a, nil, "user.admin_granted", "user", u.ID, nil, map[string]any{"is_admin": true})
		}
		return nil
	})
	return created, err
}

// User reads an account: admins read any, others only themselves.
func (s *Service) User(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.User, error) {
	if !a.IsAdmin && a.UserID != id {
		return domain.User{}, domain.NotFound("User")
	}
	return s.users.User(ctx, id)
}

// ListUsers returns a page of accounts (admins).
func (s *Service) ListUsers(ctx context.Context, a *domain.Actor, f domain.UserFilter, p domain.PageRequest) (domain.Page[domain.User], error) {
	if !domain.CanManageUsers(a) {
		return domain.Page[domain.User]{}, domain.Forbidden("Only administrators can list accounts.")
	}
	return s.users.ListUsers(ctx, f, p)
}

// UpdateUser changes an account (admins). Disabling ends its sessions; an admin cannot disable
// or demote themselves, so an installation is never left without a way in.
func (s *Service) UpdateUser(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in UserPatch) (domain.User, error) {
	u, err := s.User(ctx, a, id)
	if err != nil {
		return u, err
	}
	if !domain.CanManageUsers(a) {
		return domain.User{}, domain.Forbidden("Only administrators can change accounts.")
	}
	if u.ErasedAt != nil {
		return domain.User{}, domain.Errorf(domain.CodeConflict, "This account was erased; it cannot be changed.")
	}
	before := u
	if in.OrganisationID != nil && *in.OrganisationID != u.OrganisationID {
		if _, err := s.organisations.Organisation(ctx, *in.OrganisationID); err != nil {
			if domain.IsCode(err, domain.CodeNotFound) {
				return domain.User{}, domain.Invalid(domain.FieldError{Field: "organisation_id", Message: "does not exist"})
			}
			return domain.User{}, err
		}
	}
	if in.Expertise != nil {
		if err := s.checkExpertise(ctx, a.UserID, true, u.Expertise, *in.Expertise); err != nil {
			return domain.User{}, err
		}
	}
	in.apply(&u)
	if id == a.UserID && (u.Disabled || !u.IsAdmin) {
		return domain.User{}, domain.Errorf(domain.CodeConflict, "You cannot disable your own account or remove your own administrator rights.")
	}
	var updated domain.User
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if updated, err = s.users.UpdateUser(ctx, u, version); err != nil {
			return err
		}
		if before.IsAdmin != u.IsAdmin {
			if err := s.audit(ctx, a, nil, "user.admin_changed", "user", id, map[string]any{"is_admin": before.IsAdmin}, map[string]any{"is_admin": u.IsAdmin}); err != nil {
				return err
			}
		}
		if before.Disabled != u.Disabled {
			if err := s.audit(ctx, a, nil, "user.disabled_changed", "user", id, map[string]any{"disabled": before.Disabled}, map[string]any{"disabled": u.Disabled}); err != nil {
				return err
			}
		}
		if u.Disabled && !before.Disabled {
			return s.sessions.RevokeUserSessions(ctx, id, uuid.Nil, "disabled")
		}
		return nil
	})
	return updated, err
}

// apply changes u as the patch says; the organisation must have been checked to exist.
func (in UserPatch) apply(u *domain.User) {
	setIf(&u.Name, in.Name, strings.TrimSpace)
	setIf(&u.OrganisationID, in.OrganisationID, nil)
	setIf(&u.Languages, in.Languages, nil)
	setIf(&u.Expertise, in.Expertise, nil)
	setIf(&u.Locale, in.Locale, nil)
	setIf(&u.IsAdmin, in.IsAdmin, nil)
	setIf(&u.Disabled, in.Disabled, nil)
}

// MePatch is what users may change about themselves; nothing else is read from the request.
type MePatch struct {
	Name                 *string
	Languages, Expertise *[]string
	// Locale is one of domain.Locales, checked at the edge.
	Locale *string
}

// Me reads the caller's account.
func (s *Service) Me(ctx context.Context, a *domain.Actor) (domain.User, error) {
	return s.users.User(ctx, a.UserID)
}

// UpdateMe changes the caller's name, languages, expertise and locale.
func (s *Service) UpdateMe(ctx context.Context, a *domain.Actor, in MePatch) (domain.User, error) {
	u, err := s.users.User(ctx, a.UserID)
	if err != nil {
		return u, err
	}
	if in.Expertise != nil {
		if err := s.checkExpertise(ctx, a.UserID, a.IsAdmin, u.Expertise, *in.Expertise); err != nil {
			return domain.User{}, err
		}
	}
	in.apply(&u)
	return s.users.UpdateProfile(ctx, a.UserID, u.Name, u.Languages, u.Expertise, u.Locale)
}

// apply changes u as the patch says.
func (in MePatch) apply(u *domain.User) {
	setIf(&u.Name, in.Name, strings.TrimSpace)
	setIf(&u.Languages, in.Languages, nil)
	setIf(&u.Expertise, in.Expertise, nil)
	setIf(&u.Locale, in.Locale, nil)
}

// checkExpertise refuses expertise that is not a theme key of a programme in scope: the
// programmes of the person choosing (userID), or every programme when all is set (an
// administrator editing an account). Keys the account already holds are kept even if their
// programme has since dropped the theme, so that an unrelated edit never fails on them.
func (s *Service) checkExpertise(ctx context.Context, userID uuid.UUID, all bool, held, keys []string) error {
	var fresh []int
	for i, k := range keys {
		if !slices.Contains(held, k) {
			fresh = append(fresh, i)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	themes := map[string]bool{}
	for page := 1; ; page++ {
		ps, err := s.programmes.ListProgrammes(ctx, userID, all, domain.PageRequest{Page: page, Size: 100})
		if err != nil {
			return err
		}
		for _, p := range ps.Items {
			for _, t := range p.Themes {
				themes[t.Key] = true
			}
		}
		if len(ps.Items) < 100 {
			break
		}
	}
	var errs []domain.FieldError
	for _, i := range fresh {
		if !themes[keys[i]] {
			errs = append(errs, domain.FieldError{Field: fmt.Sprintf("expertise[%d]", i), Code: domain.FieldUnknownTheme,
				Message: "is not a theme of your programmes", Params: map[string]any{"value": keys[i]}})
		}
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

// OrganisationRefs reads several organisations in one query, for embedding in responses.
func (s *Service) OrganisationRefs(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]domain.Organisation, error) {
	return s.organisations.OrganisationRefs(ctx, ids)
}

// setIf copies *src into *dst when src is set, through clean when given.
func setIf[T any](dst *T, src *T, clean func(T) T) {
	if src == nil {
		return
	}
	v := *src
	if clean != nil {
		v = clean(v)
	}
	*dst = v
}
