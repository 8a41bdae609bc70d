// Package service holds Peerbridge's use cases. It declares the storage it needs as small
// interfaces next to the use cases that call them, and enforces the rules that need the
// database; shape validation happens at the HTTP edge.
package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
)

// Transactor runs use cases atomically.
type Transactor interface {
	// WithTx runs fn in a transaction carried by the context it passes on, or inside the
	// caller's transaction when ctx already carries one. It returns fn's error.
	WithTx(ctx context.Context, fn func(ctx context.Context) error) error
	// ReadSnapshot runs fn in a read-only transaction that sees one snapshot of the database.
	ReadSnapshot(ctx context.Context, fn func(ctx context.Context) error) error
	// Ping checks that the database answers: CodeUnavailable when it does not.
	Ping(ctx context.Context) error
}

// AuditLog keeps the record of who changed what.
type AuditLog interface {
	// AppendAudit adds an entry in the caller's transaction.
	AppendAudit(ctx context.Context, e domain.AuditEntry) error
	// ListAudit returns a page of a programme's log, newest first.
	ListAudit(ctx context.Context, f domain.AuditFilter, p domain.PageRequest) (domain.Page[domain.AuditLine], error)
}

// Stores are the storage the use cases need, one small interface per aggregate, each declared
// next to the use cases that call it. *postgres.Store implements them all; tests may fake only
// those a use case touches.
//
// Every method may also fail with CodeUnavailable (the database cannot be reached), CodeBusy
// (a transaction collided with another one) or CodeServerOverloaded (the context's deadline
// passed while the database was answering); the comments name the other codes.
type Stores struct {
	Tx            Transactor
	Audit         AuditLog
	Organisations OrganisationStore
	Users         UserStore
	Sessions      SessionStore
	Programmes    ProgrammeStore
	Invitations   InvitationStore
	Practices     PracticeStore
	Comments      CommentStore
	Rubrics       RubricStore
	Rounds        RoundStore
	Assignments   AssignmentStore
	Bids          BidStore
	Reviews       ReviewStore
	Notifications NotificationStore
	Adaptations   AdaptationStore
	Dashboards    DashboardStore
	Exports       ExportStore
	Calls         CallStore
	Discussions   DiscussionStore
	Reminders     ReminderStore
	Activities    ActivityStore
	Calendars     CalendarStore
	Learning      LearningStore
	Accounts      AccountStore
	Reports       ReportStore
	Attachments   AttachmentStore
	Catalogue     PublicCatalogueStore
}

// Service bundles the use cases with their dependencies, passed in explicitly.
type Service struct {
	tx            Transactor
	auditLog      AuditLog
	organisations OrganisationStore
	users         UserStore
	sessions      SessionStore
	programmes    ProgrammeStore
	invitations   InvitationStore
	practices     PracticeStore
	comments      CommentStore
	rubrics       RubricStore
	rounds        RoundStore
	assignments   AssignmentStore
	bids          BidStore
	reviews       ReviewStore
	notifications NotificationStore
	adaptations   AdaptationStore
	dashboards    DashboardStore
	exports       ExportStore
	calls         CallStore
	discussions   DiscussionStore
	reminders     ReminderStore
	activities    ActivityStore
	calendars     CalendarStore
	learning      LearningStore
	accounts      AccountStore
	reports       ReportStore
	attachments   AttachmentStore
	catalogue     PublicCatalogueStore
	hasher        *auth.Hasher
	signer        *auth.Signer
	log           *slog.Logger
	publicURL     string
	// clientDigestKey: see Options.ClientDigestKey.
	clientDigestKey []byte
	refreshTTL      time.Duration
	now             func() time.Time
	statsFlight     *flight[domain.RoundStatistics]
	figuresFlight   *flight[domain.ProgrammeFigures]
	reportCache     *reportCache
	matchesCache    *matchesCache
	adaptationLists *adaptationListCache
	activityLists   *activityListCache
	learningMaps    *learningMapCache
}

// Options configure a Service.
type Options struct {
	Stores     Stores
	Hasher     *auth.Hasher
	Signer     *auth.Signer
	Log        *slog.Logger
	PublicURL  string
	RefreshTTL time.Duration
	Now        func() time.Time
	// ClientDigestKey keys the digests under which client addresses are remembered for
	// throttling, so that a stored digest cannot be turned back into an address by trying
	// them all. Every instance needs the same key.
	ClientDigestKey []byte
}

// New builds a Service.
func New(o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.RefreshTTL == 0 {
		o.RefreshTTL = 30 * 24 * time.Hour
	}
	st := o.Stores
	return &Service{
		tx: st.Tx, auditLog: st.Audit, organisations: st.Organisations, users: st.Users, sessions: st.Sessions,
		programmes: st.Programmes, invitations: st.Invitations, practices: st.Practices, comments: st.Comments,
		rubrics: st.Rubrics, rounds: st.Rounds, assignments: st.Assignments, bids: st.Bids, reviews: st.Reviews,
		notifications: st.Notifications, adaptations: st.Adaptations, dashboards: st.Dashboards, exports: st.Exports, calls: st.Calls,
		discussions: st.Discussions, reminders: st.Reminders, activities: st.Activities, calendars: st.Calendars, learning: st.Learning, accounts: st.Accounts, reports: st.Reports,
		attachments: st.Attachments, catalogue: st.Catalogue, clientDigestKey: o.ClientDigestKey,
		hasher: o.Hasher, signer: o.Signer, log: o.Log, publicURL: o.PublicURL, refreshTTL: o.RefreshTTL, now: o.Now,
		statsFlight: &flight[domain.RoundStatistics]{}, figuresFlight: &flight[domain.ProgrammeFigures]{}, reportCache: newReportCache(), matchesCache: newMatchesCache(), adaptationLists: newAdaptationListCache(), activityLists: newActivityListCache(), learningMaps: newLearningMapCache(),
	}
}

// Ready reports whether the database answers.
func (s *Service) Ready(ctx context.Context) error { return s.tx.Ping(ctx) }

// audit appends an entry with the actor taken from a.
func (s *Service) audit(ctx context.Context, a *domain.Actor, programmeID *uuid.UUID, action, objectType string, objectID uuid.UUID, before, after map[string]any) error {
	var actor *uuid.UUID
	if !a.Anonymous() {
		id := a.UserID
		actor = &id
	}
	return s.auditLog.AppendAudit(ctx, domain.AuditEntry{ProgrammeID: programmeID, ActorID: actor, Action: action, ObjectType: objectType, ObjectID: objectID, Before: before, After: after})
}

// scope reads the caller's standing in a programme. A programme the caller may not see is
// NotFound, exactly like one that does not exist.
func (s *Service) scope(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (domain.Scope, error) {
	sc := domain.Scope{Actor: a}
	if a.Anonymous() {
		return sc, domain.NotFound("Programme")
	}
	m, err := s.programmes.Membership(ctx, programmeID, a.UserID)
	if err != nil {
		return sc, err
	}
	sc.Membership = m
	if !domain.CanSeeProgramme(sc) {
		return sc, domain.NotFound("Programme")
	}
	return sc, nil
}

// Scope is scope for other layers that need the caller's programme roles.
func (s *Service) Scope(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (domain.Scope, error) {
	return s.scope(ctx, a, programmeID)
}

// notFoundAs gives the store's "not found" the answer the use case owes for it (a NotFound that
// names the object, or a field error) and passes every other error through unchanged: a database
// that cannot be reached is a 503, never a misleading 400 or 404.
func notFoundAs(err, replacement error) error {
	if domain.IsCode(err, domain.CodeNotFound) {
		return replacement
	}
	return err
}
