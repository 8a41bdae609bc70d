package domain_test

import (
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestActivityEditRuleIsTheSameForTheListAndThePage checks who may edit an activity, asked of the
// activity as its page reads it and as a list summarises it.
func TestActivityEditRuleIsTheSameForTheListAndThePage(t *testing.T) {
	host, other := uuid.New(), uuid.New()
	of := func(org uuid.UUID, admin bool) *domain.Actor {
		return &domain.Actor{UserID: uuid.New(), OrganisationID: org, IsAdmin: admin}
	}
	cases := []struct {
		name  string
		scope domain.Scope
		edit  bool
	}{
		{"coordinator of another organisation", domain.Scope{Actor: of(other, false), Membership: roles(domain.RoleCoordinator)}, true},
		{"admin without membership", domain.Scope{Actor: of(other, true)}, true},
		{"partner of the host", domain.Scope{Actor: of(host, false), Membership: roles(domain.RolePartner)}, true},
		{"partner of another organisation", domain.Scope{Actor: of(other, false), Membership: roles(domain.RolePartner)}, false},
		{"reviewer of the host", domain.Scope{Actor: of(host, false), Membership: roles(domain.RoleReviewer)}, false},
		{"nobody", domain.Scope{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.CanEditActivity(c.scope, &domain.Activity{HostOrganisationID: host}); got != c.edit {
				t.Errorf("CanEditActivity = %v, want %v", got, c.edit)
			}
			if got := domain.CanEditActivitySummary(c.scope, &domain.ActivitySummary{HostOrganisationID: host}); got != c.edit {
				t.Errorf("CanEditActivitySummary = %v, want %v", got, c.edit)
			}
		})
	}
}
