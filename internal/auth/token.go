package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// Claims of an access token: the user and the session it belongs to. Roles are never in the
// token; they are read from the database on every request.
type Claims struct {
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

// Signer issues and verifies HS256 access tokens.
type Signer struct {
	secret   []byte
	issuer   string
	audience string
	ttl      time.Duration
	now      func() time.Time
}

// NewSigner returns a Signer; now may be nil for time.Now.
func NewSigner(secret []byte, issuer, audience string, ttl time.Duration, now func() time.Time) *Signer {
	if now == nil {
		now = time.Now
	}
	return &Signer{secret: secret, issuer: issuer, audience: audience, ttl: ttl, now: now}
}

// TTL is the access token lifetime.
func (s *Signer) TTL() time.Duration { return s.ttl }

// Issue signs an access token for user in session.
func (s *Signer) Issue(userID, sessionID uuid.UUID) (string, error) {
	now := s.now()
	c := Claims{
		SessionID: sessionID.String(),
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    s.issuer,
			Subject:   userID.String(),
			Audience:  jwt.ClaimStrings{s.audience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now.Add(-5 * time.Second)),
			ExpiresAt: jwt.NewNumericDate(now.Add(s.ttl)),
			ID:        uuid.NewString(),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.secret)
}

// ErrInvalidToken covers every reason a token is refused; the reason is not told to the caller.
var ErrInvalidToken = errors.New("invalid token")

// Verify parses raw and returns the user and session ids. Only HS256 is accepted; exp, iss and
// aud are required.
func (s *Signer) Verify(raw string) (userID, sessionID uuid.UUID, err error) {
	var c Claims
	_, err = jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return s.secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuer(s.issuer),
		jwt.WithAudience(s.audience),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(s.now),
		jwt.WithLeeway(5*time.Second),
	)
	if err != nil {
		return uuid.Nil, uuid.Nil, ErrInvalidToken
	}
	if userID, err = uuid.Parse(c.Subject); err != nil {
		return uuid.Nil, uuid.Nil, ErrInvalidToken
	}
	if sessionID, err = uuid.Parse(c.SessionID); err != nil {
		return uuid.Nil, uuid.Nil, ErrInvalidToken
	}
	return userID, sessionID, nil
}

// NewOpaqueToken returns a random URL-safe token (refresh tokens, invitations) and its digest,
// which is what gets stored.
func NewOpaqueToken() (token string, digest []byte, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, Digest(token), nil
}

// Digest is the stored form of an opaque token.
func Digest(token string) []byte {
	d := sha256.Sum256([]byte(token))
	return d[:]
}
