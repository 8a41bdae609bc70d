package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// TestBadInputIsRefusedByTheContract walks every operation of api/openapi.yaml that takes a JSON
// body. From the request schema it builds a valid body, then breaks one property at a time
// (recursively, into objects and the first item of arrays): a wrong type, null where null is not
// allowed, absence where the property is required, a string over its maxLength, a NUL character,
// and a bad format. Each broken body must be refused with a 400 problem+json whose errors[] names
// the property's JSON path (frame.reasons.economic[0]) with a code, and must change nothing in the
// database. A body of only null and an empty body must be a 400 too, and on GET operations a
// query parameter holding %00 must be refused. No answer may be a 5xx.
//
// Path parameters are random, so most objects do not exist: the handlers check the body before
// loading anything, so a body error is still a 400.
func TestBadInputIsRefusedByTheContract(t *testing.T) {
	// The production body limit (1 MiB), so that long strings meet the field checks, not the
	// HTTP server's limit.
	w := worldOn(newEnvWithURL(t, testdb.New(t), httpapi.Options{BodyLimit: 1 << 20}))
	rc, err := loadResponseContract()
	if err != nil {
		t.Fatal(err)
	}
	bw := &badInputWalker{rc: rc}
	fingerprint := databaseFingerprint(t, w.env)

	ops := rc.bodyOperations()
	if len(ops) < 30 {
		t.Fatalf("only %d operations with a JSON body found", len(ops))
	}
	for _, op := range ops {
		t.Run(op.method+" "+op.template, func(t *testing.T) {
			target := concretePath(op.template)
			schema := rc.resolveSchema(op.body)
			base := bw.valid(schema, 0)
			send := func(body string) response {
				// Contract findings about the answer are reported on the subtest that asked.
				e := *w.env
				e.t = t
				return e.do(req{method: op.method, path: target, token: w.tok["admin"], body: body,
					header: map[string]string{"If-Match": `"1"`}})
			}
			// The baseline itself must pass the shape checks: otherwise every 400 below proves
			// nothing. (It may well be a 404: the objects are made up.)
			bj, _ := json.Marshal(base)
			if r := send(string(bj)); r.Status >= 500 || r.Status == 400 && !onlyReferenceErrors(r) {
				t.Errorf("the valid body was refused (%d): %s\nbody: %s", r.Status, r.Body, bj)
			}
			muts, complete := bw.mutations(schema, base)
			if !complete {
				t.Errorf("the schema is deeper than %d levels or has more than %d mutations: raise the bounds", maxDepth, maxMutations)
			}
			muts = append(muts,
				mutation{name: "whole body null", raw: "null"},
				mutation{name: "whole body empty", raw: ""},
			)
			for _, m := range muts {
				t.Run(m.name, func(t *testing.T) {
					before := fingerprint(t)
					body := m.raw
					if m.body != nil {
						b, _ := json.Marshal(m.body)
						body = string(b)
					}
					r := send(body)
					checkRefused(t, r, m)
					if after := fingerprint(t); after != before {
						t.Errorf("the database changed:\nbefore %s\nafter  %s", before, after)
					}
				})
			}
		})
	}

	// Query parameters with a NUL on every GET operation.
	for _, op := range rc.ops {
		if op.method != "GET" {
			continue
		}
		names := rc.queryParams(op)
		if len(names) == 0 {
			continue
		}
		t.Run("GET "+op.template+" query NUL", func(t *testing.T) {
			for _, name := range names {
				before := fingerprint(t)
				target := concretePath(op.template)
				if rest, ok := strings.CutPrefix(op.template, "/api/v1/programmes/{id}"); ok && !strings.Contains(rest, "{") {
					target = "/api/v1/programmes/" + w.prog.ID.String() + rest // a real programme: the list is read
				}
				e := *w.env
				e.t = t
				r := e.do(req{method: "GET", path: target + "?" + name + "=a%00b", token: w.tok["admin"]})
				if r.Status >= 500 {
					t.Errorf("?%s=a%%00b: %d: %s", name, r.Status, r.Body)
				} else if r.Status >= 400 && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
					t.Errorf("?%s=a%%00b: %d is not problem+json", name, r.Status)
				} else if r.Status != 400 && !(r.Status == 404 && strings.Contains(op.template, "{")) {
					t.Errorf("?%s=a%%00b: %d, want 400: %.300s", name, r.Status, r.Body)
				}
				if after := fingerprint(t); after != before {
					t.Errorf("?%s=a%%00b changed the database", name)
				}
			}
		})
	}
}

// referenceFields name objects that the made-up baseline cannot point at (they do not exist
// here), or a secret it cannot know: a 400 on them alone means the shape was accepted.
var referenceFields = regexp.MustCompile(`^(organisation_id|programme_id|source_practice_id|product_id|rubric_id|based_on|parent_id|round_id|call_id|practice_id|reviewer_id|current_password|password|host_organisation_id|participants\[\d+\]\.organisation_id|follow_ups\[\d+\]\.(owner_organisation_id|id)|(organisation_ids|inspired_by_practice_ids|derived_from_adaptation_ids|practice_ids)\[\d+\])$`)

func onlyReferenceErrors(r response) bool {
	var p struct{ Errors []struct{ Field string } }
	_ = json.Unmarshal(r.Body, &p)
	for _, e := range p.Errors {
		if !referenceFields.MatchString(e.Field) {
			return false
		}
	}
	return len(p.Errors) > 0
}

func checkRefused(t *testing.T, r response, m mutation) {
	t.Helper()
	if r.Status >= 500 {
		t.Fatalf("%d: %s", r.Status, r.Body)
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("%d %s, want application/problem+json: %.300s", r.Status, r.Header.Get("Content-Type"), r.Body)
	}
	if r.Status != 400 {
		t.Fatalf("%d, want 400: %.400s", r.Status, r.Body)
	}
	if m.path == "" {
		return
	}
	var p struct {
		Errors []struct{ Field, Code string }
	}
	_ = json.Unmarshal(r.Body, &p)
	for _, e := range p.Errors {
		if e.Field == m.path {
			if e.Code == "" {
				t.Fatalf("the error for %s has no code: %s", m.path, r.Body)
			}
			return
		}
	}
	t.Fatalf("400, but no error names %s: %.400s", m.path, r.Body)
}

// mutation is one broken request body, expected to be refused for the field at path.
type mutation struct {
	name string
	path string // JSON path of the broken property; empty for whole-body cases
	body any
	raw  string // used when body is nil
}

type badInputWalker struct{ rc *responseContract }

const maxDepth = 8

// bodyOperations are the operations with an application/json request body, in a stable order.
func (rc *responseContract) bodyOperations() []bodyOperation {
	var out []bodyOperation
	paths := rc.doc["paths"].(map[string]any)
	for _, op := range rc.ops {
		o := paths[op.template].(map[string]any)[strings.ToLower(op.method)].(map[string]any)
		rb, ok := rc.resolve(o["requestBody"]).(map[string]any)
		if !ok {
			continue
		}
		content, _ := rb["content"].(map[string]any)
		media, ok := content["application/json"].(map[string]any)
		if !ok {
			continue
		}
		out = append(out, bodyOperation{method: op.method, template: op.template, body: media["schema"]})
	}
	sort.Slice(out, func(i, k int) bool { return out[i].template+out[i].method < out[k].template+out[k].method })
	return out
}

type bodyOperation struct {
	method, template string
	body             any
}

func (rc *responseContract) queryParams(op *contractOperation) []string {
	paths := rc.doc["paths"].(map[string]any)
	item := paths[op.template].(map[string]any)
	var params []any
	if ps, ok := item["parameters"].([]any); ok {
		params = append(params, ps...)
	}
	if ps, ok := item[strings.ToLower(op.method)].(map[string]any)["parameters"].([]any); ok {
		params = append(params, ps...)
	}
	var out []string
	for _, p := range params {
		pm, _ := rc.resolve(p).(map[string]any)
		if pm["in"] == "query" {
			out = append(out, pm["name"].(string))
		}
	}
	return out
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// concretePath fills path parameters: made-up ids, a language, a revision number.
func concretePath(tmpl string) string {
	return pathParam.ReplaceAllStringFunc(tmpl, func(p string) string {
		switch p {
		case "{lang}":
			return "fr"
		case "{n}":
			return "1"
		case "{token}":
			return "no-such-invitation-token-0123456789"
		case "{kind}":
			return "practices.csv"
		}
		return uuid.NewString()
	})
}

// resolveSchema follows $ref, merges allOf into one object schema, and reads oneOf/anyOf as
// their first alternative that is not null (plus null when an alternative allows it).
func (rc *responseContract) resolveSchema(s any) map[string]any {
	m, _ := rc.resolve(s).(map[string]any)
	for _, k := range []string{"oneOf", "anyOf"} {
		alts, ok := m[k].([]any)
		if !ok || len(alts) == 0 {
			continue
		}
		var first map[string]any
		nullable := false
		for _, a := range alts {
			r := rc.resolveSchema(a)
			if types := schemaTypes(r); len(types) == 1 && types[0] == "null" {
				nullable = true
			} else if first == nil {
				first = r
			}
		}
		out := withoutKey(m, k)
		for key, v := range first {
			out[key] = v
		}
		if nullable {
			out["type"] = []any{mainType(first), "null"}
		}
		return out
	}
	all, ok := m["allOf"].([]any)
	if !ok {
		return m
	}
	out := map[string]any{"type": "object"}
	props := map[string]any{}
	var required []any
	for _, part := range append([]any{withoutKey(m, "allOf")}, all...) {
		p := rc.resolveSchema(part)
		for k, v := range p {
			switch k {
			case "properties":
				for name, ps := range v.(map[string]any) {
					props[name] = ps
				}
			case "required":
				required = append(required, v.([]any)...)
			default:
				out[k] = v
			}
		}
	}
	out["properties"] = props
	out["required"] = required
	return out
}

func withoutKey(m map[string]any, key string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// types returns a schema's JSON types; "null" among them when null is allowed.
func schemaTypes(s map[string]any) []string {
	switch t := s["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, x.(string))
		}
		return out
	}
	if _, ok := s["properties"]; ok {
		return []string{"object"}
	}
	if _, ok := s["enum"]; ok {
		return []string{"string"}
	}
	return nil
}

func mainType(s map[string]any) string {
	for _, t := range schemaTypes(s) {
		if t != "null" {
			return t
		}
	}
	return ""
}

func intOf(v any) (int, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case float64:
		return int(n), true
	case int:
		return n, true
	}
	return 0, false
}

// valid builds a plausible value for schema: every property (required or not) filled, so that
// each can be broken; arrays get one item.
func (bw *badInputWalker) valid(schema any, depth int) any {
	s := bw.rc.resolveSchema(schema)
	if s == nil {
		return "x"
	}
	if enum, ok := s["enum"].([]any); ok && len(enum) > 0 {
		return enum[0]
	}
	if d, ok := s["default"]; ok && d != nil {
		return d
	}
	switch mainType(s) {
	case "object":
		out := map[string]any{}
		props, _ := s["properties"].(map[string]any)
		for name, ps := range props {
			if depth < maxDepth {
				out[name] = bw.valid(ps, depth+1)
			}
		}
		return out
	case "array":
		if depth >= maxDepth {
			return []any{}
		}
		n := 1
		if m, ok := intOf(s["minItems"]); ok && m > n {
			n = m
		}
		items := make([]any, 0, n)
		for i := 0; i < n; i++ {
			v := bw.valid(s["items"], depth+1)
			if str, ok := v.(string); ok && n > 1 && s["uniqueItems"] == true {
				v = fmt.Sprintf("%s%d", str, i)
			}
			items = append(items, v)
		}
		return items
	case "integer":
		if m, ok := intOf(s["minimum"]); ok {
			return m
		}
		return 1
	case "number":
		if m, ok := intOf(s["minimum"]); ok {
			return m
		}
		return 1
	case "boolean":
		return false
	}
	return validString(s)
}

func validString(s map[string]any) string {
	switch s["format"] {
	case "uuid":
		return uuid.NewString()
	case "date-time":
		return "2030-05-01T10:00:00Z"
	case "date":
		return "2030-05-01"
	case "email":
		return fmt.Sprintf("someone.%s@example.org", uuid.NewString()[:8])
	case "uri", "url":
		return "https://example.org/page"
	}
	switch s["pattern"] {
	case "^[A-Z]{2}$":
		return "BE"
	case "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$":
		return "nl"
	case "^[a-z0-9_]{1,40}$":
		return "upscaling"
	}
	n := 12 // long enough for passwords
	if m, ok := intOf(s["maxLength"]); ok && m < n {
		n = m
	}
	return strings.Repeat("a", n)
}

// badFormat is a value of the right type in the wrong shape, or "" where the schema has none.
func badFormat(s map[string]any) string {
	switch s["format"] {
	case "uuid":
		return "not-a-uuid"
	case "date-time":
		return "yesterday"
	case "date":
		return "2026-13-45"
	case "email":
		return "not-an-email"
	case "uri", "url":
		return "not a uri"
	}
	switch s["pattern"] {
	case "^[A-Z]{2}$":
		return "XX"
	case "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$":
		return "zz-!!"
	}
	if _, ok := s["enum"]; ok {
		return "not-one-of-the-values"
	}
	if p, ok := s["pattern"].(string); ok && p != "" {
		return "Not Matching !!"
	}
	return ""
}

const maxMutations = 400

// mutations lists the broken bodies for every property below schema, and whether the bounds
// let it reach every property.
func (bw *badInputWalker) mutations(schema map[string]any, base any) ([]mutation, bool) {
	var out []mutation
	complete := true
	var walk func(s map[string]any, path []any, required bool, depth int)
	walk = func(s map[string]any, path []any, required bool, depth int) {
		if len(out) > maxMutations || depth > maxDepth {
			complete = false
			return
		}
		p := jsonPath(path)
		if len(path) > 0 {
			typ := mainType(s)
			with := func(name string, v any) {
				out = append(out, mutation{name: p + " " + name, path: p, body: replaceAt(base, path, v, false)})
			}
			switch typ {
			case "string":
				with("wrong type", 12345)
			case "integer", "number", "boolean", "array", "object":
				with("wrong type", "x")
			}
			if !slices.Contains(schemaTypes(s), "null") && typ != "" {
				with("null", nil)
			}
			if required {
				out = append(out, mutation{name: p + " absent", path: p, body: replaceAt(base, path, nil, true)})
			}
			if typ == "string" {
				if bad := badFormat(s); bad != "" {
					with("bad format", bad)
				} else {
					if m, ok := intOf(s["maxLength"]); ok {
						with(fmt.Sprintf("over %d characters", m), strings.Repeat("a", m+1))
					} else {
						with("100000 characters", strings.Repeat("a", 100000))
					}
					with("NUL character", "a\u0000b")
				}
			}
		}
		switch mainType(s) {
		case "object":
			props, _ := s["properties"].(map[string]any)
			req, _ := s["required"].([]any)
			names := make([]string, 0, len(props))
			for n := range props {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				ps := bw.rc.resolveSchema(props[n])
				if _, present := valueAt(base, append(slices.Clone(path), n)); !present {
					continue
				}
				walk(ps, append(slices.Clone(path), n), slices.Contains(req, any(n)), depth+1)
			}
		case "array":
			if _, present := valueAt(base, append(slices.Clone(path), 0)); present {
				walk(bw.rc.resolveSchema(s["items"]), append(slices.Clone(path), 0), false, depth+1)
			}
		}
	}
	walk(schema, nil, false, 0)
	return out, complete
}

// jsonPath writes a path the way the API names fields: a.b[0].c
func jsonPath(path []any) string {
	var b strings.Builder
	for _, seg := range path {
		switch s := seg.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		}
	}
	return b.String()
}

func valueAt(v any, path []any) (any, bool) {
	for _, seg := range path {
		switch s := seg.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = m[s]; !ok {
				return nil, false
			}
		case int:
			a, ok := v.([]any)
			if !ok || s >= len(a) {
				return nil, false
			}
			v = a[s]
		}
	}
	return v, true
}

// replaceAt returns a deep copy of v with the value at path replaced (or removed).
func replaceAt(v any, path []any, with any, remove bool) any {
	if len(path) == 0 {
		return with
	}
	switch s := path[0].(type) {
	case string:
		m := v.(map[string]any)
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[k] = x
		}
		if len(path) == 1 && remove {
			delete(out, s)
		} else {
			out[s] = replaceAt(m[s], path[1:], with, remove)
		}
		return out
	case int:
		a := v.([]any)
		out := slices.Clone(a)
		out[s] = replaceAt(a[s], path[1:], with, remove)
		return out
	}
	return v
}

// databaseFingerprint returns a function that summarises every table a request could write:
// its row count and the sum of its rows' transaction ids, which moves on any insert, update or
// delete. Sign-in bookkeeping (sessions, refresh tokens, login failures) is left out.
func databaseFingerprint(t *testing.T, e *env) func(*testing.T) string {
	t.Helper()
	ctx := context.Background()
	rows, err := e.db.SQL().QueryContext(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
		AND table_name NOT IN ('sessions', 'refresh_tokens', 'login_failures', 'schema_migrations') ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf(`SELECT '%s' || ':' || count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) FROM %q`, name, name))
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if len(parts) < 10 {
		t.Fatalf("only %d tables found", len(parts))
	}
	q := "SELECT string_agg(x, ' ') FROM (" + strings.Join(parts, " UNION ALL ") + ") AS f(x)"
	return func(t *testing.T) string {
		t.Helper()
		var out string
		if err := e.db.SQL().QueryRowContext(ctx, q).Scan(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
}
