package httpapi_test

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

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
			go func() { _, _ = io.Copy(u, c); u.Close() }()
			go func() { _, _ = io.Copy(c, u); c.Close() }()
		}
	}()
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
	dsn := testdb.New(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newCutProxy(t, u.Host)
	u.Host = proxy.addr
	q := u.Query()
	q.Set("connect_timeout", "2")
	u.RawQuery = q.Encode()
	e := newEnvWithURL(t, u.String(), httpapi.Options{})
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
