package httpapi_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/peerbridge/peerbridge/api"
)

type contractOp struct {
	Security *[]map[string]any `yaml:"security"`
}

// documented returns "METHOD /path/{param}" for every operation of api/openapi.yaml, and whether
// it is public (security: []).
func documented(t *testing.T) map[string]bool {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]yaml.Node `yaml:"paths"`
	}
	if err := yaml.Unmarshal(api.OpenAPI, &doc); err != nil {
		t.Fatalf("api/openapi.yaml: %v", err)
	}
	out := map[string]bool{}
	for p, item := range doc.Paths {
		for method, node := range item {
			switch method {
			case "get", "post", "put", "patch", "delete":
			default:
				continue
			}
			var op contractOp
			if err := node.Decode(&op); err != nil {
				t.Fatal(err)
			}
			out[strings.ToUpper(method)+" "+p] = op.Security != nil && len(*op.Security) == 0
		}
	}
	return out
}

var fiberParam = regexp.MustCompile(`:([a-z_]+)`)

// TestOpenAPIMatchesTheRoutes fails when a route exists on one side only.
func TestOpenAPIMatchesTheRoutes(t *testing.T) {
	e := newEnv(t)
	doc := documented(t)
	served := map[string]bool{}
	for _, r := range e.server.App().GetRoutes(true) {
		if r.Method == "HEAD" || r.Method == "USE" || strings.HasSuffix(r.Path, "*") {
			continue
		}
		if !strings.HasPrefix(r.Path, "/api/") && r.Path != "/healthz" && r.Path != "/readyz" {
			continue
		}
		served[r.Method+" "+fiberParam.ReplaceAllString(r.Path, "{$1}")] = true
	}
	var missing, undocumented []string
	for k := range doc {
		if !served[k] {
			missing = append(missing, k)
		}
	}
	for k := range served {
		if _, ok := doc[k]; !ok {
			undocumented = append(undocumented, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(undocumented)
	if len(missing) > 0 || len(undocumented) > 0 {
		t.Fatalf("documented but not served: %v\nserved but not documented: %v", missing, undocumented)
	}
	if len(served) < 20 {
		t.Fatalf("only %d routes found: the comparison is not seeing the API", len(served))
	}
}

// TestEveryNonPublicRouteNeedsAToken sends each documented non-public operation without a token.
func TestEveryNonPublicRouteNeedsAToken(t *testing.T) {
	e := newEnv(t)
	checked := 0
	for op, public := range documented(t) {
		if public {
			continue
		}
		method, p, _ := strings.Cut(op, " ")
		p = regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllString(p, "00000000-0000-4000-8000-000000000000")
		r := e.do(req{method: method, path: p, body: "{}"})
		if r.Status != 401 {
			t.Errorf("%s without a token: %d, want 401", op, r.Status)
		}
		checked++
	}
	if checked < 15 {
		t.Fatalf("only %d protected operations checked", checked)
	}
}

func TestDocsRenderOffline(t *testing.T) {
	e := newEnv(t)
	r := must(t, e.get("/api/docs", ""), 200)
	body := string(r.Body)
	for _, want := range []string{"/api/v1/auth/login", "/api/v1/programmes/{id}/members", "TokenPair", "Problem"} {
		if !strings.Contains(body, want) {
			t.Fatalf("docs do not mention %s", want)
		}
	}
	if strings.Contains(body, "<script") || strings.Contains(body, "https://cdn") || strings.Contains(body, "<link") {
		t.Fatal("docs load something from elsewhere")
	}
	y := must(t, e.get("/api/openapi.yaml", ""), 200)
	if !strings.HasPrefix(string(y.Body), "openapi: 3.1") {
		t.Fatal("openapi document not served")
	}
}

// TestOpenAPIIsWellFormed catches what a YAML parser accepts but OpenAPI tools refuse: a schema
// property that is not a schema, or a description that is not text.
func TestOpenAPIIsWellFormed(t *testing.T) {
	var doc any
	if err := yaml.Unmarshal(api.OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(n any, path string)
	walk = func(n any, path string) {
		switch v := n.(type) {
		case map[string]any:
			for k, x := range v {
				p := path + "." + k
				if props, ok := x.(map[string]any); ok && k == "properties" {
					for name, schema := range props {
						if _, ok := schema.(map[string]any); !ok {
							t.Errorf("%s.%s is not a schema: %v", p, name, schema)
						}
					}
				}
				if (k == "description" || k == "summary") && !strings.HasSuffix(path, ".properties") {
					if _, ok := x.(string); !ok {
						t.Errorf("%s is not text: %v", p, x)
					}
				}
				walk(x, p)
			}
		case []any:
			for i, x := range v {
				walk(x, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	walk(doc, "")
}
