package auth

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

var cheap = Params{MemoryKiB: 64, Time: 1, Threads: 1}

func TestHashAndVerify(t *testing.T) {
	h := NewHasherWithParams(2, cheap)
	ctx := context.Background()
	enc, err := h.Hash(ctx, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("encoding %q", enc)
	}
	other, _ := h.Hash(ctx, "correct horse battery")
	if other == enc {
		t.Fatal("two hashes of the same password share a salt")
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterz": false, "": false} {
		ok, err := h.Verify(ctx, enc, pw)
		if err != nil || ok != want {
			t.Fatalf("Verify(%q) = %v, %v", pw, ok, err)
		}
	}
	if ok, err := h.Verify(ctx, "", "anything"); ok || err != nil {
		t.Fatalf("unknown account verified: %v %v", ok, err)
	}
	if _, err := h.Verify(ctx, "$2a$10$bcrypt", "x"); err == nil {
		t.Fatal("foreign hash format accepted")
	}
}

func TestProductionParametersFollowOWASP(t *testing.T) {
	if OWASP.MemoryKiB < 19*1024 || OWASP.Time < 2 || OWASP.Threads != 1 {
		t.Fatalf("argon2id parameters below OWASP minimum: %+v", OWASP)
	}
}

// When every slot is taken, a caller gives up when its context ends instead of queueing forever.
func TestHashingIsBounded(t *testing.T) {
	h := NewHasherWithParams(1, cheap)
	h.slots <- struct{}{} // occupy the only slot
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := h.Hash(ctx, "x"); err != ErrBusy {
		t.Fatalf("Hash with no free slot: %v, want ErrBusy", err)
	}
	<-h.slots
	if _, err := h.Hash(context.Background(), "x"); err != nil {
		t.Fatal(err)
	}
}

func TestSignerRoundTripAndExpiry(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s := NewSigner([]byte("0123456789abcdef0123456789abcdef"), "peerbridge", "peerbridge-api", 15*time.Minute, clock)
	uid, sid := uuid.New(), uuid.New()
	tok, err := s.Issue(uid, sid)
	if err != nil {
		t.Fatal(err)
	}
	gu, gs, err := s.Verify(tok)
	if err != nil || gu != uid || gs != sid {
		t.Fatalf("round trip: %v %v %v", gu, gs, err)
	}
	now = now.Add(16 * time.Minute)
	if _, _, err := s.Verify(tok); err != ErrInvalidToken {
		t.Fatalf("expired token accepted: %v", err)
	}
	other := NewSigner([]byte("0123456789abcdef0123456789abcdef"), "peerbridge", "another-api", 15*time.Minute, clock)
	tok2, _ := other.Issue(uid, sid)
	if _, _, err := s.Verify(tok2); err != ErrInvalidToken {
		t.Fatal("token for another audience accepted")
	}
}

func TestOpaqueTokens(t *testing.T) {
	a, da, err := NewOpaqueToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := NewOpaqueToken()
	if a == b || len(a) < 40 || string(Digest(a)) != string(da) || strings.ContainsAny(a, "+/=") {
		t.Fatalf("opaque tokens: %q %q", a, b)
	}
}
