package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

const strong = "k3J9x!mQ2#vL8pZ0rT5wY7uB4nE6cA1sD"

func TestSecretsNeverAppearInString(t *testing.T) {
	c, err := Load(env(map[string]string{
		"DATABASE_URL":             "postgres://app:s3cr3t-db-pass@db:5432/peerbridge",
		"PEERBRIDGE_JWT_SECRET":    strong,
		"PEERBRIDGE_SMTP_PASSWORD": "smtp-pass-value",
	}))
	if err != nil {
		t.Fatal(err)
	}
	s := c.String()
	for _, secret := range []string{"s3cr3t-db-pass", strong, "smtp-pass-value"} {
		if strings.Contains(s, secret) {
			t.Fatalf("String() shows a secret: %s", s)
		}
	}
	if !strings.Contains(s, "db:5432") {
		t.Fatalf("String() should still say where the database is: %s", s)
	}
}

func TestServeRefusesWeakSecretsOutsideDemoMode(t *testing.T) {
	cases := map[string]struct {
		secret string
		demo   bool
		ok     bool
	}{
		"strong":              {strong, false, true},
		"missing":             {"", false, false},
		"short":               {"short-secret", false, false},
		"long but repetitive": {strings.Repeat("ab", 32), false, false},
		"missing in demo":     {"", true, true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			demo := ""
			if c.demo {
				demo = "true"
			}
			cfg, err := Load(env(map[string]string{"DATABASE_URL": "postgres://x", "PEERBRIDGE_JWT_SECRET": c.secret, "PEERBRIDGE_DEMO": demo}))
			if err != nil {
				t.Fatal(err)
			}
			if err := cfg.ValidateForServe(); (err == nil) != c.ok {
				t.Fatalf("ValidateForServe() = %v, want ok=%v", err, c.ok)
			}
		})
	}
}

func TestSecretFromFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte(strong+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(env(map[string]string{"PEERBRIDGE_JWT_SECRET_FILE": p, "PEERBRIDGE_JWT_SECRET": "ignored"}))
	if err != nil || string(c.JWTSecret) != strong {
		t.Fatalf("secret from file: %q %v", c.JWTSecret, err)
	}
	if _, err := Load(env(map[string]string{"PEERBRIDGE_JWT_SECRET_FILE": "/does/not/exist"})); err == nil {
		t.Fatal("a missing secret file must be an error")
	}
}

func TestInvalidSettingsAreNamed(t *testing.T) {
	_, err := Load(env(map[string]string{"PEERBRIDGE_PUBLIC_URL": "not a url", "PEERBRIDGE_SMTP_PORT": "99999", "PEERBRIDGE_BODY_LIMIT": "12", "PEERBRIDGE_MAX_EXPORTS": "0",
		"PEERBRIDGE_HEAVY_SLOTS": "0", "PEERBRIDGE_HEAVY_QUEUE_WAIT": "soon", "PEERBRIDGE_MEMORY_LIMIT": "2MiB", "PEERBRIDGE_REQUEST_TIMEOUT": "-1s"}))
	if err == nil {
		t.Fatal("expected errors")
	}
	for _, name := range []string{"PEERBRIDGE_PUBLIC_URL", "PEERBRIDGE_SMTP_PORT", "PEERBRIDGE_BODY_LIMIT", "PEERBRIDGE_MAX_EXPORTS",
		"PEERBRIDGE_HEAVY_SLOTS", "PEERBRIDGE_HEAVY_QUEUE_WAIT", "PEERBRIDGE_MEMORY_LIMIT", "PEERBRIDGE_REQUEST_TIMEOUT"} {
		if !strings.Contains(err.Error(), name) {
			t.Fatalf("error does not name %s: %v", name, err)
		}
	}
}

func TestDefaults(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || !c.AutoMigrate || c.BodyLimit != 1<<20 || c.MaxExports != 4 || len(c.TrustedProxies) != 0 {
		t.Fatalf("defaults: %+v", c)
	}
	if c.HeavySlots != 4 || c.HeavyQueueWait != 500*time.Millisecond || c.RequestTimeout != 30*time.Second || c.MemoryLimit != 160<<20 {
		t.Fatalf("overload defaults: %+v", c)
	}
}

func TestMemoryLimitSizes(t *testing.T) {
	cases := map[string]int64{"off": 0, "0": 0, "160MiB": 160 << 20, "1GiB": 1 << 30, "200MB": 200e6, "67108864": 64 << 20}
	for in, want := range cases {
		c, err := Load(env(map[string]string{"PEERBRIDGE_MEMORY_LIMIT": in}))
		if err != nil || c.MemoryLimit != want {
			t.Errorf("PEERBRIDGE_MEMORY_LIMIT=%s: %d, %v; want %d", in, c.MemoryLimit, err, want)
		}
	}
}
