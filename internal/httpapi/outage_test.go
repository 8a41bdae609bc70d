package httpapi_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// cutProxy forwards TCP to PostgreSQL and can cut every connection and refuse new ones, which is
// what the server sees when the database goes down.
type cutProxy struct {
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
	steps  []string // see cutOn
	cut    bool
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	p := &cutProxy{target: target}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.down)
	return p
}

// throughCutProxy routes database URL dsn through a new cuttable proxy, with a short connect
// timeout and the further query settings given as name, value pairs.
func throughCutProxy(t *testing.T, dsn string, settings ...string) (string, *cutProxy) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newCutProxy(t, u.Host)
	u.Host = proxy.addr
	q := u.Query()
	q.Set("connect_timeout", "2")
	for i := 0; i+1 < len(settings); i += 2 {
		q.Set(settings[i], settings[i+1])
	}
	u.RawQuery = q.Encode()
	return u.String(), proxy
}

func (p *cutProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { p.forward(u, c); u.Close() }()
			go func() { _, _ = io.Copy(c, u); c.Close() }()
		}
	}()
}

// forward copies what the server sends to PostgreSQL, cutting everything instead of passing on the
// message that completes the armed steps.
func (p *cutProxy) forward(dst, src net.Conn) {
	buf := make([]byte, 64<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if p.reached(buf[:n]) {
				p.down()
				return
			}
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// cutOn arms the proxy: the database goes down when the server sends, one after the other,
// messages holding each of steps (SQL text, or an id in it). The DSN uses the simple protocol, so
// every statement travels as text with its values.
func (p *cutProxy) cutOn(steps ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.steps, p.cut = steps, false
}

func (p *cutProxy) reached(msg []byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.steps) == 0 || !bytes.Contains(msg, []byte(p.steps[0])) {
		return false
	}
	p.steps = p.steps[1:]
	p.cut = len(p.steps) == 0
	return p.cut
}

// wasCut reports whether the armed steps were reached.
func (p *cutProxy) wasCut() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cut
}

// down stops accepting and cuts every open connection.
func (p *cutProxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// up listens again on the same address.
func (p *cutProxy) up(t *testing.T) {
	var ln net.Listener
	var err error
	for range 50 {
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	p.serve(ln)
}

func TestDatabaseOutageAnswers503AndRecoversByItself(t *testing.T) {
	proxied, proxy := throughCutProxy(t, testdb.New(t))
	e := newEnvWithURL(t, proxied, httpapi.Options{})
	w := &world{env: e}
	org := e.org("Jobcentrum", "BE")
	e.user("coord@example.org", org, true)
	token := e.login("coord@example.org")
	must(t, e.get("/api/v1/programmes", token), 200)
	must(t, e.get("/readyz", ""), 200)

	proxy.down()
	for _, path := range []string{"/api/v1/programmes", "/api/v1/me"} {
		r := must(t, e.get(path, token), 503)
		if r.Header.Get("Retry-After") == "" || r.Header.Get("Content-Type") != "application/problem+json" || r.code() != "service_unavailable" {
			t.Fatalf("%s during outage: %v %s", path, r.Header, r.Body)
		}
	}
	r := must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "coord@example.org", "password": testPassword}}), 503)
	if r.code() != "service_unavailable" {
		t.Fatalf("login during outage: %s", r.Body)
	}
	must(t, e.get("/readyz", ""), 503)
	must(t, e.get("/healthz", ""), 200)

	proxy.up(t)
	deadline := time.Now().Add(15 * time.Second)
	for {
		r := e.get("/api/v1/programmes", token)
		if r.Status == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("did not recover after the database came back: %d %s", r.Status, r.Body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	must(t, e.get("/readyz", ""), 200)
}

// newProxiedEnv is a server whose database connections pass through a cuttable proxy. Statements
// use the simple protocol, so the proxy sees their text and values; no connection is kept idle,
// so after a cut no half-dead one is left in the pool.
func newProxiedEnv(t *testing.T) (*env, *cutProxy) {
	proxied, proxy := throughCutProxy(t, testdb.New(t), "default_query_exec_mode", "simple_protocol")
	e := newEnvWithURL(t, proxied, httpapi.Options{})
	e.db.SQL().SetMaxIdleConns(0)
	return e, proxy
}

// The database goes down in the middle of a request, exactly where a service used to turn any
// error of a lookup into "not a practice you can see" (400) or "not found" (404). The answer must
// be 503 problem+json with Retry-After, and nothing may be written: a create that reads its
// object back does so before it commits.
func TestDatabaseCutMidRequestAnswers503NeverA4xx(t *testing.T) {
	e, proxy := newProxiedEnv(t)
	w := adaptationWorldOn(reviewWorldOn(worldOn(e)))
	prog := "/api/v1/programmes/" + w.prog.ID.String()
	adaptation := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
	product := must(t, w.do(req{method: "POST", path: prog + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Regional employer pool", "kind": "network", "status": "in_development", "inspired_by_practice_ids": []string{w.practiceID},
	}}), 201).json(t)["id"].(string)
	random := uuid.NewString()
	retitled := func(title string) map[string]any { b := w.validBody(); b["title"] = title; return b }

	tables := []string{"adaptations", "new_products", "rounds", "comments", "decisions", "audit_log"}
	counts := func() map[string]int {
		out := map[string]int{}
		for _, table := range tables {
			var n int
			if err := w.db.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
				t.Fatalf("count %s: %v", table, err)
			}
			out[table] = n
		}
		return out
	}

	cases := []struct {
		name  string
		steps []string // where the database goes down, see cutProxy.cutOn
		req   req
	}{
		{"create adaptation, reading its source practice", []string{w.practiceID},
			req{method: "POST", path: prog + "/adaptations", token: w.partnerDE, body: retitled("Cut at the source")}},
		{"create adaptation, checking who may see the source", []string{w.practiceID, "memberships"},
			req{method: "POST", path: prog + "/adaptations", token: w.partnerDE, body: retitled("Cut at the scope")}},
		{"create adaptation, reading it back", []string{"adopting_organisation_name"},
			req{method: "POST", path: prog + "/adaptations", token: w.partnerDE, body: retitled("Cut at the read-back")}},
		{"read adaptation, checking the caller's programme", []string{"adopting_organisation_name", "memberships"},
			req{method: "GET", path: "/api/v1/adaptations/" + adaptation, token: w.partnerDE}},
		{"read product, checking the caller's programme", []string{"new_products", "memberships"},
			req{method: "GET", path: "/api/v1/products/" + product, token: w.tok["partner"]}},
		{"read rubric, checking the caller's programme", []string{"FROM rubrics", "memberships"},
			req{method: "GET", path: "/api/v1/rubrics/" + w.rubricID, token: w.tok["partner"]}},
		{"create product, checking its provenance", []string{w.practiceID},
			req{method: "POST", path: prog + "/products", token: w.partnerDE, body: map[string]any{
				"title": "Cut at the provenance", "kind": "tool", "status": "idea", "inspired_by_practice_ids": []string{w.practiceID}}}},
		{"create round, reading its rubric", []string{"FROM rubrics"},
			req{method: "POST", path: prog + "/rounds", token: w.tok["coordinator"], body: map[string]any{
				"name": "Cut round", "rubric_id": random, "due_at": time.Now().Add(14 * 24 * time.Hour).UTC().Format(time.RFC3339),
				"reviewers_per_practice": 2, "max_load": 3}}},
		{"decide, reading the round", []string{"FROM rounds"},
			req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/decision", token: w.tok["coordinator"], body: map[string]any{
				"round_id": random, "outcome": "good_practice", "rationale": "Strong evidence."}}},
		{"reply to a comment, reading the parent", []string{"FROM comments"},
			req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["partner"], body: map[string]any{
				"body": "A reply", "parent_id": random}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := counts()
			proxy.cutOn(c.steps...)
			r := w.do(c.req)
			if !proxy.wasCut() {
				t.Fatalf("the request never reached %q (status %d: %s)", c.steps, r.Status, r.Body)
			}
			if r.Status != 503 || r.code() != "service_unavailable" || r.Header.Get("Retry-After") == "" || r.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s %s with the database cut: %d %s %v", c.req.method, c.req.path, r.Status, r.Body, r.Header)
			}
			proxy.cutOn()
			proxy.up(t)
			deadline := time.Now().Add(15 * time.Second)
			for w.get("/readyz", "").Status != 200 {
				if time.Now().After(deadline) {
					t.Fatal("did not recover after the database came back")
				}
				time.Sleep(50 * time.Millisecond)
			}
			if after := counts(); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("a request answered %d wrote rows: before %v, after %v", r.Status, before, after)
			}
		})
	}
}
