// Package auth holds password hashing and token signing; it knows nothing of HTTP or storage.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters from the OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	argonSaltLen   = 16
)

// ErrBusy means too many hashes are already being computed and the caller gave up waiting.
var ErrBusy = errors.New("password hashing is saturated")

// Params are argon2id cost parameters.
type Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// OWASP is the production cost.
var OWASP = Params{MemoryKiB: argonMemoryKiB, Time: argonTime, Threads: argonThreads}

// Hasher computes argon2id hashes with at most N running at once, so a flood of sign-ins cannot
// exhaust memory (each hash holds 19 MiB while it runs).
type Hasher struct {
	slots  chan struct{}
	params Params
	// dummy is verified against for unknown accounts so they cost the same time as real ones.
	dummy string
	// work adds up the argon2 cost (time passes × memory in KiB) of every hash computed, so that
	// the equal cost of known and unknown accounts can be checked without a clock.
	work atomic.Uint64
}

// Work is the argon2 cost of every hash this hasher has computed: passes × memory in KiB, summed.
func (h *Hasher) Work() uint64 { return h.work.Load() }

// NewHasher allows concurrency hashes at once with the OWASP parameters.
func NewHasher(concurrency int) *Hasher { return NewHasherWithParams(concurrency, OWASP) }

// NewHasherWithParams is NewHasher with other costs; tests use cheap ones.
func NewHasherWithParams(concurrency int, p Params) *Hasher {
	if concurrency < 1 {
		concurrency = 1
	}
	h := &Hasher{slots: make(chan struct{}, concurrency), params: p}
	salt := make([]byte, argonSaltLen)
	h.dummy = encode(salt, argon2.IDKey([]byte("peerbridge-dummy"), salt, p.Time, p.MemoryKiB, p.Threads, argonKeyLen), p.MemoryKiB, p.Time, p.Threads)
	return h
}

func (h *Hasher) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ErrBusy
	}
}

func (h *Hasher) release() { <-h.slots }

// Hash returns an encoded argon2id hash of password in the PHC string format.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	p := h.params
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, argonKeyLen)
	h.work.Add(uint64(p.Time) * uint64(p.MemoryKiB))
	return encode(salt, key, p.MemoryKiB, p.Time, p.Threads), nil
}

// Verify checks password against encoded. An empty encoded (unknown account) is checked against a
// dummy hash so that the answer takes the same time, and always fails.
func (h *Hasher) Verify(ctx context.Context, encoded, password string) (bool, error) {
	real := encoded != ""
	if !real {
		encoded = h.dummy
	}
	salt, key, m, t, p, err := decode(encoded)
	if err != nil {
		return false, err
	}
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(key)))
	h.work.Add(uint64(t) * uint64(m))
	return real && subtle.ConstantTimeCompare(got, key) == 1, nil
}

func encode(salt, key []byte, m uint32, t uint32, p uint8) string {
	b := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, m, t, p, b.EncodeToString(salt), b.EncodeToString(key))
}

func decode(encoded string) (salt, key []byte, m, t uint32, p uint8, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return nil, nil, 0, 0, 0, errors.New("not an argon2id hash")
	}
	var version int
	if _, err = fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return nil, nil, 0, 0, 0, errors.New("unsupported argon2 version")
	}
	if _, err = fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return nil, nil, 0, 0, 0, errors.New("bad argon2 parameters")
	}
	b := base64.RawStdEncoding
	if salt, err = b.DecodeString(parts[4]); err != nil {
		return nil, nil, 0, 0, 0, err
	}
	if key, err = b.DecodeString(parts[5]); err != nil {
		return nil, nil, 0, 0, 0, err
	}
	return salt, key, m, t, p, nil
}
