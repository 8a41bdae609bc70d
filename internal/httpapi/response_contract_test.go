package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/peerbridge/peerbridge/api"
)

// Every response an integration test receives through env.do is checked against
// api/openapi.yaml (see checkResponse). The rule for status codes:
//
//   - a response to an /api/ path that matches no documented operation must be a problem+json
//     404 or 405;
//   - otherwise the status must be listed in the operation's responses (or its "default"), and
//     its body must validate against that response's schema for the answer's media type;
//   - except for a few answers that middleware gives on any operation and that the document does
//     not repeat on each one: 401 on a non-public operation, 413 and 415 on an operation with a
//     request body, 503 on every operation. These must be components/schemas/Problem.
//
// A 500 is never in the contract. Schemas are OpenAPI 3.1, that is JSON Schema 2020-12, with
// formats asserted.
var generalProblems = map[int]func(op *contractOperation) bool{
	401: func(op *contractOperation) bool { return !op.public },
	413: func(op *contractOperation) bool { return op.hasBody },
	415: func(op *contractOperation) bool { return op.hasBody },
	503: func(op *contractOperation) bool { return true },
}

const contractBase = "file:///openapi.json"

type contractOperation struct {
	method, template string
	pattern          *regexp.Regexp
	literal          int // literal characters in the template: the most literal match wins
	public, hasBody  bool
	responses        map[string]any
}

type responseContract struct {
	doc      map[string]any
	ops      []*contractOperation
	mu       sync.Mutex
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema
	inline   int
}

var loadResponseContract = sync.OnceValues(func() (*responseContract, error) {
	var raw any
	if err := yaml.Unmarshal(api.OpenAPI, &raw); err != nil {
		return nil, err
	}
	// Round-trip through JSON so that the compiler sees JSON values (json.Number, string keys).
	j, err := json.Marshal(raw)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return nil, err
	}
	rc := &responseContract{doc: doc.(map[string]any), schemas: map[string]*jsonschema.Schema{}}
	rc.compiler = jsonschema.NewCompiler()
	rc.compiler.DefaultDraft(jsonschema.Draft2020)
	rc.compiler.AssertFormat()
	if err := rc.compiler.AddResource(contractBase, doc); err != nil {
		return nil, err
	}
	paths, _ := rc.doc["paths"].(map[string]any)
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	for tmpl, item := range paths {
		for method, o := range item.(map[string]any) {
			switch method {
			case "get", "post", "put", "patch", "delete":
			default:
				continue
			}
			op := o.(map[string]any)
			sec, hasSec := op["security"].([]any)
			quoted := regexp.QuoteMeta(tmpl)
			quoted = regexp.MustCompile(`\\\{[a-z_]+\\\}`).ReplaceAllString(quoted, `[^/]+`)
			co := &contractOperation{method: strings.ToUpper(method), template: tmpl, pattern: regexp.MustCompile("^" + quoted + "$"),
				literal: len(param.ReplaceAllString(tmpl, "")), public: hasSec && len(sec) == 0, hasBody: op["requestBody"] != nil}
			co.responses, _ = op["responses"].(map[string]any)
			rc.ops = append(rc.ops, co)
		}
	}
	sort.Slice(rc.ops, func(i, k int) bool { return rc.ops[i].literal > rc.ops[k].literal })
	return rc, nil
})

// find returns the operation for method and path, and whether the path is documented at all.
func (rc *responseContract) find(method, p string) (*contractOperation, bool) {
	pathKnown := false
	for _, op := range rc.ops {
		if op.pattern.MatchString(p) {
			pathKnown = true
			if op.method == method {
				return op, true
			}
		}
	}
	return nil, pathKnown
}

// resolve follows a local $ref ("#/components/...") to its target.
func (rc *responseContract) resolve(v any) any {
	for i := 0; i < 10; i++ {
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		ref, ok := m["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/") {
			return v
		}
		var cur any = rc.doc
		for _, seg := range strings.Split(ref[2:], "/") {
			seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
			cur, _ = cur.(map[string]any)[seg]
		}
		v = cur
	}
	return v
}

// schema compiles a schema of the document: a $ref to a component, or an inline schema whose
// local references are pointed at the document.
func (rc *responseContract) schema(s any) (*jsonschema.Schema, error) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if m, ok := s.(map[string]any); ok && len(m) == 1 {
		if ref, ok := m["$ref"].(string); ok {
			if c, ok := rc.schemas[ref]; ok {
				return c, nil
			}
			c, err := rc.compiler.Compile(contractBase + ref)
			if err != nil {
				return nil, err
			}
			rc.schemas[ref] = c
			return c, nil
		}
	}
	rc.inline++
	u := fmt.Sprintf("file:///inline/%d.json", rc.inline)
	if err := rc.compiler.AddResource(u, rebaseRefs(s)); err != nil {
		return nil, err
	}
	return rc.compiler.Compile(u)
}

func rebaseRefs(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if s, ok := e.(string); ok && k == "$ref" && strings.HasPrefix(s, "#") {
				out[k] = contractBase + s
				continue
			}
			out[k] = rebaseRefs(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = rebaseRefs(e)
		}
		return out
	}
	return v
}

// checkResponse reports, on the test that made the request, where a response departs from the
// contract.
func (e *env) checkResponse(method, target string, r response) {
	e.t.Helper()
	if method == "HEAD" || method == "OPTIONS" {
		return
	}
	u, err := url.Parse(target)
	if err != nil {
		return
	}
	p := u.Path
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/") // routing is not strict about a trailing slash
	}
	if !strings.HasPrefix(p, "/api/") && p != "/healthz" && p != "/readyz" {
		return // the web app
	}
	rc, err := loadResponseContract()
	if err != nil {
		e.t.Errorf("contract: api/openapi.yaml: %v", err)
		return
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	fail := func(what string, args ...any) {
		e.t.Helper()
		e.t.Errorf("contract: %s %s → %d: %s\nbody: %.600s", method, p, r.Status, fmt.Sprintf(what, args...), r.Body)
	}
	problem := map[string]any{"$ref": "#/components/schemas/Problem"}
	op, pathKnown := rc.find(method, p)
	if op == nil {
		want := 404
		if pathKnown {
			want = 405
		}
		if r.Status != 404 && r.Status != want {
			fail("no documented operation, so the answer must be a 404 (or 405 for a documented path), not %d", r.Status)
			return
		}
		rc.validate(fail, problem, mediaType, "application/problem+json", r.Body)
		return
	}
	name := op.method + " " + op.template
	if r.Status >= 500 && r.Status != 503 {
		fail("%s: a %d is never in the contract", name, r.Status)
		return
	}
	resp, ok := op.responses[strconv.Itoa(r.Status)]
	if !ok {
		resp, ok = op.responses[fmt.Sprintf("%dXX", r.Status/100)]
	}
	if !ok {
		resp, ok = op.responses["default"]
	}
	if !ok {
		if allowed := generalProblems[r.Status]; allowed != nil && allowed(op) {
			rc.validate(fail, problem, mediaType, "application/problem+json", r.Body)
			return
		}
		fail("%s does not document status %d", name, r.Status)
		return
	}
	content, _ := rc.resolve(resp).(map[string]any)["content"].(map[string]any)
	if len(content) == 0 {
		if len(bytes.TrimSpace(r.Body)) > 0 && r.Status != 304 {
			fail("%s documents no body for %d, but one was sent (%s)", name, r.Status, mediaType)
		}
		return
	}
	media, ok := content[mediaType].(map[string]any)
	if !ok {
		types := make([]string, 0, len(content))
		for k := range content {
			types = append(types, k)
		}
		sort.Strings(types)
		fail("%s answers %d with %q, the contract says %v", name, r.Status, mediaType, types)
		return
	}
	if media["schema"] == nil || !isJSONMedia(mediaType) {
		return
	}
	rc.validate(fail, media["schema"], mediaType, mediaType, r.Body)
}

func isJSONMedia(t string) bool { return t == "application/json" || strings.HasSuffix(t, "+json") }

func (rc *responseContract) validate(fail func(string, ...any), schema any, got, want string, body []byte) {
	if got != want {
		fail("media type %q, want %q", got, want)
		return
	}
	s, err := rc.schema(schema)
	if err != nil {
		fail("the schema does not compile: %v", err)
		return
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		fail("the body is not JSON: %v", err)
		return
	}
	if err := s.Validate(v); err != nil {
		fail("the body does not match the schema: %#v", err)
	}
}
