package domain

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// Role is held per programme through a membership.
type Role string

const (
	RoleCoordinator Role = "coordinator"
	RolePartner     Role = "partner"
	RoleReviewer    Role = "reviewer"
)

// Roles is the closed list of programme roles.
var Roles = []Role{RoleCoordinator, RolePartner, RoleReviewer}

// ValidRole reports whether r is a programme role.
func ValidRole(r string) bool { return slices.Contains(Roles, Role(r)) }

// Keyed is a theme or target group of a programme: Title in the programme's original wording,
// Titles the same title in other languages (BCP 47 tag → title).
type Keyed struct {
	Key    string
	Title  string
	Titles map[string]string
}

// Vocabulary is a set of themes and target groups, such as those of the public catalogue.
type Vocabulary struct {
	Themes       []Keyed
	TargetGroups []Keyed
}

// HasTheme reports whether key is one of the vocabulary's themes.
func (v Vocabulary) HasTheme(key string) bool {
	return slices.ContainsFunc(v.Themes, func(k Keyed) bool { return k.Key == key })
}

// HasTargetGroup reports whether key is one of the vocabulary's target groups.
func (v Vocabulary) HasTargetGroup(key string) bool {
	return slices.ContainsFunc(v.TargetGroups, func(k Keyed) bool { return k.Key == key })
}

// Programme is a mutual-learning project or learning network.
type Programme struct {
	ID           uuid.UUID
	Name         string
	Description  string
	Objective    string
	Themes       []Keyed
	TargetGroups []Keyed
	// Translations are the name, description and objective in other languages (BCP 47 tag →
	// text); an empty member means "not translated".
	Translations    map[string]ProgrammeText
	Languages       []string
	PublicCatalogue bool
	StartsOn        *time.Time
	EndsOn          *time.Time
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	// MyRoles are the caller's roles in this programme, filled when read for a caller.
	MyRoles []Role
}

// HasTheme reports whether key is one of the programme's themes.
func (p *Programme) HasTheme(key string) bool {
	return slices.ContainsFunc(p.Themes, func(k Keyed) bool { return k.Key == key })
}

// HasTargetGroup reports whether key is one of the programme's target groups.
func (p *Programme) HasTargetGroup(key string) bool {
	return slices.ContainsFunc(p.TargetGroups, func(k Keyed) bool { return k.Key == key })
}

// Membership gives a user roles in a programme.
type Membership struct {
	ProgrammeID uuid.UUID
	UserID      uuid.UUID
	Roles       []Role
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Has reports whether the membership holds role.
func (m *Membership) Has(role Role) bool { return m != nil && slices.Contains(m.Roles, role) }

// Member is a membership with the person and organisation it is about, for member lists.
type Member struct {
	Membership
	Name                string
	Email               string
	OrganisationID      uuid.UUID
	OrganisationName    string
	OrganisationCountry string
}

// Invitation asks someone to join a programme with roles; the token is only ever shown once.
type Invitation struct {
	ID             uuid.UUID
	Email          string
	Name           string
	OrganisationID uuid.UUID
	ProgrammeID    uuid.UUID
	Roles          []Role
	// Locale is the language the invitation is written in and the new account takes.
	Locale     string
	InvitedBy  uuid.UUID
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
	// Token is set only on creation.
	Token string
	// Filled for display on the accept page.
	ProgrammeName    string
	OrganisationName string
}

// Invitation statuses, derived from when it was accepted and when it expires.
const (
	InvitationPending  = "pending"
	InvitationAccepted = "accepted"
	InvitationExpired  = "expired"
)

// Status says where the invitation stands at now.
func (inv *Invitation) Status(now time.Time) string {
	switch {
	case inv.AcceptedAt != nil:
		return InvitationAccepted
	case !inv.ExpiresAt.After(now):
		return InvitationExpired
	}
	return InvitationPending
}
