package httpapi

import (
	"context"
	"crypto/sha256"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

type ctxKey int

const (
	actorKey ctxKey = iota
	requestIDKey
)

var safeRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// requestContext gives every request an id (a sane inbound X-Request-Id is kept), a deadline,
// and a context carrying both. The id is echoed on every response.
func (s *Server) requestContext(c *fiber.Ctx) error {
	id := c.Get(fiber.HeaderXRequestID)
	if !safeRequestID.MatchString(id) {
		id = uuid.NewString()
	} else {
		id = strings.Clone(id)
	}
	c.Locals(requestIDKey, id)
	c.Set(fiber.HeaderXRequestID, id)
	ctx, cancel := context.WithTimeout(context.WithValue(context.Background(), requestIDKey, id), s.opts.RequestTimeout)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals(requestIDKey).(string)
	return id
}

// recoverPanics turns a panic into a logged 500 instead of a dropped connection.
func (s *Server) recoverPanics(c *fiber.Ctx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.ErrorContext(c.UserContext(), "panic", "request_id", requestID(c), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = domain.Errorf(domain.CodeInternal, "Something went wrong on our side; the error was logged.")
		}
	}()
	return c.Next()
}

// accessLog logs one line per request with the route pattern, never the raw path (invitation
// tokens travel in paths) nor any header.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := s.app.ErrorHandler(c, err); herr != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	attrs := []any{"request_id", requestID(c), "method", c.Method(), "route", routePattern(c), "status", c.Response().StatusCode(),
		"duration_ms", time.Since(start).Milliseconds()}
	if a := actorOf(c); !a.Anonymous() {
		attrs = append(attrs, "user_id", a.UserID.String())
	}
	s.log.InfoContext(c.UserContext(), "request", attrs...)
	return nil
}

func routePattern(c *fiber.Ctx) string {
	if r := c.Route(); r != nil && r.Path != "" {
		return r.Path
	}
	return "(unmatched)"
}

// Content security policies. API answers are data, never a document: nothing may load or run
// in them. The web app is the Vite build: scripts and styles from its own origin only; inline
// style attributes are allowed because the chart library (recharts) sets them, inline scripts
// are not (the build has none). Small images and fonts may be inlined as data: URLs by Vite.
// /api/docs sets its own policy.
const (
	apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	webCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
		"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

// securityHeaders are set on every response.
func securityHeaders(c *fiber.Ctx) error {
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "no-referrer")
	c.Set("X-Frame-Options", "DENY")
	if isAPIPath(c.Path()) {
		c.Set("Content-Security-Policy", apiCSP)
	} else {
		c.Set("Content-Security-Policy", webCSP)
	}
	return c.Next()
}

// isAPIPath tells the API and the probes from the web app.
func isAPIPath(p string) bool {
	return p == "/api" || strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/readyz" || p == "/robots.txt"
}

// authenticate requires a valid bearer token of a live session and an enabled account.
func (s *Server) authenticate(c *fiber.Ctx) error {
	h := c.Get(fiber.HeaderAuthorization)
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || token == "" {
		c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="peerbridge"`)
		return domain.Errorf(domain.CodeUnauthenticated, "Sign in first: send an access token as Authorization: Bearer.")
	}
	actor, err := s.svc.Authenticate(c.UserContext(), token)
	if err != nil {
		if domain.IsCode(err, domain.CodeUnauthenticated) {
			c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="peerbridge", error="invalid_token"`)
		}
		return err
	}
	c.Locals(actorKey, &actor)
	c.SetUserContext(context.WithValue(c.UserContext(), actorKey, &actor))
	return c.Next()
}

// actorOf returns the caller, or an anonymous actor.
func actorOf(c *fiber.Ctx) *domain.Actor {
	if a, ok := c.Locals(actorKey).(*domain.Actor); ok {
		return a
	}
	return &domain.Actor{}
}

// idempotent replays the stored response of a creating POST retried with the same
// Idempotency-Key, user, route and body. Only successful responses are kept: a failed request
// changed nothing, so its retry runs again.
func (s *Server) idempotent(c *fiber.Ctx) error {
	key := c.Get("Idempotency-Key")
	if key == "" {
		return c.Next()
	}
	if len(key) > 200 {
		return domain.Invalid(domain.FieldError{Field: "Idempotency-Key", Message: "must be at most 200 characters"})
	}
	key = strings.Clone(key)
	actor := actorOf(c)
	route := c.Method() + " " + routePattern(c) + " " + c.Path()
	sum := sha256.Sum256(c.Body())
	ctx := c.UserContext()
	stored, err := s.idempotency.ClaimIdempotencyKey(ctx, actor.UserID, route, key, sum[:])
	if err != nil {
		return err
	}
	if stored != nil {
		for k, v := range stored.Headers {
			c.Set(k, v)
		}
		c.Set("Idempotent-Replayed", "true")
		c.Set(fiber.HeaderContentType, stored.ContentType)
		return c.Status(stored.Status).Send(stored.Body)
	}
	if err := c.Next(); err != nil {
		_ = s.idempotency.ReleaseIdempotencyKey(context.WithoutCancel(ctx), actor.UserID, route, key)
		return err
	}
	status := c.Response().StatusCode()
	if status < 200 || status >= 300 {
		return s.idempotency.ReleaseIdempotencyKey(context.WithoutCancel(ctx), actor.UserID, route, key)
	}
	headers := map[string]string{}
	for _, h := range []string{fiber.HeaderLocation, fiber.HeaderETag} {
		if v := c.GetRespHeader(h); v != "" {
			headers[h] = v
		}
	}
	return s.idempotency.CompleteIdempotencyKey(context.WithoutCancel(ctx), actor.UserID, route, key, postgres.StoredResponse{
		Status: status, ContentType: string(c.Response().Header.ContentType()), Body: append([]byte(nil), c.Response().Body()...), Headers: headers,
	})
}
