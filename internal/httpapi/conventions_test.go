package httpapi_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func countRows(t *testing.T, w *world, table string) int {
	t.Helper()
	var n int
	if err := w.db.SQL().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBadInputIsAClearProblemAndChangesNothing(t *testing.T) {
	w := newWorld(t)
	before := countRows(t, w, "organisations")
	cases := []struct {
		name, body string
		status     int
		code       string
		fields     []string
	}{
		{"not JSON", `{"name": "x",`, 400, "bad_request", nil},
		{"empty body", ``, 400, "bad_request", nil},
		{"two values", `{"name":"a","country":"BE","kind":"ngo"} {}`, 400, "bad_request", nil},
		{"wrong type", `{"name": 12, "country": "BE", "kind": "ngo"}`, 400, "validation_failed", []string{"name"}},
		{"missing fields", `{}`, 400, "validation_failed", []string{"name", "country", "kind"}},
		{"lower-case country and unknown kind", `{"name":"x","country":"be","kind":"club"}`, 400, "validation_failed", []string{"country", "kind"}},
		{"too long", fmt.Sprintf(`{"name":"%s","country":"BE","kind":"ngo"}`, strings.Repeat("n", 201)), 400, "validation_failed", []string{"name"}},
		{"blank name", `{"name":"   ","country":"BE","kind":"ngo"}`, 400, "validation_failed", []string{"name"}},
		{"bad website", `{"name":"x","country":"BE","kind":"ngo","website":"javascript:alert(1)"}`, 400, "validation_failed", []string{"website"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], body: c.body})
			must(t, r, c.status)
			if r.Header.Get("Content-Type") != "application/problem+json" || r.code() != c.code {
				t.Fatalf("got %s %s", r.Header.Get("Content-Type"), r.Body)
			}
			m := r.json(t)
			if m["request_id"] == "" || m["request_id"] != r.Header.Get("X-Request-Id") {
				t.Fatalf("request id missing or different from header: %v", m["request_id"])
			}
			got := map[string]bool{}
			if errs, ok := m["errors"].([]any); ok {
				for _, e := range errs {
					got[e.(map[string]any)["field"].(string)] = true
				}
			}
			for _, f := range c.fields {
				if !got[f] {
					t.Fatalf("field %s not reported: %s", f, r.Body)
				}
			}
		})
	}
	if after := countRows(t, w, "organisations"); after != before {
		t.Fatalf("bad input created rows: %d → %d", before, after)
	}
}

func TestNoDriverTextReachesTheCaller(t *testing.T) {
	w := newWorld(t)
	// A duplicate organisation trips a unique index; the answer names the rule, not the SQL.
	body := map[string]any{"name": "Jobcentrum", "country": "BE", "kind": "ngo"}
	r := must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], body: body}), 409)
	for _, leak := range []string{"SQLSTATE", "duplicate key", "organisations_name_country", "pq:", "ERROR:"} {
		if strings.Contains(string(r.Body), leak) {
			t.Fatalf("driver text leaked: %s", r.Body)
		}
	}
}

func TestPagination(t *testing.T) {
	w := newWorld(t)
	for i := range 25 {
		w.org(fmt.Sprintf("Org %02d", i), "DE")
	}
	base := "/api/v1/organisations?country=DE"
	p := must(t, w.get(base+"&page_size=10&page=3", w.tok["partner"]), 200).json(t)
	if p["total"].(float64) != 25 || p["page"].(float64) != 3 || p["page_size"].(float64) != 10 || len(p["items"].([]any)) != 5 {
		t.Fatalf("page 3 of 10: %v", p)
	}
	first := p["items"].([]any)[0].(map[string]any)["name"]
	if first != "Org 20" {
		t.Fatalf("ordering by name: first of page 3 is %v", first)
	}
	capped := must(t, w.get(base+"&page_size=5000", w.tok["partner"]), 200).json(t)
	if capped["page_size"].(float64) != 100 {
		t.Fatalf("page_size not capped: %v", capped["page_size"])
	}
	desc := must(t, w.get(base+"&sort=-name&page_size=1", w.tok["partner"]), 200).json(t)
	if desc["items"].([]any)[0].(map[string]any)["name"] != "Org 24" {
		t.Fatalf("sort=-name: %v", desc["items"])
	}
	for _, q := range []string{"page=-1", "page=0", "page=abc", "page_size=-5", "page_size=x", "sort=password_hash", "sort=name;drop"} {
		r := must(t, w.get(base+"&"+q, w.tok["partner"]), 400)
		if r.code() != "validation_failed" {
			t.Fatalf("%s: %s", q, r.Body)
		}
	}
}

func TestOversizedBodyIs413ProblemJSON(t *testing.T) {
	w := newWorld(t)
	base := w.listen()
	// The server refuses on the announced length alone and closes the connection; sending the
	// headers without the body keeps the client from racing that close with its own writes.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	head := "POST /api/v1/organisations HTTP/1.1\r\nHost: peerbridge.test\r\nContent-Type: application/json\r\n" +
		"Authorization: Bearer " + w.tok["admin"] + "\r\nContent-Length: " + strconv.Itoa(70*1024+40) + "\r\n\r\n"
	if _, err := io.WriteString(conn, head); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	r := response{Status: res.StatusCode, Header: res.Header, Body: b}
	must(t, r, http.StatusRequestEntityTooLarge)
	if r.Header.Get("Content-Type") != "application/problem+json" || r.code() != "body_too_large" || r.Header.Get("X-Request-Id") == "" {
		t.Fatalf("413 answer: %v %s", r.Header, r.Body)
	}
	if n := countRows(t, w, "organisations"); n != 3 {
		t.Fatalf("oversized request created something: %d organisations", n)
	}
}

func TestUpdatesNeedIfMatchAndNeverLoseAWrite(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String()
	coord := w.tok["coordinator"]
	got := must(t, w.get(path, coord), 200)
	tag := got.Header.Get("ETag")
	if tag != `"1"` {
		t.Fatalf("ETag %q", tag)
	}
	r := must(t, w.do(req{method: "PATCH", path: path, token: coord, body: map[string]any{"name": "x"}}), 428)
	if r.code() != "precondition_required" {
		t.Fatal(string(r.Body))
	}
	must(t, w.do(req{method: "PATCH", path: path, token: coord, header: map[string]string{"If-Match": "1"}, body: map[string]any{"name": "x"}}), 400)
	must(t, w.do(req{method: "PATCH", path: path, token: coord, header: map[string]string{"If-Match": `"7"`}, body: map[string]any{"name": "x"}}), 412)

	// Two editors start from the same version at the same time: exactly one wins.
	var wg sync.WaitGroup
	statuses := make([]int, 8)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = w.do(req{method: "PATCH", path: path, token: coord, header: map[string]string{"If-Match": tag},
				body: map[string]any{"objective": fmt.Sprintf("editor %d", i)}}).Status
		}()
	}
	wg.Wait()
	wins := 0
	for _, s := range statuses {
		switch s {
		case 200:
			wins++
		case 412:
		default:
			t.Fatalf("unexpected status %d", s)
		}
	}
	if wins != 1 {
		t.Fatalf("%d concurrent writers won, want exactly 1 (%v)", wins, statuses)
	}
	now := must(t, w.get(path, coord), 200)
	if now.Header.Get("ETag") != `"2"` {
		t.Fatalf("version after one win: %s", now.Header.Get("ETag"))
	}
}

func TestIdempotentCreate(t *testing.T) {
	w := newWorld(t)
	h := map[string]string{"Idempotency-Key": "create-org-1"}
	body := map[string]any{"name": "Arbeit & Gesundheit", "country": "DE", "kind": "ngo"}
	before := countRows(t, w, "organisations")
	first := must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], header: h, body: body}), 201)
	again := must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], header: h, body: body}), 201)
	if string(first.Body) != string(again.Body) || again.Header.Get("Idempotent-Replayed") != "true" || again.Header.Get("Location") != first.Header.Get("Location") {
		t.Fatalf("retry did not replay the original:\n%s\n%s", first.Body, again.Body)
	}
	if n := countRows(t, w, "organisations"); n != before+1 {
		t.Fatalf("retry created another row: %d", n-before)
	}
	other := map[string]any{"name": "Something else", "country": "DE", "kind": "ngo"}
	r := must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], header: h, body: other}), 422)
	if r.code() != "idempotency_key_reused" {
		t.Fatal(string(r.Body))
	}
	// Keys are per user: another coordinator may use the same key for their own request.
	must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["coordinator"], header: h, body: other}), 201)
	// A request that failed validation is not remembered: fixing the body with the same key works.
	h2 := map[string]string{"Idempotency-Key": "create-org-2"}
	must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], header: h2, body: map[string]any{"name": "Y"}}), 400)
	must(t, w.do(req{method: "POST", path: "/api/v1/organisations", token: w.tok["admin"], header: h2, body: map[string]any{"name": "Y", "country": "FI", "kind": "ngo"}}), 201)
}

func TestEveryResponseCarriesARequestID(t *testing.T) {
	w := newWorld(t)
	for _, r := range []response{
		w.get("/healthz", ""), w.get("/api/v1/me", ""), w.get("/api/v1/nope", w.tok["admin"]), w.get("/api/v1/me", w.tok["admin"]),
		w.do(req{method: "DELETE", path: "/api/v1/me", token: w.tok["admin"]}),
	} {
		if r.Header.Get("X-Request-Id") == "" {
			t.Fatalf("no X-Request-Id on %d %s", r.Status, r.Body)
		}
	}
	r := w.do(req{method: "GET", path: "/healthz", header: map[string]string{"X-Request-Id": "abc-123-def-456"}})
	if r.Header.Get("X-Request-Id") != "abc-123-def-456" {
		t.Fatal("a sane inbound request id is kept")
	}
	r = w.do(req{method: "GET", path: "/healthz", header: map[string]string{"X-Request-Id": "evil\"}\n{\"level\":\"ERROR\""}})
	if strings.ContainsAny(r.Header.Get("X-Request-Id"), "\"{}") {
		t.Fatal("an unsafe inbound request id was echoed")
	}
}

func TestInvitationFlow(t *testing.T) {
	w := newWorld(t)
	inv := must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: map[string]any{
		"email": "new.partner@example.org", "name": "Nieuwe Partner", "organisation_id": w.orgFR.ID, "programme_id": w.prog.ID, "roles": []string{"partner", "reviewer"},
	}}), 201).json(t)
	url := inv["invite_url"].(string)
	if !strings.HasPrefix(url, "http://peerbridge.test/invitations/") {
		t.Fatalf("invite_url %q", url)
	}
	token := strings.TrimPrefix(url, "http://peerbridge.test/invitations/")
	preview := must(t, w.get("/api/v1/invitations/"+token, ""), 200).json(t)
	if preview["programme_name"] != w.prog.Name || preview["existing_account"] != false {
		t.Fatalf("preview %v", preview)
	}
	// The listing never shows the token again.
	list := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/invitations", w.tok["coordinator"]), 200)
	if strings.Contains(string(list.Body), token) {
		t.Fatal("token visible in the list")
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/invitations/" + token + "/accept", body: map[string]any{"name": "N", "password": "short"}}), 400)
	tokens := must(t, w.do(req{method: "POST", path: "/api/v1/invitations/" + token + "/accept", body: map[string]any{"name": "Nieuwe Partner", "password": "a long enough password"}}), 200).json(t)
	access := tokens["access_token"].(string)
	p := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String(), access), 200).json(t)
	if fmt.Sprint(p["my_roles"]) != "[partner reviewer]" {
		t.Fatalf("roles after accepting: %v", p["my_roles"])
	}
	// Used once only.
	r := must(t, w.do(req{method: "POST", path: "/api/v1/invitations/" + token + "/accept", body: map[string]any{"name": "x", "password": "a long enough password"}}), 409)
	if r.code() != "invitation_not_usable" {
		t.Fatal(string(r.Body))
	}
	must(t, w.get("/api/v1/invitations/"+strings.Repeat("a", 43), ""), 404)

	// An existing account joins with its own password and keeps its name.
	inv2 := must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: map[string]any{
		"email": strings.ToUpper(w.outsider.Email), "organisation_id": w.orgFR.ID, "programme_id": w.prog.ID, "roles": []string{"reviewer"},
	}}), 201).json(t)
	token2 := strings.TrimPrefix(inv2["invite_url"].(string), "http://peerbridge.test/invitations/")
	if must(t, w.get("/api/v1/invitations/"+token2, ""), 200).json(t)["existing_account"] != true {
		t.Fatal("existing account not recognised")
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/invitations/" + token2 + "/accept", body: map[string]any{"password": "not the password"}}), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/invitations/" + token2 + "/accept", body: map[string]any{"password": testPassword}}), 200)
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String(), w.tok["outsider"]), 200)
}
