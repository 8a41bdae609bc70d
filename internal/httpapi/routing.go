package httpapi

import (
	"regexp"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// allowedMethods knows, for each API path pattern, the methods it answers, so that a known path
// asked with another method is a 405 naming them in Allow rather than a 404.
type allowedMethods struct {
	patterns []routeMethods
}

type routeMethods struct {
	re      *regexp.Regexp
	methods []string
}

var routeParam = regexp.MustCompile(`:[A-Za-z_]+`)

func newAllowedMethods(routes []fiber.Route) *allowedMethods {
	byPath := map[string][]string{}
	var order []string
	for _, r := range routes {
		if r.Method == "USE" || r.Method == fiber.MethodConnect || r.Method == fiber.MethodTrace || strings.Contains(r.Path, "*") {
			continue
		}
		if !strings.HasPrefix(r.Path, "/api/") && r.Path != "/healthz" && r.Path != "/readyz" {
			continue
		}
		if _, seen := byPath[r.Path]; !seen {
			order = append(order, r.Path)
		}
		if !slices.Contains(byPath[r.Path], r.Method) {
			byPath[r.Path] = append(byPath[r.Path], r.Method)
		}
	}
	a := &allowedMethods{}
	for _, p := range order {
		expr := "^" + routeParam.ReplaceAllString(regexp.QuoteMeta(p), `[^/]+`) + "/?$"
		// QuoteMeta leaves ':' alone, so the parameter names are replaced after quoting.
		ms := byPath[p]
		if slices.Contains(ms, fiber.MethodGet) && !slices.Contains(ms, fiber.MethodHead) {
			ms = append(ms, fiber.MethodHead)
		}
		slices.Sort(ms)
		a.patterns = append(a.patterns, routeMethods{re: regexp.MustCompile(expr), methods: ms})
	}
	return a
}

// For returns the methods served on path, merged over every pattern that matches it.
func (a *allowedMethods) For(path string) []string {
	var out []string
	for _, p := range a.patterns {
		if p.re.MatchString(path) {
			for _, m := range p.methods {
				if !slices.Contains(out, m) {
					out = append(out, m)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// unmatchedAPI answers a request under /api that no route took: 405 with Allow when the path is
// known under other methods, otherwise 404.
func (s *Server) unmatchedAPI(c *fiber.Ctx) error {
	if ms := s.allowed.For(c.Path()); len(ms) > 0 {
		c.Set(fiber.HeaderAllow, strings.Join(ms, ", "))
		return domain.Errorf(domain.CodeMethodNotAllowed, "%s is not allowed here; use %s.", c.Method(), strings.Join(ms, ", "))
	}
	return fiber.ErrNotFound
}

// rejectNUL refuses a NUL character anywhere in the path or the query: PostgreSQL cannot store
// one in text, and no legitimate request carries one.
func rejectNUL(c *fiber.Ctx) error {
	if strings.IndexByte(c.Path(), 0) >= 0 || strings.Contains(string(c.Request().URI().PathOriginal()), "%00") {
		return domain.Invalid(domain.FieldError{Field: "path", Code: domain.FieldNUL, Message: "must not contain a NUL character"})
	}
	var bad string
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		if bad == "" && (slices.Contains(k, 0) || slices.Contains(v, 0)) {
			bad = string(k)
		}
	})
	if bad != "" {
		return domain.Invalid(domain.FieldError{Field: strings.ReplaceAll(bad, "\x00", ""), Code: domain.FieldNUL, Message: "must not contain a NUL character"})
	}
	return c.Next()
}

// boolQuery reads an optional boolean query parameter: true or false, anything else is a 400.
func boolQuery(c *fiber.Ctx, name string) (bool, error) {
	switch c.Query(name) {
	case "":
		return false, nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, domain.Invalid(domain.FieldError{Field: name, Code: domain.FieldType, Message: "must be true or false",
		Params: map[string]any{"expected": "boolean"}})
}

// localeQuery reads an optional language query parameter: one of domain.Locales, or "" when absent.
func localeQuery(c *fiber.Ctx, name string) (string, error) {
	l := c.Query(name)
	if l == "" || domain.ValidLocale(l) {
		return string([]byte(l)), nil
	}
	return "", domain.Invalid(domain.FieldError{Field: name, Code: domain.FieldOneOf, Message: "must be one of " + strings.Join(domain.Locales, ", "),
		Params: map[string]any{"allowed": domain.Locales}})
}
