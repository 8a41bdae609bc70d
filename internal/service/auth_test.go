package service_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// These tests run use cases against hand-written fakes of the small store interfaces they
// declare: no database, and any store a use case should not touch is left nil.

// fakeSessions is a SessionStore that reports a fixed number of recent failures and records
// what the use case wrote.
type fakeSessions struct {
	accountFailures, clientFailures int
	oldestFailure                   time.Time

	recorded []string // accountKey|clientKey of every recorded failure
	cleared  []string
	revoked  []uuid.UUID // users whose other sessions were ended
	kept     []uuid.UUID // the session each revocation kept
}

func (f *fakeSessions) CreateSession(context.Context, uuid.UUID, []byte, time.Time) (uuid.UUID, error) {
	return uuid.New(), nil
}
func (f *fakeSessions) RotateRefreshToken(context.Context, []byte, []byte) (domain.RefreshOutcome, error) {
	return domain.RefreshOutcome{}, domain.Errorf(domain.CodeUnauthenticated, "no")
}
func (f *fakeSessions) RevokeSession(context.Context, uuid.UUID, string) error { return nil }
func (f *fakeSessions) RevokeUserSessions(_ context.Context, userID, keep uuid.UUID, _ string) error {
	f.revoked, f.kept = append(f.revoked, userID), append(f.kept, keep)
	return nil
}
func (f *fakeSessions) Actor(context.Context, uuid.UUID, uuid.UUID) (domain.Actor, error) {
	return domain.Actor{}, domain.Errorf(domain.CodeUnauthenticated, "no")
}
func (f *fakeSessions) LoginFailures(context.Context, string, string, time.Time) (int, int, error) {
	return f.accountFailures, f.clientFailures, nil
}
func (f *fakeSessions) OldestLoginFailure(context.Context, string, string, time.Time) (time.Time, error) {
	return f.oldestFailure, nil
}
func (f *fakeSessions) RecordLoginFailure(_ context.Context, accountKey, clientKey string) error {
	f.recorded = append(f.recorded, accountKey+"|"+clientKey)
	return nil
}
func (f *fakeSessions) ClearLoginFailures(_ context.Context, accountKey string) error {
	f.cleared = append(f.cleared, accountKey)
	return nil
}

// fakeUsers is a UserStore holding some accounts by e-mail address.
type fakeUsers struct {
	byEmail   map[string]domain.User
	passwords map[uuid.UUID]string // hashes stored through SetPassword
	lookups   int
}

func (f *fakeUsers) find(match func(domain.User) bool) (domain.User, error) {
	f.lookups++
	for _, u := range f.byEmail {
		if match(u) {
			return u, nil
		}
	}
	return domain.User{}, domain.NotFound("User")
}
func (f *fakeUsers) CreateUser(_ context.Context, u domain.User) (domain.User, error) { return u, nil }
func (f *fakeUsers) User(_ context.Context, id uuid.UUID) (domain.User, error) {
	return f.find(func(u domain.User) bool { return u.ID == id })
}
func (f *fakeUsers) UserByEmail(_ context.Context, email string) (domain.User, error) {
	return f.find(func(u domain.User) bool { return u.Email == email })
}
func (f *fakeUsers) ListUsers(context.Context, domain.UserFilter, domain.PageRequest) (domain.Page[domain.User], error) {
	return domain.Page[domain.User]{}, nil
}
func (f *fakeUsers) UpdateUser(_ context.Context, u domain.User, _ int) (domain.User, error) {
	return u, nil
}
func (f *fakeUsers) UpdateProfile(context.Context, uuid.UUID, string, []string, []string, string) (domain.User, error) {
	return domain.User{}, nil
}
func (f *fakeUsers) SetPassword(_ context.Context, id uuid.UUID, hash string) error {
	if f.passwords == nil {
		f.passwords = map[uuid.UUID]string{}
	}
	f.passwords[id] = hash
	return nil
}

// inline is a Transactor without a database: fn runs as is.
type inline struct{}

func (inline) WithTx(ctx context.Context, fn func(context.Context) error) error       { return fn(ctx) }
func (inline) ReadSnapshot(ctx context.Context, fn func(context.Context) error) error { return fn(ctx) }
func (inline) Ping(context.Context) error                                             { return nil }

var cheap = auth.Params{MemoryKiB: 64, Time: 1, Threads: 1}

func TestLoginIsThrottledBeforeTheAccountIsRead(t *testing.T) {
	cases := []struct {
		name             string
		account, client  int
		wantCode         domain.Code
		wantRecorded     []string
		wantUserLookedUp bool
	}{
		{"under both limits", 9, 49, domain.CodeInvalidCredentials, []string{"ana@example.org|10.0.0.1"}, true},
		{"account limit reached", 10, 0, domain.CodeTooManyAttempts, nil, false},
		{"client limit reached", 0, 50, domain.CodeTooManyAttempts, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sessions := &fakeSessions{accountFailures: c.account, clientFailures: c.client, oldestFailure: time.Now().Add(-14 * time.Minute)}
			users := &fakeUsers{}
			svc := service.New(service.Options{Stores: service.Stores{Sessions: sessions, Users: users}, Hasher: auth.NewHasherWithParams(1, cheap)})

			_, err := svc.Login(context.Background(), "  Ana@Example.org ", "a wrong password", "10.0.0.1")
			if got := domain.ErrorCode(err); got != c.wantCode {
				t.Fatalf("Login: code %q (%v), want %q", got, err, c.wantCode)
			}
			if !slices.Equal(sessions.recorded, c.wantRecorded) {
				t.Errorf("recorded failures %q, want %q", sessions.recorded, c.wantRecorded)
			}
			if (users.lookups > 0) != c.wantUserLookedUp {
				t.Errorf("account looked up %d times", users.lookups)
			}
			if c.wantCode == domain.CodeTooManyAttempts {
				var de *domain.Error
				if !errors.As(err, &de) || de.RetryAfter < 50 || de.RetryAfter > 61 {
					t.Errorf("Retry-After %+v, want about a minute (the oldest failure leaves the window then)", de)
				}
			}
		})
	}
}

func TestChangePasswordRefusesBeforeWriting(t *testing.T) {
	hasher := auth.NewHasherWithParams(1, cheap)
	hash, err := hasher.Hash(context.Background(), "the current passphrase")
	if err != nil {
		t.Fatal(err)
	}
	user := domain.User{ID: uuid.New(), Email: "ana@example.org", PasswordHash: hash}
	actor := &domain.Actor{UserID: user.ID, SessionID: uuid.New()}
	cases := []struct {
		name          string
		current, next string
		wantField     string // "" when the change goes through
	}{
		{"wrong current password", "not the passphrase", "a brand new passphrase", "current_password"},
		{"new password too short", "the current passphrase", "short", "new_password"},
		{"new password is the e-mail address", "the current passphrase", "Ana@Example.org", "new_password"},
		{"accepted", "the current passphrase", "a brand new passphrase", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			users := &fakeUsers{byEmail: map[string]domain.User{user.Email: user}}
			sessions := &fakeSessions{}
			svc := service.New(service.Options{Stores: service.Stores{Tx: inline{}, Users: users, Sessions: sessions}, Hasher: hasher})

			err := svc.ChangePassword(context.Background(), actor, c.current, c.next)
			if c.wantField != "" {
				var de *domain.Error
				if !errors.As(err, &de) || de.Code != domain.CodeValidation || len(de.Fields) != 1 || de.Fields[0].Field != c.wantField {
					t.Fatalf("err = %v, want a validation error on %s", err, c.wantField)
				}
				if len(users.passwords) != 0 || len(sessions.revoked) != 0 {
					t.Fatalf("refused change wrote: passwords %v, revoked %v", users.passwords, sessions.revoked)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			ok, err := hasher.Verify(context.Background(), users.passwords[user.ID], c.next)
			if err != nil || !ok {
				t.Fatalf("stored hash does not verify the new password: %v", err)
			}
			if !slices.Equal(sessions.revoked, []uuid.UUID{user.ID}) || !slices.Equal(sessions.kept, []uuid.UUID{actor.SessionID}) {
				t.Fatalf("revoked %v keeping %v; want the user's other sessions, keeping the current one", sessions.revoked, sessions.kept)
			}
		})
	}
}
