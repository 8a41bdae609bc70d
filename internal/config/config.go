// Package config reads Peerbridge's configuration from the environment.
package config

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is the whole runtime configuration. Secrets are never printed: String masks them.
type Config struct {
	DatabaseURL     string
	Addr            string
	PublicURL       string
	JWTSecret       []byte
	JWTIssuer       string
	JWTAudience     string
	AccessTokenTTL  time.Duration
	RefreshTokenTTL time.Duration
	AutoMigrate     bool
	Demo            bool
	WebDir          string
	TrustedProxies  []string
	BodyLimit       int
	MaxExports      int
	HashConcurrency int
	// RequestTimeout is each request's deadline; one that runs out answers 503 overloaded.
	RequestTimeout time.Duration
	// HeavySlots and HeavyQueueWait are the admission limit of each heavy class of reads.
	HeavySlots     int
	HeavyQueueWait time.Duration
	// MemoryLimit is the Go runtime's soft memory limit in bytes (0: none), so that memory taken
	// by a burst goes back to the system; GOMEMLIMIT, when set, takes precedence.
	MemoryLimit int64
	SMTP        SMTP
	LogLevel    string
}

// SMTP holds the outgoing mail settings; Host empty means e-mail is logged, not sent.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
}

const minSecretBytes = 32

// Load builds a Config from getenv. It returns an error naming every invalid setting.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL:     getenv("DATABASE_URL"),
		Addr:            orDefault(getenv("PEERBRIDGE_ADDR"), "127.0.0.1:8080"),
		PublicURL:       strings.TrimRight(orDefault(getenv("PEERBRIDGE_PUBLIC_URL"), "http://127.0.0.1:8080"), "/"),
		JWTIssuer:       orDefault(getenv("PEERBRIDGE_JWT_ISSUER"), "peerbridge"),
		JWTAudience:     orDefault(getenv("PEERBRIDGE_JWT_AUDIENCE"), "peerbridge-api"),
		AccessTokenTTL:  15 * time.Minute,
		RefreshTokenTTL: 30 * 24 * time.Hour,
		AutoMigrate:     getenv("PEERBRIDGE_AUTO_MIGRATE") != "false",
		Demo:            getenv("PEERBRIDGE_DEMO") == "true",
		WebDir:          orDefault(getenv("PEERBRIDGE_WEB_DIR"), "frontend/dist"),
		BodyLimit:       1 << 20,
		MaxExports:      4,
		HashConcurrency: 4,
		RequestTimeout:  30 * time.Second,
		HeavySlots:      4,
		HeavyQueueWait:  500 * time.Millisecond,
		MemoryLimit:     defaultMemoryLimit,
		LogLevel:        orDefault(getenv("PEERBRIDGE_LOG_LEVEL"), "info"),
	}
	var errs []error
	if v := getenv("PEERBRIDGE_TRUSTED_PROXIES"); v != "" {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				c.TrustedProxies = append(c.TrustedProxies, p)
			}
		}
	}
	if v := getenv("PEERBRIDGE_ACCESS_TOKEN_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_ACCESS_TOKEN_TTL: not a positive duration"))
		}
		c.AccessTokenTTL = d
	}
	if v := getenv("PEERBRIDGE_BODY_LIMIT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1024 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_BODY_LIMIT: must be an integer >= 1024"))
		}
		c.BodyLimit = n
	}
	if v := getenv("PEERBRIDGE_MAX_EXPORTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_MAX_EXPORTS: must be a positive integer"))
		}
		c.MaxExports = n
	}
	if v := getenv("PEERBRIDGE_REQUEST_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_REQUEST_TIMEOUT: not a positive duration"))
		}
		c.RequestTimeout = d
	}
	if v := getenv("PEERBRIDGE_HEAVY_SLOTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_HEAVY_SLOTS: must be a positive integer"))
		}
		c.HeavySlots = n
	}
	if v := getenv("PEERBRIDGE_HEAVY_QUEUE_WAIT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_HEAVY_QUEUE_WAIT: not a duration >= 0"))
		}
		c.HeavyQueueWait = d
	}
	if v := getenv("PEERBRIDGE_MEMORY_LIMIT"); v != "" {
		n, err := parseBytes(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_MEMORY_LIMIT: %w", err))
		}
		c.MemoryLimit = n
	}
	secret, err := readSecret(getenv, "PEERBRIDGE_JWT_SECRET")
	if err != nil {
		errs = append(errs, err)
	}
	c.JWTSecret = secret
	c.SMTP = SMTP{
		Host:     getenv("PEERBRIDGE_SMTP_HOST"),
		Username: getenv("PEERBRIDGE_SMTP_USERNAME"),
		From:     orDefault(getenv("PEERBRIDGE_SMTP_FROM"), "Peerbridge <no-reply@peerbridge.invalid>"),
		Port:     587,
	}
	if v := getenv("PEERBRIDGE_SMTP_PORT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 || n > 65535 {
			errs = append(errs, fmt.Errorf("PEERBRIDGE_SMTP_PORT: not a port number"))
		}
		c.SMTP.Port = n
	}
	if pw, err := readSecret(getenv, "PEERBRIDGE_SMTP_PASSWORD"); err != nil {
		errs = append(errs, err)
	} else {
		c.SMTP.Password = string(pw)
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("PEERBRIDGE_PUBLIC_URL: must be an absolute http(s) URL"))
	}
	return c, errors.Join(errs...)
}

// ValidateForServe checks what only the server needs: a database and a strong signing key.
func (c Config) ValidateForServe() error {
	var errs []error
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("DATABASE_URL is not set"))
	}
	if len(c.JWTSecret) == 0 && !c.Demo {
		errs = append(errs, errors.New("PEERBRIDGE_JWT_SECRET (or PEERBRIDGE_JWT_SECRET_FILE) is not set"))
	} else if len(c.JWTSecret) < minSecretBytes && !c.Demo {
		errs = append(errs, fmt.Errorf("PEERBRIDGE_JWT_SECRET is too weak: at least %d bytes of random data are required", minSecretBytes))
	} else if len(c.JWTSecret) > 0 && weakSecret(c.JWTSecret) && !c.Demo {
		errs = append(errs, errors.New("PEERBRIDGE_JWT_SECRET is too weak: it repeats too few distinct bytes"))
	}
	return errors.Join(errs...)
}

// weakSecret rejects secrets such as "aaaa…" or "changeme…" that are long but carry little entropy.
func weakSecret(s []byte) bool {
	distinct := map[byte]struct{}{}
	for _, b := range s {
		distinct[b] = struct{}{}
	}
	return len(distinct) < 12
}

// readSecret reads NAME or, when NAME_FILE is set, the file it names. A base64 value is used as is:
// its text already carries the entropy.
func readSecret(getenv func(string) string, name string) ([]byte, error) {
	if path := getenv(name + "_FILE"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s_FILE: cannot read the file", name)
		}
		return []byte(strings.TrimSpace(string(b))), nil
	}
	return []byte(getenv(name)), nil
}

// defaultMemoryLimit keeps the heap of one instance near SPEC §6's 200 MB of server memory.
const defaultMemoryLimit = 160 << 20

// parseBytes reads a size such as 160MiB, 1GiB, 200MB or 167772160; "off" or 0 means no limit.
func parseBytes(v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "off" || v == "0" {
		return 0, nil
	}
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"kB", 1e3}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			v, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return 0, errors.New("not a size such as 160MiB, or off")
	}
	if n*mult < 16<<20 {
		return 0, errors.New("must be at least 16MiB, or off")
	}
	return n * mult, nil
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// String describes the configuration with every secret masked, for logs.
func (c Config) String() string {
	return fmt.Sprintf("addr=%s public_url=%s database_url=%s jwt_secret=%s auto_migrate=%t demo=%t web_dir=%s smtp_host=%s smtp_password=%s trusted_proxies=%v",
		c.Addr, c.PublicURL, MaskURL(c.DatabaseURL), mask(c.JWTSecret), c.AutoMigrate, c.Demo, c.WebDir, c.SMTP.Host, mask([]byte(c.SMTP.Password)), c.TrustedProxies)
}

func mask(b []byte) string {
	if len(b) == 0 {
		return "(unset)"
	}
	return "***"
}

// MaskURL hides the password of a connection URL.
func MaskURL(raw string) string {
	if raw == "" {
		return "(unset)"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
	}
	return u.Redacted()
}

// RandomSecret is used by demo mode when no secret is configured: tokens then last one process.
func RandomSecret(read func([]byte) (int, error)) ([]byte, error) {
	b := make([]byte, 48)
	if _, err := read(b); err != nil {
		return nil, err
	}
	return []byte(base64.RawStdEncoding.EncodeToString(b)), nil
}
