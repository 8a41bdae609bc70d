package domain_test

import (
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func TestPracticeTransition(t *testing.T) {
	allowed := []struct {
		from   domain.PracticeStatus
		action domain.PracticeAction
		to     domain.PracticeStatus
	}{
		{domain.StatusDraft, domain.ActionSubmit, domain.StatusSubmitted},
		{domain.StatusSubmitted, domain.ActionWithdraw, domain.StatusWithdrawn},
		{domain.StatusSubmitted, domain.ActionReview, domain.StatusInReview},
		{domain.StatusWithdrawn, domain.ActionReopen, domain.StatusDraft},
		{domain.StatusInReview, domain.ActionPublish, domain.StatusPublished},
		{domain.StatusInReview, domain.ActionRevise, domain.StatusRevisionRequested},
		{domain.StatusInReview, domain.ActionReject, domain.StatusNotRetained},
		{domain.StatusRevisionRequested, domain.ActionSubmit, domain.StatusSubmitted},
		{domain.StatusPublished, domain.ActionArchive, domain.StatusArchived},
		{domain.StatusNotRetained, domain.ActionArchive, domain.StatusArchived},
	}
	for _, c := range allowed {
		t.Run(string(c.from)+"/"+string(c.action), func(t *testing.T) {
			got, err := domain.Transition(c.from, c.action)
			if err != nil || got != c.to {
				t.Fatalf("Transition(%s, %s) = %q, %v; want %q", c.from, c.action, got, err, c.to)
			}
		})
	}

	// Every other pair is refused with CodeInvalidTransition.
	actions := []domain.PracticeAction{domain.ActionSubmit, domain.ActionWithdraw, domain.ActionReopen, domain.ActionReview,
		domain.ActionPublish, domain.ActionRevise, domain.ActionReject, domain.ActionArchive}
	isAllowed := func(from domain.PracticeStatus, a domain.PracticeAction) bool {
		for _, c := range allowed {
			if c.from == from && c.action == a {
				return true
			}
		}
		return false
	}
	refused := 0
	for _, from := range domain.PracticeStatuses {
		for _, a := range actions {
			if isAllowed(from, a) {
				continue
			}
			refused++
			got, err := domain.Transition(from, a)
			if !domain.IsCode(err, domain.CodeInvalidTransition) || got != "" {
				t.Errorf("Transition(%s, %s) = %q, %v; want CodeInvalidTransition", from, a, got, err)
			}
		}
	}
	if refused != len(domain.PracticeStatuses)*len(actions)-len(allowed) {
		t.Fatalf("checked %d refused moves", refused)
	}
	if _, err := domain.Transition(domain.StatusArchived, domain.ActionReopen); err == nil || err.Error() == "" {
		t.Fatal("an archived practice cannot be reopened, and the error says so")
	}
}

func TestPracticeStatusEditable(t *testing.T) {
	for _, s := range domain.PracticeStatuses {
		want := s == domain.StatusDraft || s == domain.StatusRevisionRequested
		if got := s.Editable(); got != want {
			t.Errorf("%s.Editable() = %v, want %v", s, got, want)
		}
		if got := s.SubmittedOrLater(); got != (s != domain.StatusDraft) {
			t.Errorf("%s.SubmittedOrLater() = %v", s, got)
		}
	}
}

func TestSubmitProblems(t *testing.T) {
	complete := func() domain.Practice {
		p := domain.Practice{PracticeText: domain.PracticeText{Summary: "s", Themes: []string{"t"}}}
		p.Content.Context, p.Content.Approach = "c", "a"
		p.Content.Evidence.Level = "monitoring"
		p.Content.Contact.Name, p.Content.Contact.Email = "n", "n@example.org"
		return p
	}
	cases := []struct {
		name   string
		change func(*domain.Practice)
		want   []string
	}{
		{"complete", func(*domain.Practice) {}, nil},
		{"no summary", func(p *domain.Practice) { p.Summary = "" }, []string{"summary"}},
		{"no theme", func(p *domain.Practice) { p.Themes = nil }, []string{"themes"}},
		{"no evidence level", func(p *domain.Practice) { p.Content.Evidence.Level = "" }, []string{"evidence.level"}},
		{"blank context and contact name", func(p *domain.Practice) { p.Content.Context, p.Content.Contact.Name = " \n\t ", "  " }, []string{"context", "contact.name"}},
		{"no contact", func(p *domain.Practice) { p.Content.Contact = domain.Contact{} }, []string{"contact.name", "contact.email"}},
		{"empty", func(p *domain.Practice) { *p = domain.Practice{} },
			[]string{"summary", "themes", "context", "approach", "evidence.level", "contact.name", "contact.email"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := complete()
			c.change(&p)
			assertFields(t, p.SubmitProblems(), c.want)
		})
	}
}

func TestCanSeePractice(t *testing.T) {
	own, other := uuid.New(), uuid.New()
	actor := &domain.Actor{UserID: uuid.New(), OrganisationID: own}
	admin := &domain.Actor{UserID: uuid.New(), OrganisationID: other, IsAdmin: true}
	member := func(roles ...domain.Role) *domain.Membership { return &domain.Membership{Roles: roles} }
	type viewer struct {
		name     string
		scope    domain.Scope
		reviewer bool
	}
	viewers := []viewer{
		{"admin", domain.Scope{Actor: admin}, false},
		{"own partner", domain.Scope{Actor: actor, Membership: member(domain.RolePartner)}, false},
		{"coordinator", domain.Scope{Actor: &domain.Actor{UserID: uuid.New(), OrganisationID: other}, Membership: member(domain.RoleCoordinator)}, false},
		{"assigned reviewer", domain.Scope{Actor: &domain.Actor{UserID: uuid.New(), OrganisationID: other}, Membership: member(domain.RoleReviewer)}, true},
		{"other partner", domain.Scope{Actor: &domain.Actor{UserID: uuid.New(), OrganisationID: other}, Membership: member(domain.RolePartner)}, false},
		{"own organisation, not a member", domain.Scope{Actor: actor}, false},
	}
	// want[viewer][status]
	want := map[string]map[domain.PracticeStatus]bool{
		"admin":                          {domain.StatusDraft: true, domain.StatusSubmitted: true, domain.StatusInReview: true, domain.StatusPublished: true},
		"own partner":                    {domain.StatusDraft: true, domain.StatusSubmitted: true, domain.StatusInReview: true, domain.StatusPublished: true},
		"coordinator":                    {domain.StatusDraft: false, domain.StatusSubmitted: true, domain.StatusInReview: true, domain.StatusPublished: true},
		"assigned reviewer":              {domain.StatusDraft: false, domain.StatusSubmitted: true, domain.StatusInReview: true, domain.StatusPublished: true},
		"other partner":                  {domain.StatusDraft: false, domain.StatusSubmitted: false, domain.StatusInReview: false, domain.StatusPublished: true},
		"own organisation, not a member": {domain.StatusDraft: false, domain.StatusSubmitted: false, domain.StatusInReview: false, domain.StatusPublished: false},
	}
	for _, v := range viewers {
		for status, w := range want[v.name] {
			p := &domain.Practice{OrganisationID: own, Status: status}
			if got := domain.CanSeePractice(domain.PracticeViewer{Scope: v.scope, Reviewer: v.reviewer}, p); got != w {
				t.Errorf("%s sees a %s practice: %v, want %v", v.name, status, got, w)
			}
		}
	}
}

func TestCanEditAndCreatePractice(t *testing.T) {
	own, other := uuid.New(), uuid.New()
	p := &domain.Practice{OrganisationID: own}
	cases := []struct {
		name         string
		scope        domain.Scope
		edit, create bool
	}{
		{"admin", domain.Scope{Actor: &domain.Actor{IsAdmin: true, OrganisationID: other}}, true, true},
		{"own partner", domain.Scope{Actor: &domain.Actor{OrganisationID: own}, Membership: &domain.Membership{Roles: []domain.Role{domain.RolePartner}}}, true, true},
		{"own reviewer", domain.Scope{Actor: &domain.Actor{OrganisationID: own}, Membership: &domain.Membership{Roles: []domain.Role{domain.RoleReviewer}}}, false, false},
		{"other partner", domain.Scope{Actor: &domain.Actor{OrganisationID: other}, Membership: &domain.Membership{Roles: []domain.Role{domain.RolePartner}}}, false, true},
		{"coordinator", domain.Scope{Actor: &domain.Actor{OrganisationID: other}, Membership: &domain.Membership{Roles: []domain.Role{domain.RoleCoordinator}}}, false, false},
		{"nobody", domain.Scope{}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.CanEditPractice(c.scope, p); got != c.edit {
				t.Errorf("CanEditPractice = %v, want %v", got, c.edit)
			}
			if got := domain.CanCreatePractice(c.scope); got != c.create {
				t.Errorf("CanCreatePractice = %v, want %v", got, c.create)
			}
		})
	}
}

// assertFields checks that errs name exactly the fields in want, in order.
func assertFields(t *testing.T, errs []domain.FieldError, want []string) {
	t.Helper()
	got := make([]string, len(errs))
	for i, e := range errs {
		got[i] = e.Field
	}
	if !slices.Equal(got, want) {
		t.Fatalf("fields = %q, want %q", got, want)
	}
}
