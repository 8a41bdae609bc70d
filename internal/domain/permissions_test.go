package domain_test

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func roles(rs ...domain.Role) *domain.Membership { return &domain.Membership{Roles: rs} }

func TestProgrammeScope(t *testing.T) {
	user := &domain.Actor{UserID: uuid.New()}
	admin := &domain.Actor{UserID: uuid.New(), IsAdmin: true}
	cases := []struct {
		name               string
		scope              domain.Scope
		see, manage, admin bool
	}{
		{"anonymous", domain.Scope{}, false, false, false},
		{"signed in, no membership", domain.Scope{Actor: user}, false, false, false},
		{"membership without roles", domain.Scope{Actor: user, Membership: roles()}, false, false, false},
		{"partner", domain.Scope{Actor: user, Membership: roles(domain.RolePartner)}, true, false, false},
		{"reviewer", domain.Scope{Actor: user, Membership: roles(domain.RoleReviewer)}, true, false, false},
		{"coordinator", domain.Scope{Actor: user, Membership: roles(domain.RoleCoordinator)}, true, true, false},
		{"partner and coordinator", domain.Scope{Actor: user, Membership: roles(domain.RolePartner, domain.RoleCoordinator)}, true, true, false},
		{"admin without membership", domain.Scope{Actor: admin}, true, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.CanSeeProgramme(c.scope); got != c.see {
				t.Errorf("CanSeeProgramme = %v, want %v", got, c.see)
			}
			if got := domain.CanManageProgramme(c.scope); got != c.manage {
				t.Errorf("CanManageProgramme = %v, want %v", got, c.manage)
			}
			if got := c.scope.IsAdmin(); got != c.admin {
				t.Errorf("IsAdmin = %v, want %v", got, c.admin)
			}
		})
	}
	// Admins coordinate every programme, but hold no other role implicitly.
	if (domain.Scope{Actor: admin}).Has(domain.RolePartner) {
		t.Error("an admin is not a partner of a programme without a membership")
	}
}

func TestInstallationPermissions(t *testing.T) {
	user := &domain.Actor{UserID: uuid.New()}
	admin := &domain.Actor{UserID: uuid.New(), IsAdmin: true}
	cases := []struct {
		name                                             string
		actor                                            *domain.Actor
		coordinatesAny                                   bool
		createProgramme, manageUsers, createOrg, editOrg bool
	}{
		{"nobody", nil, false, false, false, false, false},
		{"nobody who claims to coordinate", nil, true, false, false, false, false},
		{"user", user, false, false, false, false, false},
		{"coordinator somewhere", user, true, false, false, true, false},
		{"admin", admin, false, true, true, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.CanCreateProgramme(c.actor); got != c.createProgramme {
				t.Errorf("CanCreateProgramme = %v, want %v", got, c.createProgramme)
			}
			if got := domain.CanManageUsers(c.actor); got != c.manageUsers {
				t.Errorf("CanManageUsers = %v, want %v", got, c.manageUsers)
			}
			if got := domain.CanCreateOrganisation(c.actor, c.coordinatesAny); got != c.createOrg {
				t.Errorf("CanCreateOrganisation = %v, want %v", got, c.createOrg)
			}
			if got := domain.CanEditOrganisation(c.actor); got != c.editOrg {
				t.Errorf("CanEditOrganisation = %v, want %v", got, c.editOrg)
			}
		})
	}
}

func TestCommentPermissions(t *testing.T) {
	author := &domain.Actor{UserID: uuid.New()}
	someone := &domain.Actor{UserID: uuid.New()}
	removed := time.Now()
	standing := &domain.Comment{AuthorID: author.UserID}
	gone := &domain.Comment{AuthorID: author.UserID, DeletedAt: &removed}
	cases := []struct {
		name         string
		scope        domain.Scope
		comment      *domain.Comment
		edit, delete bool
	}{
		{"author", domain.Scope{Actor: author, Membership: roles(domain.RolePartner)}, standing, true, true},
		{"author, removed comment", domain.Scope{Actor: author, Membership: roles(domain.RolePartner)}, gone, false, false},
		{"another member", domain.Scope{Actor: someone, Membership: roles(domain.RolePartner)}, standing, false, false},
		{"coordinator", domain.Scope{Actor: someone, Membership: roles(domain.RoleCoordinator)}, standing, false, true},
		{"coordinator, removed comment", domain.Scope{Actor: someone, Membership: roles(domain.RoleCoordinator)}, gone, false, false},
		{"nobody", domain.Scope{}, standing, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.CanEditComment(c.scope.Actor, c.comment); got != c.edit {
				t.Errorf("CanEditComment = %v, want %v", got, c.edit)
			}
			if got := domain.CanDeleteComment(c.scope, c.comment); got != c.delete {
				t.Errorf("CanDeleteComment = %v, want %v", got, c.delete)
			}
		})
	}
}

func TestCanEditAdaptation(t *testing.T) {
	adopting, other := uuid.New(), uuid.New()
	a := &domain.Adaptation{AdoptingOrganisationID: adopting}
	cases := []struct {
		name  string
		scope domain.Scope
		want  bool
	}{
		{"adopting partner", domain.Scope{Actor: &domain.Actor{OrganisationID: adopting}, Membership: roles(domain.RolePartner)}, true},
		{"adopting reviewer", domain.Scope{Actor: &domain.Actor{OrganisationID: adopting}, Membership: roles(domain.RoleReviewer)}, false},
		{"other partner", domain.Scope{Actor: &domain.Actor{OrganisationID: other}, Membership: roles(domain.RolePartner)}, false},
		{"coordinator", domain.Scope{Actor: &domain.Actor{OrganisationID: other}, Membership: roles(domain.RoleCoordinator)}, false},
		{"admin", domain.Scope{Actor: &domain.Actor{OrganisationID: other, IsAdmin: true}}, true},
		{"nobody", domain.Scope{}, false},
	}
	for _, c := range cases {
		if got := domain.CanEditAdaptation(c.scope, a); got != c.want {
			t.Errorf("%s: CanEditAdaptation = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCanSeeReview(t *testing.T) {
	practiceOrg, other := uuid.New(), uuid.New()
	reviewer := &domain.Actor{UserID: uuid.New(), OrganisationID: other}
	submitted := &domain.Review{ReviewerID: reviewer.UserID, Status: "submitted"}
	draft := &domain.Review{ReviewerID: reviewer.UserID, Status: "draft"}
	peer := &domain.Actor{UserID: uuid.New(), OrganisationID: other}
	owner := &domain.Actor{UserID: uuid.New(), OrganisationID: practiceOrg}
	coordinator := &domain.Actor{UserID: uuid.New(), OrganisationID: other}
	cases := []struct {
		name                  string
		scope                 domain.Scope
		review                *domain.Review
		ownSubmitted, decided bool
		want                  bool
	}{
		{"own submitted review", domain.Scope{Actor: reviewer, Membership: roles(domain.RoleReviewer)}, submitted, false, false, true},
		{"own draft, listed with others", domain.Scope{Actor: reviewer, Membership: roles(domain.RoleReviewer)}, draft, false, false, false},
		{"coordinator", domain.Scope{Actor: coordinator, Membership: roles(domain.RoleCoordinator)}, submitted, false, false, true},
		{"coordinator, draft", domain.Scope{Actor: coordinator, Membership: roles(domain.RoleCoordinator)}, draft, false, false, false},
		{"peer before submitting their own", domain.Scope{Actor: peer, Membership: roles(domain.RoleReviewer)}, submitted, false, false, false},
		{"peer after submitting their own", domain.Scope{Actor: peer, Membership: roles(domain.RoleReviewer)}, submitted, true, false, true},
		{"practice's organisation before the decision", domain.Scope{Actor: owner, Membership: roles(domain.RolePartner)}, submitted, false, false, false},
		{"practice's organisation after the decision", domain.Scope{Actor: owner, Membership: roles(domain.RolePartner)}, submitted, false, true, true},
		{"other partner after the decision", domain.Scope{Actor: peer, Membership: roles(domain.RolePartner)}, submitted, false, true, false},
		{"nobody", domain.Scope{}, submitted, false, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.CanSeeReview(c.scope, c.review, practiceOrg, c.ownSubmitted, c.decided); got != c.want {
				t.Errorf("CanSeeReview = %v, want %v", got, c.want)
			}
		})
	}
}
