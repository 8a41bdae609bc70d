// Package httpapi is the only package that imports the web framework: the server, its routes,
// middleware, handlers and the JSON shapes of the API.
package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// IdempotencyStore keeps the responses of creating POSTs. The middleware runs the whole request
// in one WithTx transaction, which the services join through the context, so the handler's
// writes and the stored response commit together or not at all. *postgres.Store implements it.
type IdempotencyStore interface {
	// WithTx runs fn in a transaction carried by the context it passes on.
	WithTx(ctx context.Context, fn func(ctx context.Context) error) error
	// ClaimIdempotencyKey reserves the key in ctx's transaction, waiting at most wait for a
	// concurrent request with the same key; it returns the stored response of a completed one.
	ClaimIdempotencyKey(ctx context.Context, userID uuid.UUID, route, key string, bodyHash []byte, wait time.Duration) (*domain.StoredResponse, error)
	// StoreIdempotentResponse records the answer in the transaction of the claim.
	StoreIdempotentResponse(ctx context.Context, userID uuid.UUID, route, key string, r domain.StoredResponse) error
	// PurgeIdempotencyKeys forgets at most limit keys older than olderThan.
	PurgeIdempotencyKeys(ctx context.Context, olderThan time.Duration, limit int) (int64, error)
}

// Server holds every dependency of the HTTP layer, passed in explicitly.
type Server struct {
	app         *fiber.App
	svc         *service.Service
	idempotency IdempotencyStore
	log         *slog.Logger
	opts        Options
	allowed     *allowedMethods
	exportSlots exportSlots
	heavy       heavyClasses
	compression *apiCompression
	// oversizeMark tells readBody that requestConfig refused a body on its announced length.
	oversizeMark string
}

// Options configure the HTTP server.
type Options struct {
	BodyLimit      int
	TrustedProxies []string
	WebDir         string
	RequestTimeout time.Duration
	// IdempotencyWait bounds how long a request waits for another one with the same
	// Idempotency-Key before answering 409 idempotency_key_in_progress.
	IdempotencyWait time.Duration
	// MaxExports bounds the exports this instance prepares or sends at once (default 4); more
	// are answered 429.
	MaxExports int
	// HeavySlots is how many requests of each heavy class (search and practice lists with
	// learning matches, round results, dashboard) run at once on this instance (default 4); HeavyQueueWait is how long
	// one more waits for a slot before it is answered 503 overloaded (default 500 ms).
	HeavySlots     int
	HeavyQueueWait time.Duration
	// SpoolDir holds exports while they are sent (default: the system's temporary directory).
	SpoolDir string
}

// compressionCacheBytes bounds the answers apiCompression remembers, with their compressed forms.
const compressionCacheBytes = 16 << 20

// New builds the server and its routes.
func New(svc *service.Service, idem IdempotencyStore, log *slog.Logger, opts Options) *Server {
	if opts.BodyLimit == 0 {
		opts.BodyLimit = 1 << 20
	}
	if opts.RequestTimeout == 0 {
		opts.RequestTimeout = 30 * time.Second
	}
	if opts.IdempotencyWait == 0 {
		opts.IdempotencyWait = 5 * time.Second
	}
	if opts.MaxExports <= 0 {
		opts.MaxExports = 4
	}
	if opts.HeavySlots <= 0 {
		opts.HeavySlots = 4
	}
	if opts.HeavyQueueWait == 0 {
		opts.HeavyQueueWait = 500 * time.Millisecond
	}
	s := &Server{svc: svc, idempotency: idem, log: log, opts: opts, exportSlots: make(exportSlots, opts.MaxExports),
		heavy: newHeavyClasses(opts.HeavySlots, opts.HeavyQueueWait), compression: newAPICompression(compressionCacheBytes), oversizeMark: uuid.NewString()}
	cfg := fiber.Config{
		AppName:   "peerbridge",
		BodyLimit: opts.BodyLimit,
		// Bodies are streams, so that attachments are never held whole; readBody reads every
		// other body in full, within BodyLimit, before its handler (bodies.go).
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true,
		ReadTimeout:                  15 * time.Second,
		WriteTimeout:                 60 * time.Second,
		IdleTimeout:                  90 * time.Second,
		ReadBufferSize:               16 * 1024,
		DisableStartupMessage:        true,
		ErrorHandler:                 s.errorHandler,
		JSONEncoder:                  jsonMarshal,
		JSONDecoder:                  json.Unmarshal,
	}
	if len(opts.TrustedProxies) > 0 {
		cfg.EnableTrustedProxyCheck = true
		cfg.TrustedProxies = opts.TrustedProxies
		cfg.ProxyHeader = fiber.HeaderXForwardedFor
	}
	s.app = fiber.New(cfg)
	s.app.Server().HeaderReceived = s.requestConfig
	s.routes()
	return s
}

// App exposes the Fiber app for tests (app.Test) and for listing routes.
func (s *Server) App() *fiber.App { return s.app }

// Listen serves on addr until ctx is cancelled, then shuts down gracefully: in-flight requests
// finish, new connections are refused, and it returns within grace.
func (s *Server) Listen(ctx context.Context, addr string, grace time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- s.app.Listen(addr) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", grace.String())
	if err := s.app.ShutdownWithTimeout(grace); err != nil {
		return err
	}
	return <-errc
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
