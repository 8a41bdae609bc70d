package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

const (
	testSecret   = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
	testIssuer   = "peerbridge"
	testAudience = "peerbridge-api"
	testPassword = "correct horse battery"
)

// cheap argon2 parameters: the race detector makes the production cost very slow.
var cheap = auth.Params{MemoryKiB: 64, Time: 1, Threads: 1}

// env is one test's server on its own database.
type env struct {
	t      *testing.T
	db     *postgres.DB
	store  *postgres.Store
	svc    *service.Service
	server *httpapi.Server
	log    *bytes.Buffer
	hasher *auth.Hasher
}

func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWithURL(t, testdb.New(t), httpapi.Options{})
}

func newEnvWithURL(t *testing.T, dsn string, opts httpapi.Options) *env {
	t.Helper()
	logBuf := &bytes.Buffer{}
	log := slog.New(slog.NewJSONHandler(&lockedWriter{w: logBuf}, nil))
	db, err := postgres.Open(dsn, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logBuf.String())
		}
	})
	store := postgres.NewStore(db)
	hasher := auth.NewHasherWithParams(4, cheap)
	svc := service.New(service.Options{
		Stores: service.Stores{
			Tx: store, Audit: store, Organisations: store, Users: store, Sessions: store, Programmes: store,
			Invitations: store, Practices: store, Comments: store, Rubrics: store, Rounds: store, Assignments: store, Bids: store,
			Reviews: store, Notifications: store, Adaptations: store, Dashboards: store, Exports: store, Calls: store,
			Discussions: store, Reminders: store, Activities: store, Calendars: store, Learning: store, Accounts: store, Reports: store,
			Attachments: store, Catalogue: store,
		},
		Hasher: hasher, Log: log, PublicURL: "http://peerbridge.test",
		Signer: auth.NewSigner([]byte(testSecret), testIssuer, testAudience, 15*time.Minute, nil),
	})
	if opts.WebDir == "" {
		opts.WebDir = t.TempDir()
	}
	if opts.BodyLimit == 0 {
		opts.BodyLimit = 64 * 1024
	}
	return &env{t: t, db: db, store: store, svc: svc, server: httpapi.New(svc, store, log, opts), log: logBuf, hasher: hasher}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// response is a finished request.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response is not a JSON object (status %d): %s", r.Status, r.Body)
	}
	return m
}

func (r response) code() string {
	var p struct{ Code string }
	_ = json.Unmarshal(r.Body, &p)
	return p.Code
}

// req describes one request.
type req struct {
	method, path, token string
	body                any
	header              map[string]string
	// faultInjected marks a request whose failure the test causes on purpose (a 500 from an
	// injected crash), so its answer is not held to the contract.
	faultInjected bool
}

func (e *env) do(r req) response {
	e.t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		body = bytes.NewReader(j)
	}
	hr := httptest.NewRequest(r.method, r.path, body)
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		hr.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	res, err := e.server.App().Test(hr, -1)
	if err != nil {
		e.t.Fatalf("%s %s: %v", r.method, r.path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	out := response{Status: res.StatusCode, Header: res.Header, Body: b}
	if !r.faultInjected {
		e.checkResponse(r.method, r.path, out)
	}
	return out
}

func (e *env) get(path, token string) response {
	return e.do(req{method: "GET", path: path, token: token})
}

// must fails the test unless r has status.
func must(t *testing.T, r response, status int) response {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	return r
}

// fixtures ------------------------------------------------------------------------------

func (e *env) org(name, country string) domain.Organisation {
	e.t.Helper()
	o, err := e.store.CreateOrganisation(context.Background(), domain.Organisation{ID: uuid.New(), Name: name, Country: country, Kind: "ngo", Version: 1})
	if err != nil {
		e.t.Fatal(err)
	}
	return o
}

func (e *env) user(email string, org domain.Organisation, admin bool) domain.User {
	e.t.Helper()
	hash, err := e.hasher.Hash(context.Background(), testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	u, err := e.store.CreateUser(context.Background(), domain.User{ID: uuid.New(), Email: email, Name: strings.Split(email, "@")[0],
		OrganisationID: org.ID, PasswordHash: hash, Languages: []string{"en"}, Expertise: []string{}, IsAdmin: admin, Version: 1})
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

func (e *env) programme(name string) domain.Programme {
	e.t.Helper()
	p, err := e.store.CreateProgramme(context.Background(), domain.Programme{ID: uuid.New(), Name: name, Version: 1,
		Themes: []domain.Keyed{{Key: "upscaling", Title: "Scaling up"}}, Languages: []string{"en"}})
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

func (e *env) member(p domain.Programme, u domain.User, roles ...domain.Role) {
	e.t.Helper()
	if _, err := e.store.PutMembership(context.Background(), p.ID, u.ID, roles); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) login(email string) string {
	e.t.Helper()
	r := must(e.t, e.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": email, "password": testPassword}}), 200)
	return r.json(e.t)["access_token"].(string)
}

func (e *env) loginPair(email string) (access, refresh string) {
	e.t.Helper()
	r := must(e.t, e.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": email, "password": testPassword}}), 200)
	m := r.json(e.t)
	return m["access_token"].(string), m["refresh_token"].(string)
}

// world is a small programme with every role, and an outsider in another programme.
type world struct {
	*env
	prog, other                                       domain.Programme
	orgBE, orgNL, orgFR                               domain.Organisation
	admin, coord, partner, reviewer, outsider, other2 domain.User
	tok                                               map[string]string
}

func newWorld(t *testing.T) *world { return worldOn(newEnv(t)) }

// worldOn builds the world on a given server, for tests that need a special one.
func worldOn(e *env) *world {
	w := &world{env: e, tok: map[string]string{}}
	w.orgBE, w.orgNL, w.orgFR = e.org("Jobcentrum", "BE"), e.org("Werkbrug", "NL"), e.org("Retour", "FR")
	w.prog, w.other = e.programme("Return to work"), e.programme("Second track")
	w.admin = e.user("admin@example.org", w.orgBE, true)
	w.coord = e.user("coord@example.org", w.orgBE, false)
	w.partner = e.user("partner@example.org", w.orgNL, false)
	w.reviewer = e.user("reviewer@example.org", w.orgFR, false)
	w.outsider = e.user("outsider@example.org", w.orgFR, false)
	w.other2 = e.user("othercoord@example.org", w.orgNL, false)
	e.member(w.prog, w.coord, domain.RoleCoordinator)
	e.member(w.prog, w.partner, domain.RolePartner)
	e.member(w.prog, w.reviewer, domain.RoleReviewer)
	e.member(w.other, w.outsider, domain.RolePartner)
	e.member(w.other, w.other2, domain.RoleCoordinator)
	for name, u := range map[string]domain.User{"admin": w.admin, "coordinator": w.coord, "partner": w.partner, "reviewer": w.reviewer, "outsider": w.outsider} {
		w.tok[name] = e.login(u.Email)
	}
	w.tok["anonymous"] = ""
	return w
}

// listen serves the app on a real loopback socket, for what app.Test cannot show (limits
// enforced by the HTTP server itself).
func (e *env) listen() string {
	e.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		e.t.Fatal(err)
	}
	go func() { _ = e.server.App().Listener(ln) }()
	e.t.Cleanup(func() { _ = e.server.App().Shutdown() })
	return "http://" + ln.Addr().String()
}
