// Command peerbridge runs the Peerbridge server and its maintenance commands.
package main

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/benchdata"
	"github.com/peerbridge/peerbridge/internal/config"
	"github.com/peerbridge/peerbridge/internal/demo"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "peerbridge:", err)
		os.Exit(1)
	}
}

const usage = `usage: peerbridge <command>

commands:
  serve                                 run the HTTP server
  migrate                               apply database migrations
  seed-demo                             load the demo programmes (idempotent)
  create-admin --email E --name N       create an administrator; password read from stdin
  bench-seed [--size small|full]        generate the realistic benchmark data set (SPEC §6)
  bench-load --url U [--pid P] …        HTTP load test of a running server on that data set, next
                                        to the same SQL run directly (see bench-load -h)
`

// run is the whole program, so that it can be tested without a process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	cfg, err := config.Load(getenv)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	switch args[0] {
	case "serve":
		return serve(ctx, cfg, getenv, log)
	case "migrate":
		return withDB(ctx, cfg, log, func(db *postgres.DB) error {
			applied, err := db.Migrate(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "migrations applied: %d\n", len(applied))
			return nil
		})
	case "seed-demo":
		return withDB(ctx, cfg, log, func(db *postgres.DB) error {
			if _, err := db.Migrate(ctx); err != nil {
				return err
			}
			svc := newService(cfg, db, log, []byte("unused-for-seeding"))
			return demo.Seed(ctx, postgres.NewStore(db), svc, stdout)
		})
	case "bench-seed":
		return benchSeed(ctx, cfg, log, args[1:], stdout)
	case "bench-load":
		return benchLoad(ctx, cfg, args[1:], stdout, stderr)
	case "create-admin":
		return createAdmin(ctx, cfg, log, args[1:], stdin, stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// benchSeed migrates the database and adds one generated programme of the chosen size.
func benchSeed(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bench-seed", flag.ContinueOnError)
	sizeName := fs.String("size", "small", "small or full")
	if err := fs.Parse(args); err != nil {
		return err
	}
	size, ok := benchdata.Sizes[*sizeName]
	if !ok {
		return fmt.Errorf("unknown size %q: use small or full", *sizeName)
	}
	return withDB(ctx, cfg, log, func(db *postgres.DB) error {
		if _, err := db.Migrate(ctx); err != nil {
			return err
		}
		// The data set has an administrator with a published password: only ever into an empty
		// installation, never next to real accounts.
		var users int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&users); err != nil {
			return err
		}
		if users > 0 {
			return fmt.Errorf("bench-seed needs an empty database; this one already has %d accounts", users)
		}
		start := time.Now()
		if err := benchdata.Generate(ctx, db.SQL(), size); err != nil {
			return err
		}
		var dbSize string
		if err := db.SQL().QueryRowContext(ctx, `SELECT pg_size_pretty(pg_database_size(current_database()))`).Scan(&dbSize); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "generated %s data set in %s; database size %s; every user's password is %q\n",
			*sizeName, time.Since(start).Round(time.Millisecond), dbSize, benchdata.Password)
		return nil
	})
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

func withDB(ctx context.Context, cfg config.Config, log *slog.Logger, fn func(*postgres.DB) error) error {
	if cfg.DatabaseURL == "" {
		return errors.New("DATABASE_URL is not set")
	}
	db, err := postgres.Open(cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// stores hands the one store to the use cases under each of the interfaces they declare.
func stores(store *postgres.Store) service.Stores {
	return service.Stores{
		Tx: store, Audit: store, Organisations: store, Users: store, Sessions: store, Programmes: store,
		Invitations: store, Practices: store, Comments: store, Rubrics: store, Rounds: store, Assignments: store, Bids: store,
		Reviews: store, Notifications: store, Adaptations: store, Dashboards: store, Exports: store, Calls: store,
		Discussions: store, Reminders: store, Activities: store, Calendars: store, Learning: store, Accounts: store, Reports: store,
		Attachments: store, Catalogue: store,
	}
}

func newService(cfg config.Config, db *postgres.DB, log *slog.Logger, secret []byte) *service.Service {
	return service.New(service.Options{
		Stores:     stores(postgres.NewStore(db)),
		Hasher:     auth.NewHasher(cfg.HashConcurrency),
		Signer:     auth.NewSigner(secret, cfg.JWTIssuer, cfg.JWTAudience, cfg.AccessTokenTTL, nil),
		Log:        log,
		PublicURL:  cfg.PublicURL,
		RefreshTTL: cfg.RefreshTokenTTL,
		// Derived from the signing secret, which every instance shares, and distinct from it.
		ClientDigestKey: clientDigestKey(secret),
	})
}

func serve(ctx context.Context, cfg config.Config, getenv func(string) string, log *slog.Logger) error {
	if err := cfg.ValidateForServe(); err != nil {
		return err
	}
	secret := cfg.JWTSecret
	if len(secret) == 0 {
		// Demo mode without a configured secret: tokens live as long as this process.
		s, err := config.RandomSecret(rand.Read)
		if err != nil {
			return err
		}
		secret = s
		log.Warn("demo mode: using a random signing key; sessions end when the server stops")
	}
	log.Info("starting", "config", cfg.String())
	applyMemoryLimit(cfg, getenv, log)
	startProfiling(ctx, getenv("PEERBRIDGE_PPROF_ADDR"), log)
	db, err := postgres.Open(cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if cfg.AutoMigrate {
		if err := migrateWithRetry(ctx, db, log); err != nil {
			return err
		}
	}
	store := postgres.NewStore(db)
	srv := httpapi.New(newService(cfg, db, log, secret), store, log, httpapi.Options{
		BodyLimit: cfg.BodyLimit, TrustedProxies: cfg.TrustedProxies, WebDir: cfg.WebDir, MaxExports: cfg.MaxExports,
		RequestTimeout: cfg.RequestTimeout, HeavySlots: cfg.HeavySlots, HeavyQueueWait: cfg.HeavyQueueWait,
	})
	var mailer service.Mailer = service.LogMailer{Log: log}
	if cfg.SMTP.Host != "" {
		mailer = service.SMTPMailer{Host: cfg.SMTP.Host, Port: cfg.SMTP.Port, Username: cfg.SMTP.Username, Password: cfg.SMTP.Password, From: cfg.SMTP.From}
	}
	workerCtx, stopWorker := context.WithCancel(context.WithoutCancel(ctx))
	workerDone := make(chan struct{})
	go func() {
		defer close(workerDone)
		service.NewWorker(store, mailer, log, cfg.PublicURL).Run(workerCtx)
	}()
	log.Info("listening", "addr", cfg.Addr, "public_url", cfg.PublicURL)
	err = srv.Listen(ctx, cfg.Addr, 20*time.Second)
	stopWorker()
	<-workerDone
	return err
}

// applyMemoryLimit sets the runtime's soft memory limit, so that the garbage collector and the
// scavenger give memory back after a burst instead of holding the peak. GOMEMLIMIT, read by the
// runtime itself, wins when it is set.
func applyMemoryLimit(cfg config.Config, getenv func(string) string, log *slog.Logger) {
	if getenv("GOMEMLIMIT") != "" || cfg.MemoryLimit <= 0 {
		return
	}
	debug.SetMemoryLimit(cfg.MemoryLimit)
	log.Info("memory limit", "bytes", cfg.MemoryLimit)
}

// migrateWithRetry waits for a database that is still starting (as under docker compose).
func migrateWithRetry(ctx context.Context, db *postgres.DB, log *slog.Logger) error {
	var err error
	for attempt := 1; attempt <= 30; attempt++ {
		var applied []string
		if applied, err = db.Migrate(ctx); err == nil {
			if len(applied) > 0 {
				log.Info("migrations applied", "versions", applied)
			}
			return nil
		}
		if !postgres.IsUnavailable(err) {
			return err
		}
		log.Warn("database not reachable yet; retrying", "attempt", attempt)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
	return err
}

func createAdmin(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("create-admin", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail address of the administrator")
	name := fs.String("name", "", "full name")
	org := fs.String("organisation", "Peerbridge secretariat", "organisation name (created when missing)")
	country := fs.String("country", "BE", "organisation country (ISO 3166-1 alpha-2)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" || *name == "" {
		return errors.New("create-admin needs --email and --name; the password is read from stdin")
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read password: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	return withDB(ctx, cfg, log, func(db *postgres.DB) error {
		if _, err := db.Migrate(ctx); err != nil {
			return err
		}
		store := postgres.NewStore(db)
		svc := newService(cfg, db, log, []byte("unused-for-create-admin"))
		u, err := demo.CreateAdmin(ctx, store, svc, *email, *name, password, *org, *country)
		if err != nil {
			var de *domain.Error
			if errors.As(err, &de) && len(de.Fields) > 0 {
				return fmt.Errorf("%s %s", de.Fields[0].Field, de.Fields[0].Message)
			}
			return err
		}
		fmt.Fprintf(stdout, "administrator created: %s (%s)\n", u.Email, u.ID)
		return nil
	})
}

// clientDigestKey is the key of the digests under which client addresses are remembered for
// throttling: derived from the signing secret, never the secret itself.
func clientDigestKey(secret []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("peerbridge client address digests"))
	return h.Sum(nil)
}
