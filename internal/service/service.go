// Package service holds Peerbridge's use cases. It declares the storage it needs as an interface
// and enforces the rules that need the database; shape validation happens at the HTTP edge.
package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
)

// Store is the storage the use cases need. *postgres.Store implements it.
type Store interface {
	WithTx(ctx context.Context, fn func(ctx context.Context) error) error
	ReadSnapshot(ctx context.Context, fn func(ctx context.Context) error) error
	Ping(ctx context.Context) error

	CreateOrganisation(ctx context.Context, o domain.Organisation) (domain.Organisation, error)
	Organisation(ctx context.Context, id uuid.UUID) (domain.Organisation, error)
	ListOrganisations(ctx context.Context, f domain.OrganisationFilter, p domain.PageRequest) (domain.Page[domain.Organisation], error)
	UpdateOrganisation(ctx context.Context, o domain.Organisation, version int) (domain.Organisation, error)
	OrganisationRefs(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]domain.Organisation, error)

	CreateUser(ctx context.Context, u domain.User) (domain.User, error)
	User(ctx context.Context, id uuid.UUID) (domain.User, error)
	UserByEmail(ctx context.Context, email string) (domain.User, error)
	ListUsers(ctx context.Context, f domain.UserFilter, p domain.PageRequest) (domain.Page[domain.User], error)
	UpdateUser(ctx context.Context, u domain.User, version int) (domain.User, error)
	UpdateProfile(ctx context.Context, id uuid.UUID, name string, languages, expertise []string) (domain.User, error)
	SetPassword(ctx context.Context, id uuid.UUID, hash string) error

	CreateSession(ctx context.Context, userID uuid.UUID, refreshDigest []byte, expiresAt time.Time) (uuid.UUID, error)
	RotateRefreshToken(ctx context.Context, old, next []byte) (domain.RefreshOutcome, error)
	RevokeSession(ctx context.Context, id uuid.UUID, reason string) error
	RevokeUserSessions(ctx context.Context, userID, keep uuid.UUID, reason string) error
	Actor(ctx context.Context, userID, sessionID uuid.UUID) (domain.Actor, error)
	LoginFailures(ctx context.Context, accountKey, clientKey string, since time.Time) (int, int, error)
	OldestLoginFailure(ctx context.Context, accountKey, clientKey string, since time.Time) (time.Time, error)
	RecordLoginFailure(ctx context.Context, accountKey, clientKey string) error
	ClearLoginFailures(ctx context.Context, accountKey string) error

	CreateProgramme(ctx context.Context, p domain.Programme) (domain.Programme, error)
	Programme(ctx context.Context, id, userID uuid.UUID) (domain.Programme, error)
	ListProgrammes(ctx context.Context, userID uuid.UUID, all bool, p domain.PageRequest) (domain.Page[domain.Programme], error)
	UpdateProgramme(ctx context.Context, p domain.Programme, version int) (domain.Programme, error)
	Membership(ctx context.Context, programmeID, userID uuid.UUID) (*domain.Membership, error)
	CoordinatesAny(ctx context.Context, userID uuid.UUID) (bool, error)
	PutMembership(ctx context.Context, programmeID, userID uuid.UUID, roles []domain.Role) ([]domain.Role, error)
	DeleteMembership(ctx context.Context, programmeID, userID uuid.UUID) ([]domain.Role, error)
	LockCoordinators(ctx context.Context, programmeID uuid.UUID) ([]uuid.UUID, error)
	ListMembers(ctx context.Context, programmeID uuid.UUID, f domain.MemberFilter, p domain.PageRequest) (domain.Page[domain.Member], error)
	Member(ctx context.Context, programmeID, userID uuid.UUID) (domain.Member, error)

	CreateInvitation(ctx context.Context, inv domain.Invitation, digest []byte) (domain.Invitation, error)
	InvitationByDigest(ctx context.Context, digest []byte, lock bool) (domain.Invitation, error)
	MarkInvitationAccepted(ctx context.Context, id, userID uuid.UUID) error
	ListInvitations(ctx context.Context, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.Invitation], error)

	AppendAudit(ctx context.Context, e domain.AuditEntry) error

	PracticeStore
	ReviewStore
	AdaptationStore
}

// Service bundles the use cases with their dependencies, passed in explicitly.
type Service struct {
	store       Store
	practices   PracticeStore
	reviews     ReviewStore
	adaptations AdaptationStore
	hasher      *auth.Hasher
	signer      *auth.Signer
	log         *slog.Logger
	publicURL   string
	refreshTTL  time.Duration
	now         func() time.Time
}

// Options configure a Service.
type Options struct {
	Store      Store
	Hasher     *auth.Hasher
	Signer     *auth.Signer
	Log        *slog.Logger
	PublicURL  string
	RefreshTTL time.Duration
	Now        func() time.Time
}

// New builds a Service.
func New(o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.RefreshTTL == 0 {
		o.RefreshTTL = 30 * 24 * time.Hour
	}
	return &Service{store: o.Store, practices: o.Store, reviews: o.Store, adaptations: o.Store, hasher: o.Hasher, signer: o.Signer, log: o.Log, publicURL: o.PublicURL, refreshTTL: o.RefreshTTL, now: o.Now}
}

// Ready reports whether the database answers.
func (s *Service) Ready(ctx context.Context) error { return s.store.Ping(ctx) }

// audit appends an entry with the actor taken from a.
func (s *Service) audit(ctx context.Context, a *domain.Actor, programmeID *uuid.UUID, action, objectType string, objectID uuid.UUID, before, after map[string]any) error {
	var actor *uuid.UUID
	if !a.Anonymous() {
		id := a.UserID
		actor = &id
	}
	return s.store.AppendAudit(ctx, domain.AuditEntry{ProgrammeID: programmeID, ActorID: actor, Action: action, ObjectType: objectType, ObjectID: objectID, Before: before, After: after})
}

// scope reads the caller's standing in a programme. A programme the caller may not see is
// NotFound, exactly like one that does not exist.
func (s *Service) scope(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (domain.Scope, error) {
	sc := domain.Scope{Actor: a}
	if a.Anonymous() {
		return sc, domain.NotFound("Programme")
	}
	m, err := s.store.Membership(ctx, programmeID, a.UserID)
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
