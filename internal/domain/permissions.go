package domain

// The permission rules of SPEC §2 in one place. Each function answers for one kind of action on a
// programme-scoped object; callers turn "cannot see" into NotFound and "can see, cannot change"
// into Forbidden.

// Scope is what the caller is in one programme: an admin, or a member with roles, or neither.
type Scope struct {
	Actor      *Actor
	Membership *Membership
}

// IsAdmin reports whether the caller administers the installation.
func (s Scope) IsAdmin() bool { return s.Actor != nil && s.Actor.IsAdmin }

// IsMember reports whether the caller can see the programme at all.
func (s Scope) IsMember() bool {
	return s.IsAdmin() || (s.Membership != nil && len(s.Membership.Roles) > 0)
}

// IsCoordinator reports whether the caller may manage the programme.
func (s Scope) IsCoordinator() bool { return s.IsAdmin() || s.Membership.Has(RoleCoordinator) }

// Has reports whether the caller holds role in the programme (admins hold none implicitly except coordination).
func (s Scope) Has(role Role) bool { return s.Membership.Has(role) }

// CanSeeProgramme: members and admins.
func CanSeeProgramme(s Scope) bool { return s.IsMember() }

// CanManageProgramme: editing the programme, members, invitations, rubrics, rounds, decisions,
// dashboard, exports and audit.
func CanManageProgramme(s Scope) bool { return s.IsCoordinator() }

// CanCreateProgramme: only admins open new programmes.
func CanCreateProgramme(a *Actor) bool { return a != nil && a.IsAdmin }

// CanManageUsers: only admins create and change other accounts.
func CanManageUsers(a *Actor) bool { return a != nil && a.IsAdmin }

// CanCreateOrganisation: admins, and coordinators who need to invite people from a new partner.
func CanCreateOrganisation(a *Actor, coordinatesAny bool) bool {
	return a != nil && (a.IsAdmin || coordinatesAny)
}

// CanEditOrganisation: admins only; an organisation's identity is shared by every programme.
func CanEditOrganisation(a *Actor) bool { return a != nil && a.IsAdmin }
