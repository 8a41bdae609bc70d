package httpapi_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// webEnv serves a minimal built web app next to the API.
func webEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"index.html":          `<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>`,
		"assets/index-abc.js": `console.log("app")`,
		"favicon.svg":         `<svg xmlns="http://www.w3.org/2000/svg"/>`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return newEnvWithURL(t, testdb.New(t), httpapi.Options{WebDir: dir})
}

func cspDirectives(h string) map[string]string {
	out := map[string]string{}
	for _, d := range strings.Split(h, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		if name != "" {
			out[name] = value
		}
	}
	return out
}

// TestContentSecurityPolicy: API answers forbid everything; the web app may load only its own
// scripts (never inline ones) and cannot be framed; the docs page keeps its own policy.
func TestContentSecurityPolicy(t *testing.T) {
	e := webEnv(t)
	api := []string{"/api/v1/public/practices", "/api/v1/me", "/api/v1/no-such-thing", "/api/openapi.yaml", "/healthz"}
	for _, p := range api {
		r := e.get(p, "")
		d := cspDirectives(r.Header.Get("Content-Security-Policy"))
		if d["default-src"] != "'none'" || d["frame-ancestors"] != "'none'" {
			t.Errorf("%s (%d): API policy %q, want default-src 'none' and frame-ancestors 'none'", p, r.Status, r.Header.Get("Content-Security-Policy"))
		}
	}
	for _, p := range []string{"/", "/programmes/123", "/catalogue", "/assets/index-abc.js", "/favicon.svg"} {
		r := must(t, e.get(p, ""), 200)
		h := r.Header.Get("Content-Security-Policy")
		d := cspDirectives(h)
		if d["script-src"] != "'self'" {
			t.Errorf("%s: script-src %q, want only 'self' (no inline scripts): %s", p, d["script-src"], h)
		}
		if d["frame-ancestors"] != "'none'" || d["object-src"] != "'none'" || d["default-src"] != "'self'" {
			t.Errorf("%s: web policy too loose or missing: %q", p, h)
		}
		if !strings.Contains(d["style-src"], "'self'") || !strings.Contains(d["connect-src"], "'self'") {
			t.Errorf("%s: the app could not load its styles or call its API under %q", p, h)
		}
		if strings.Contains(h, "unsafe-eval") || strings.Contains(h, "*") {
			t.Errorf("%s: web policy allows eval or any origin: %q", p, h)
		}
	}
	docs := must(t, e.get("/api/docs", ""), 200)
	if got := docs.Header.Get("Content-Security-Policy"); got != "default-src 'none'; style-src 'unsafe-inline'" {
		t.Errorf("/api/docs policy %q", got)
	}
}

// robotsAllowed applies robots.txt rules the way major crawlers do (RFC 9309): the longest
// matching path prefix wins, Allow wins a tie; "$" anchors the end.
func robotsAllowed(robots, p string) bool {
	best, allowed := -1, true
	for _, line := range strings.Split(robots, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if (k != "allow" && k != "disallow") || v == "" {
			continue
		}
		match := strings.HasPrefix(p, strings.TrimSuffix(v, "$"))
		if strings.HasSuffix(v, "$") {
			match = p == strings.TrimSuffix(v, "$")
		}
		if match && (len(v) > best || (len(v) == best && k == "allow")) {
			best, allowed = len(v), k == "allow"
		}
	}
	return allowed
}

// TestRobotsTxt: a real robots file, not the app's HTML, that opens the public catalogue and
// closes the API and the signed-in pages.
func TestRobotsTxt(t *testing.T) {
	e := webEnv(t)
	r := must(t, e.get("/robots.txt", ""), 200)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Fatalf("robots.txt content type %q", ct)
	}
	body := string(r.Body)
	if strings.Contains(body, "<") || !strings.Contains(body, "User-agent: *") {
		t.Fatalf("robots.txt is not a robots file:\n%s", body)
	}
	for _, p := range []string{"/catalogue", "/catalogue/2b1f6d1e-0000-4000-8000-000000000000", "/api/v1/public/practices", "/api/v1/public/practices/x", "/assets/index-abc.js"} {
		if !robotsAllowed(body, p) {
			t.Errorf("%s is closed to crawlers", p)
		}
	}
	for _, p := range []string{"/api/v1/me", "/api/v1/programmes", "/api/docs", "/programmes", "/programmes/1/practices", "/practices/1", "/admin/users", "/account", "/login", "/invitations/secret-token", "/reviews/1"} {
		if robotsAllowed(body, p) {
			t.Errorf("%s is open to crawlers", p)
		}
	}
}

// TestWebAppHasNoInlineScript guards the web policy from the other side: script-src 'self'
// blocks inline scripts, so the app's HTML entry point must load every script from a file.
func TestWebAppHasNoInlineScript(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "frontend", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	scripts := regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`).FindAllStringSubmatch(string(b), -1)
	if len(scripts) == 0 {
		t.Fatal("frontend/index.html loads no script: the check is not reading the app")
	}
	for _, s := range scripts {
		if !strings.Contains(s[1], "src=") || strings.TrimSpace(s[2]) != "" {
			t.Errorf("inline script in frontend/index.html (blocked by the Content-Security-Policy): %s", s[0])
		}
	}
	if regexp.MustCompile(`(?i)\son[a-z]+=`).Match(b) {
		t.Error("an inline event handler in frontend/index.html (blocked by the Content-Security-Policy)")
	}
}
