package httpapi

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
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

// errRollback ends an idempotent request's transaction without committing it.
var errRollback = errors.New("idempotent request rolled back")

// purgeEvery: about one in this many completed idempotent requests also forgets a small batch
// of keys older than a day, so the table stays bounded without a lock on anything in use.
const (
	purgeEvery     = 64
	purgeBatch     = 500
	idempotencyTTL = 24 * time.Hour
)

// idempotent replays the stored response of a creating POST retried with the same
// Idempotency-Key, user, route and body.
//
// The whole request runs in one transaction that the services join through the context: the
// key is claimed in it, the handler writes in it, and a 2xx answer is stored in it before it
// commits. So after any failure a retry either replays the original answer or runs for the
// first time; it never creates a second object. A failed or non-2xx request rolls back and
// leaves neither its writes nor the key. A concurrent request with the same key waits for the
// first transaction to end (at most Options.IdempotencyWait, then 409 with Retry-After).
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
	outer := c.UserContext()
	var replay *domain.StoredResponse
	var handlerErr error
	err := s.idempotency.WithTx(outer, func(ctx context.Context) error {
		stored, err := s.idempotency.ClaimIdempotencyKey(ctx, actor.UserID, route, key, sum[:], s.opts.IdempotencyWait)
		if err != nil {
			return err
		}
		if stored != nil {
			replay = stored
			return errRollback
		}
		c.SetUserContext(ctx)
		defer c.SetUserContext(outer)
		if handlerErr = c.Next(); handlerErr != nil {
			return handlerErr
		}
		status := c.Response().StatusCode()
		if status < 200 || status >= 300 {
			return errRollback
		}
		headers := map[string]string{}
		for _, h := range []string{fiber.HeaderLocation, fiber.HeaderETag} {
			if v := c.GetRespHeader(h); v != "" {
				headers[h] = v
			}
		}
		return s.idempotency.StoreIdempotentResponse(ctx, actor.UserID, route, key, domain.StoredResponse{
			Status: status, ContentType: string(c.Response().Header.ContentType()), Body: append([]byte(nil), c.Response().Body()...), Headers: headers,
		})
	})
	switch {
	case replay != nil:
		for k, v := range replay.Headers {
			c.Set(k, v)
		}
		c.Set("Idempotent-Replayed", "true")
		c.Set(fiber.HeaderContentType, replay.ContentType)
		return c.Status(replay.Status).Send(replay.Body)
	case handlerErr != nil:
		return handlerErr
	case errors.Is(err, errRollback):
		return nil
	case err != nil:
		// Nothing was recorded (or, when only the commit's outcome is unknown, a retry will
		// replay it): the answer the handler built must not reach the client.
		c.Response().Header.Del(fiber.HeaderLocation)
		c.Response().Header.Del(fiber.HeaderETag)
		c.Response().ResetBody()
		return err
	}
	if rand.IntN(purgeEvery) == 0 {
		if _, err := s.idempotency.PurgeIdempotencyKeys(outer, idempotencyTTL, purgeBatch); err != nil {
			s.log.WarnContext(outer, "purging old idempotency keys failed", "request_id", requestID(c), "error", err.Error())
		}
	}
	return nil
}
