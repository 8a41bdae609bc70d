package service_test

import (
	"context"
	"testing"
	"time"

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
	reviews   []domain.Review
}

func (f *decisions) ReviewsOfPractice(_ context.Context, practiceID uuid.UUID) ([]domain.Review, error) {
	return f.reviews, nil
}

// oneRound is the round the responses answer, holding the practice.
type oneRound struct {
	service.RoundStore
	r        domain.Round
	practice uuid.UUID
}

func (f oneRound) Round(_ context.Context, id uuid.UUID, _ bool) (domain.Round, error) {
	if id != f.r.ID {
		return domain.Round{}, domain.NotFound("Round")
	}
	return f.r, nil
}

func (f oneRound) RoundPractices(_ context.Context, roundID uuid.UUID) ([]domain.RoundPractice, error) {
	return []domain.RoundPractice{{PracticeID: f.practice, Revision: 1}}, nil
}

type inbox struct {
	service.NotificationStore
	sent []domain.Notification
}

func (f *inbox) InsertNotifications(_ context.Context, ns []domain.Notification) error {
	f.sent = append(f.sent, ns...)
	return nil
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

func TestRespondNeedsTheOwnerAndADecisionOrTheRebuttal(t *testing.T) {
	owner := &domain.Actor{UserID: uuid.New(), OrganisationID: uuid.New(), Name: "Ana"}
	otherPartner := &domain.Actor{UserID: uuid.New(), OrganisationID: uuid.New()}
	outsider := &domain.Actor{UserID: uuid.New(), OrganisationID: uuid.New()}
	published := domain.Practice{ID: uuid.New(), ProgrammeID: uuid.New(), OrganisationID: owner.OrganisationID, Status: domain.StatusPublished, PracticeText: domain.PracticeText{Title: "Job coaching"}}
	roundID := uuid.New()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	released, dueLater, duePassed := now.Add(-48*time.Hour), now.Add(time.Hour), now.Add(-time.Minute)
	reviewer := uuid.New()
	cases := []struct {
		name         string
		actor        *domain.Actor
		practice     uuid.UUID
		round        uuid.UUID
		decided      bool
		releasedAt   *time.Time // the round had a rebuttal
		rebuttalDue  *time.Time
		want         domain.Code // "" when the response is stored
		wantReviewer bool        // the reviewer of the round is told
	}{
		{"owner after the decision", owner, published.ID, roundID, true, nil, nil, "", true},
		{"owner before the decision", owner, published.ID, roundID, false, nil, nil, domain.CodeNotDecided, false},
		{"owner during the rebuttal", owner, published.ID, roundID, false, &released, &dueLater, "", true},
		{"owner after the rebuttal ended", owner, published.ID, roundID, false, &released, &duePassed, domain.CodeRebuttalClosed, false},
		{"owner after the rebuttal ended and the decision", owner, published.ID, roundID, true, &released, &duePassed, domain.CodeRebuttalClosed, false},
		{"owner during the rebuttal, already decided", owner, published.ID, roundID, true, &released, &dueLater, "", true},
		{"a round that is not the practice's", owner, published.ID, uuid.New(), true, nil, nil, domain.CodeValidation, false},
		{"partner of another organisation", otherPartner, published.ID, roundID, true, nil, nil, domain.CodeForbidden, false},
		{"not a member of the programme", outsider, published.ID, roundID, true, nil, nil, domain.CodeNotFound, false},
		{"unknown practice", owner, uuid.New(), roundID, true, nil, nil, domain.CodeNotFound, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reviews := &decisions{decided: c.decided, reviews: []domain.Review{
				{AssignmentID: uuid.New(), RoundID: roundID, PracticeID: published.ID, ReviewerID: reviewer, Status: domain.ReviewSubmitted},
				{AssignmentID: uuid.New(), RoundID: roundID, PracticeID: published.ID, ReviewerID: uuid.New(), Status: domain.ReviewDraft},
				{AssignmentID: uuid.New(), RoundID: uuid.New(), PracticeID: published.ID, ReviewerID: uuid.New(), Status: domain.ReviewSubmitted},
			}}
			audit := &auditTrail{}
			notes := &inbox{}
			round := domain.Round{ID: roundID, ProgrammeID: published.ProgrammeID, Name: "Spring", Status: domain.RoundRebuttal,
				ReviewsReleasedAt: c.releasedAt, RebuttalDueAt: c.rebuttalDue}
			svc := service.New(service.Options{Now: func() time.Time { return now }, Stores: service.Stores{
				Tx:            inline{},
				Audit:         audit,
				Practices:     onePractice{p: published},
				Programmes:    memberships{roles: map[uuid.UUID][]domain.Role{owner.UserID: {domain.RolePartner}, otherPartner.UserID: {domain.RolePartner}}},
				Reviews:       reviews,
				Rounds:        oneRound{r: round, practice: published.ID},
				Notifications: notes,
			}})

			r, err := svc.Respond(context.Background(), c.actor, c.practice, c.round, "  Thank you; we will add a cost table.  ")
			if c.want != "" {
				if got := domain.ErrorCode(err); got != c.want {
					t.Fatalf("code %q (%v), want %q", got, err, c.want)
				}
				if len(reviews.responses) != 0 || len(audit.entries) != 0 || len(notes.sent) != 0 {
					t.Fatalf("a refused response was written: %v, %v, %v", reviews.responses, audit.entries, notes.sent)
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
			// Only the reviewer whose review of this practice in this round is in hears of it.
			if c.wantReviewer && (len(notes.sent) != 1 || notes.sent[0].UserID != reviewer || notes.sent[0].Kind != domain.NotifyResponsePosted ||
				notes.sent[0].Params["practice"] != "Job coaching") {
				t.Errorf("notifications = %+v", notes.sent)
			}
		})
	}
}
