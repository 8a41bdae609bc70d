package service_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// Each fake embeds the interface it stands for and implements only what Respond calls; any other
// method is nil and would panic, which the test reports as a failure.

type onePractice struct {
	service.PracticeStore
	p domain.Practice
}

func (f onePractice) Practice(_ context.Context, id uuid.UUID, _ bool) (domain.Practice, error) {
	if id != f.p.ID {
		return domain.Practice{}, domain.NotFound("Practice")
	}
	return f.p, nil
}

type memberships struct {
	service.ProgrammeStore
	roles map[uuid.UUID][]domain.Role
}

func (f memberships) Membership(_ context.Context, programmeID, userID uuid.UUID) (*domain.Membership, error) {
	rs, ok := f.roles[userID]
	if !ok {
		return nil, nil
	}
	return &domain.Membership{ProgrammeID: programmeID, UserID: userID, Roles: rs}, nil
}

type decisions struct {
	service.ReviewStore
	decided   bool
	responses []domain.ReviewResponse
}

func (f *decisions) Decisions(_ context.Context, roundID, practiceID *uuid.UUID) ([]domain.DecisionRecord, error) {
	if !f.decided {
		return nil, nil
	}
	return []domain.DecisionRecord{{RoundID: *roundID, PracticeID: *practiceID, Outcome: "good_practice"}}, nil
}

func (f *decisions) InsertResponse(_ context.Context, r domain.ReviewResponse) error {
	f.responses = append(f.responses, r)
	return nil
}

type auditTrail struct {
	service.AuditLog
	entries []domain.AuditEntry
}

func (f *auditTrail) AppendAudit(_ context.Context, e domain.AuditEntry) error {
	f.entries = append(f.entries, e)
	return nil
}

func TestRespondNeedsTheOwnerAndADecision(t *testing.T) {
	owner := &domain.Actor{UserID: uuid.New(), OrganisationID: uuid.New(), Name: "Ana"}
	otherPartner := &domain.Actor{UserID: uuid.New(), OrganisationID: uuid.New()}
	outsider := &domain.Actor{UserID: uuid.New(), OrganisationID: uuid.New()}
	published := domain.Practice{ID: uuid.New(), ProgrammeID: uuid.New(), OrganisationID: owner.OrganisationID, Status: domain.StatusPublished}
	roundID := uuid.New()
	cases := []struct {
		name     string
		actor    *domain.Actor
		practice uuid.UUID
		decided  bool
		want     domain.Code // "" when the response is stored
	}{
		{"owner after the decision", owner, published.ID, true, ""},
		{"owner before the decision", owner, published.ID, false, domain.CodeNotDecided},
		{"partner of another organisation", otherPartner, published.ID, true, domain.CodeForbidden},
		{"not a member of the programme", outsider, published.ID, true, domain.CodeNotFound},
		{"unknown practice", owner, uuid.New(), true, domain.CodeNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reviews := &decisions{decided: c.decided}
			audit := &auditTrail{}
			svc := service.New(service.Options{Stores: service.Stores{
				Tx:         inline{},
				Audit:      audit,
				Practices:  onePractice{p: published},
				Programmes: memberships{roles: map[uuid.UUID][]domain.Role{owner.UserID: {domain.RolePartner}, otherPartner.UserID: {domain.RolePartner}}},
				Reviews:    reviews,
			}})

			r, err := svc.Respond(context.Background(), c.actor, c.practice, roundID, "  Thank you; we will add a cost table.  ")
			if c.want != "" {
				if got := domain.ErrorCode(err); got != c.want {
					t.Fatalf("code %q (%v), want %q", got, err, c.want)
				}
				if len(reviews.responses) != 0 || len(audit.entries) != 0 {
					t.Fatalf("a refused response was written: %v, %v", reviews.responses, audit.entries)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(reviews.responses) != 1 || reviews.responses[0] != r {
				t.Fatalf("stored %+v, returned %+v", reviews.responses, r)
			}
			if r.Body != "Thank you; we will add a cost table." || r.AuthorID != owner.UserID || r.RoundID != roundID || r.PracticeID != published.ID {
				t.Errorf("response = %+v", r)
			}
			if len(audit.entries) != 1 || audit.entries[0].Action != "practice.responded" || *audit.entries[0].ActorID != owner.UserID {
				t.Errorf("audit = %+v", audit.entries)
			}
		})
	}
}
