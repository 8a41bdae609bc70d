package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

var roles = []string{"admin", "coordinator", "partner", "reviewer", "outsider", "anonymous"}

// TestAuthorisationMatrix checks every role against every foundation endpoint. Outside your scope
// an object does not exist (404); in scope but not yours to change is 403; no token is 401.
func TestAuthorisationMatrix(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	prog := "/api/v1/programmes/" + w.prog.ID.String()
	other := "/api/v1/programmes/" + w.other.ID.String()
	target := w.user("target@example.org", w.orgNL, false)

	// version reads the current ETag so each row tests permission, not staleness.
	version := func(kind string, id uuid.UUID) string {
		var v int
		switch kind {
		case "programme":
			p, err := w.store.Programme(ctx, id, uuid.Nil)
			if err != nil {
				t.Fatal(err)
			}
			v = p.Version
		case "user":
			u, err := w.store.User(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			v = u.Version
		case "organisation":
			o, err := w.store.Organisation(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			v = o.Version
		}
		return fmt.Sprintf(`"%d"`, v)
	}
	n := 0
	unique := func() string { n++; return fmt.Sprintf("%d", n) }

	type row struct {
		name   string
		method string
		path   string
		body   func() any
		ifm    func() string
		setup  func()
		want   map[string]int // role → status
	}
	all := func(authed int) map[string]int {
		return map[string]int{"admin": authed, "coordinator": authed, "partner": authed, "reviewer": authed, "outsider": authed, "anonymous": 401}
	}
	memberOnly := func(ok int) map[string]int {
		return map[string]int{"admin": ok, "coordinator": ok, "partner": ok, "reviewer": ok, "outsider": 404, "anonymous": 401}
	}
	coordOnly := func(ok int) map[string]int {
		return map[string]int{"admin": ok, "coordinator": ok, "partner": 403, "reviewer": 403, "outsider": 404, "anonymous": 401}
	}
	adminOnly := func(ok int) map[string]int {
		return map[string]int{"admin": ok, "coordinator": 403, "partner": 403, "reviewer": 403, "outsider": 403, "anonymous": 401}
	}
	rows := []row{
		{name: "me", method: "GET", path: "/api/v1/me", want: all(200)},
		{name: "list programmes", method: "GET", path: "/api/v1/programmes", want: all(200)},
		{name: "create programme", method: "POST", path: "/api/v1/programmes", body: func() any { return map[string]any{"name": "P" + unique()} }, want: adminOnly(201)},
		{name: "get programme", method: "GET", path: prog, want: memberOnly(200)},
		{name: "get other programme", method: "GET", path: other, want: map[string]int{"admin": 200, "coordinator": 404, "partner": 404, "reviewer": 404, "outsider": 200, "anonymous": 401}},
		{name: "patch programme", method: "PATCH", path: prog, ifm: func() string { return version("programme", w.prog.ID) },
			body: func() any { return map[string]any{"objective": "objective " + unique()} }, want: coordOnly(200)},
		{name: "patch other programme", method: "PATCH", path: other, ifm: func() string { return version("programme", w.other.ID) },
			body: func() any { return map[string]any{"objective": "x"} }, want: map[string]int{"admin": 200, "coordinator": 404, "partner": 404, "reviewer": 404, "outsider": 403, "anonymous": 401}},
		{name: "list members", method: "GET", path: prog + "/members", want: memberOnly(200)},
		{name: "put member", method: "PUT", path: prog + "/members/" + target.ID.String(), body: func() any { return map[string]any{"roles": []string{"reviewer"}} }, want: coordOnly(200)},
		{name: "delete member", method: "DELETE", path: prog + "/members/" + target.ID.String(),
			setup: func() { w.member(w.prog, target, domain.RoleReviewer) }, want: coordOnly(204)},
		{name: "list invitations", method: "GET", path: prog + "/invitations", want: coordOnly(200)},
		{name: "create invitation", method: "POST", path: "/api/v1/invitations", body: func() any {
			return map[string]any{"email": "inv" + unique() + "@example.org", "organisation_id": w.orgFR.ID, "programme_id": w.prog.ID, "roles": []string{"partner"}}
		}, want: coordOnly(201)},
		{name: "list organisations", method: "GET", path: "/api/v1/organisations", want: all(200)},
		{name: "get organisation", method: "GET", path: "/api/v1/organisations/" + w.orgNL.ID.String(), want: all(200)},
		{name: "create organisation", method: "POST", path: "/api/v1/organisations", body: func() any {
			return map[string]any{"name": "Org " + unique(), "country": "DE", "kind": "employer"}
		}, want: map[string]int{"admin": 201, "coordinator": 201, "partner": 403, "reviewer": 403, "outsider": 403, "anonymous": 401}},
		{name: "patch organisation", method: "PATCH", path: "/api/v1/organisations/" + w.orgNL.ID.String(), ifm: func() string { return version("organisation", w.orgNL.ID) },
			body: func() any { return map[string]any{"city": "Utrecht " + unique()} }, want: adminOnly(200)},
		{name: "list users", method: "GET", path: "/api/v1/users", want: adminOnly(200)},
		{name: "create user", method: "POST", path: "/api/v1/users", body: func() any {
			return map[string]any{"email": "u" + unique() + "@example.org", "name": "U", "organisation_id": w.orgBE.ID, "password": "long enough password"}
		}, want: adminOnly(201)},
		{name: "get partner's account", method: "GET", path: "/api/v1/users/" + w.partner.ID.String(),
			want: map[string]int{"admin": 200, "coordinator": 404, "partner": 200, "reviewer": 404, "outsider": 404, "anonymous": 401}},
		{name: "patch partner's account", method: "PATCH", path: "/api/v1/users/" + w.partner.ID.String(), ifm: func() string { return version("user", w.partner.ID) },
			body: func() any { return map[string]any{"name": "Partner " + unique()} },
			want: map[string]int{"admin": 200, "coordinator": 404, "partner": 403, "reviewer": 404, "outsider": 404, "anonymous": 401}},
	}
	for _, r := range rows {
		for _, role := range roles {
			want, ok := r.want[role]
			if !ok {
				t.Fatalf("%s: no expectation for %s", r.name, role)
			}
			t.Run(r.name+"/"+role, func(t *testing.T) {
				if r.setup != nil {
					r.setup()
				}
				q := req{method: r.method, path: r.path, token: w.tok[role], header: map[string]string{}}
				if r.body != nil {
					q.body = r.body()
				}
				if r.ifm != nil {
					q.header["If-Match"] = r.ifm()
				}
				res := w.do(q)
				if res.Status != want {
					t.Fatalf("%s %s as %s: status %d, want %d: %s", r.method, r.path, role, res.Status, want, res.Body)
				}
				if res.Status >= 400 && res.Header.Get("Content-Type") != "application/problem+json" {
					t.Fatalf("error without problem+json: %q", res.Header.Get("Content-Type"))
				}
			})
		}
	}
}

// A list never holds what a GET would refuse: each programme in a caller's list opens for them,
// and each programme they can open is in their list.
func TestProgrammeListMatchesWhatGetAllows(t *testing.T) {
	w := newWorld(t)
	for _, role := range roles[:5] {
		t.Run(role, func(t *testing.T) {
			page := must(t, w.get("/api/v1/programmes?page_size=100", w.tok[role]), 200).json(t)
			listed := map[string]bool{}
			for _, it := range page["items"].([]any) {
				listed[it.(map[string]any)["id"].(string)] = true
			}
			for _, p := range []uuid.UUID{w.prog.ID, w.other.ID} {
				res := w.get("/api/v1/programmes/"+p.String(), w.tok[role])
				if (res.Status == 200) != listed[p.String()] {
					t.Fatalf("programme %s: GET %d but listed=%v", p, res.Status, listed[p.String()])
				}
			}
		})
	}
}

func TestMemberEmailsAreForCoordinatorsOnly(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/members"
	for role, wantEmail := range map[string]bool{"coordinator": true, "admin": true, "partner": false, "reviewer": false} {
		items := must(t, w.get(path, w.tok[role]), 200).json(t)["items"].([]any)
		if len(items) != 3 {
			t.Fatalf("%s sees %d members, want 3", role, len(items))
		}
		for _, it := range items {
			_, has := it.(map[string]any)["email"]
			if has != wantEmail {
				t.Fatalf("%s: e-mail shown=%v, want %v", role, has, wantEmail)
			}
		}
	}
}

func TestAProgrammeKeepsItsLastCoordinator(t *testing.T) {
	w := newWorld(t)
	p := "/api/v1/programmes/" + w.prog.ID.String() + "/members/" + w.coord.ID.String()
	r := must(t, w.do(req{method: "PUT", path: p, token: w.tok["coordinator"], body: map[string]any{"roles": []string{"partner"}}}), 409)
	if r.code() != "last_coordinator" {
		t.Fatalf("code %s", r.code())
	}
	must(t, w.do(req{method: "DELETE", path: p, token: w.tok["admin"]}), 409)
	// With a second coordinator the first may step down, and the change is audited.
	must(t, w.do(req{method: "PUT", path: "/api/v1/programmes/" + w.prog.ID.String() + "/members/" + w.partner.ID.String(), token: w.tok["coordinator"],
		body: map[string]any{"roles": []string{"coordinator", "partner"}}}), 200)
	must(t, w.do(req{method: "PUT", path: p, token: w.tok["coordinator"], body: map[string]any{"roles": []string{"partner"}}}), 200)
	var n int64
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'membership.roles_changed' AND programme_id = $1`, w.prog.ID).Scan(&n); err != nil || n != 2 {
		t.Fatalf("audit entries for role changes: %d (%v), want 2", n, err)
	}
}

// TestActionsOutsideScopeLookLikeRandomIDs: for every action route, a caller who cannot see the
// object gets exactly the answer a random id gets (404, same code and detail), and the object is
// unchanged. 403 is only for an object the caller may see (SPEC §2).
func TestActionsOutsideScopeLookLikeRandomIDs(t *testing.T) {
	w := newAdaptationWorld(t)
	prog := w.prog.ID.String()
	coord := w.tok["coordinator"]

	// A second practice of the Dutch partner, in review in an open round, assigned to the German
	// reviewer, who comments on it: other partners and unassigned reviewers cannot see any of it.
	practice := w.createPractice(w.tok["partner"], fullPractice("Job coaching on site", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], practice, "submit"), 200)
	round := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + prog + "/rounds", token: coord, body: map[string]any{
		"name": "Autumn round", "due_at": time.Now().Add(14 * 24 * time.Hour).UTC().Format(time.RFC3339), "reviewers_per_practice": 2, "max_load": 3, "cross_border": true,
	}}), 201).json(t)["id"].(string)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: coord, body: map[string]any{"practice_ids": []string{practice}}}), 200)
	assignment := must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: coord,
		body: map[string]any{"practice_id": practice, "reviewer_id": w.revDE.ID.String()}}), 201).json(t)["id"].(string)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: coord}), 200)
	comment := must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + practice + "/comments", token: w.tok["rev.de"],
		body: map[string]any{"body": "Which employers joined first?"}}), 201).json(t)["id"].(string)
	adaptation := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
	product := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + prog + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Regional employer pool", "kind": "network", "status": "idea", "inspired_by_practice_ids": []string{w.practiceID}}}), 201).json(t)["id"].(string)
	target := w.user("target@example.org", w.orgFR, false)
	// A draft is its organisation's alone, coordinators included.
	draft := w.createPractice(w.tok["partner"], fullPractice("Draft idea", "en"))["id"].(string)

	outsider, partnerDE, unassigned, owner, otherReviewer := w.tok["outsider"], w.partnerDE, w.tok["reviewer"], w.tok["partner"], w.tok["rev.fi"]
	practiceCallers := []string{outsider, partnerDE, unassigned}
	due := time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339)

	type row struct {
		method, path string // path holds %s for the id
		table, id    string // the object, to check it is unchanged
		body         any
		callers      []string
	}
	rows := []row{
		{"POST", "/api/v1/practices/%s/decision", "practices", practice, map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong."}, practiceCallers},
		{"POST", "/api/v1/practices/%s/decision", "practices", draft, map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong."}, []string{coord, partnerDE}},
		{"POST", "/api/v1/practices/%s/submit", "practices", practice, nil, practiceCallers},
		{"POST", "/api/v1/practices/%s/withdraw", "practices", practice, nil, practiceCallers},
		{"POST", "/api/v1/practices/%s/reopen", "practices", practice, nil, practiceCallers},
		{"PATCH", "/api/v1/practices/%s", "practices", practice, map[string]any{"title": "Taken over"}, practiceCallers},
		{"DELETE", "/api/v1/practices/%s", "practices", practice, nil, practiceCallers},
		{"POST", "/api/v1/practices/%s/response", "practices", practice, map[string]any{"round_id": round, "body": "We disagree."}, practiceCallers},
		{"PUT", "/api/v1/practices/%s/translations/de", "practices", practice, map[string]any{"status": "machine", "title": "Jobcoaching"}, practiceCallers},
		{"POST", "/api/v1/practices/%s/comments", "practices", practice, map[string]any{"body": "Hello"}, practiceCallers},
		{"PATCH", "/api/v1/comments/%s", "comments", comment, map[string]any{"body": "Edited"}, []string{outsider, partnerDE}},
		{"DELETE", "/api/v1/comments/%s", "comments", comment, nil, []string{outsider, partnerDE}},
		{"POST", "/api/v1/rounds/%s/open", "rounds", round, nil, []string{outsider}},
		{"POST", "/api/v1/rounds/%s/close", "rounds", round, nil, []string{outsider}},
		{"PATCH", "/api/v1/rounds/%s", "rounds", round, map[string]any{"name": "Renamed"}, []string{outsider}},
		{"POST", "/api/v1/rounds/%s/practices", "rounds", round, map[string]any{"practice_ids": []string{practice}}, []string{outsider}},
		{"POST", "/api/v1/rounds/%s/assignments", "rounds", round, map[string]any{"practice_id": practice, "reviewer_id": w.revIE.ID.String()}, []string{outsider}},
		{"POST", "/api/v1/rounds/%s/auto-assign", "rounds", round, map[string]any{"dry_run": false}, []string{outsider}},
		{"PATCH", "/api/v1/rubrics/%s", "rubrics", w.rubricID, map[string]any{"title": "Renamed"}, []string{outsider}},
		{"POST", "/api/v1/rubrics/%s/activate", "rubrics", w.rubricID, nil, []string{outsider}},
		{"POST", "/api/v1/assignments/%s/accept", "assignments", assignment, nil, []string{outsider, owner, unassigned, otherReviewer}},
		{"POST", "/api/v1/assignments/%s/decline", "assignments", assignment, map[string]any{"reason": "No time"}, []string{outsider, owner, unassigned, otherReviewer}},
		{"PUT", "/api/v1/assignments/%s/review", "assignments", assignment, completeReview(3), []string{outsider, owner, unassigned, otherReviewer}},
		{"POST", "/api/v1/assignments/%s/review/submit", "assignments", assignment, nil, []string{outsider, owner, unassigned, otherReviewer}},
		{"POST", "/api/v1/assignments/%s/review/reopen", "assignments", assignment, nil, []string{outsider, owner, unassigned, otherReviewer}},
		{"PATCH", "/api/v1/assignments/%s", "assignments", assignment, map[string]any{"due_at": due}, []string{outsider, owner, unassigned, otherReviewer}},
		{"DELETE", "/api/v1/assignments/%s", "assignments", assignment, nil, []string{outsider, owner, unassigned, otherReviewer}},
		{"PATCH", "/api/v1/adaptations/%s", "adaptations", adaptation, map[string]any{"stage": "planning"}, []string{outsider}},
		{"POST", "/api/v1/adaptations/%s/outcomes", "adaptations", adaptation, map[string]any{"recorded_on": "2026-01-15", "participants": 3, "returned_to_work": 1}, []string{outsider}},
		{"PATCH", "/api/v1/products/%s", "new_products", product, map[string]any{"status": "available"}, []string{outsider}},
		{"PUT", "/api/v1/programmes/%s/members/" + target.ID.String(), "programmes", prog, map[string]any{"roles": []string{"reviewer"}}, []string{outsider}},
		{"DELETE", "/api/v1/programmes/%s/members/" + w.partner.ID.String(), "programmes", prog, nil, []string{outsider}},
	}
	names := map[string]string{coord: "coordinator", outsider: "outsider", partnerDE: "partner of another organisation", unassigned: "unassigned reviewer",
		owner: "partner of the practice's organisation", otherReviewer: "other reviewer", w.tok["rev.de"]: "assigned reviewer"}
	snapshot := func(table, id string) string {
		var s string
		err := w.db.SQL().QueryRow(`SELECT row_to_json(t)::text || (SELECT count(*) FROM audit_log)::text || (SELECT count(*) FROM comments)::text ||
			(SELECT count(*) FROM decisions)::text || (SELECT count(*) FROM review_responses)::text || (SELECT count(*) FROM memberships)::text
			FROM `+table+` t WHERE id = $1`, id).Scan(&s)
		if err != nil {
			t.Fatalf("snapshot %s %s: %v", table, id, err)
		}
		return s
	}
	for _, r := range rows {
		for _, token := range r.callers {
			t.Run(r.method+" "+fmt.Sprintf(r.path, "{id}")+" as "+names[token], func(t *testing.T) {
				before := snapshot(r.table, r.id)
				q := func(id string) response {
					return w.do(req{method: r.method, path: fmt.Sprintf(r.path, id), token: token, body: r.body, header: map[string]string{"If-Match": `"1"`}})
				}
				real, random := q(r.id), q(uuid.NewString())
				if real.Status != 404 || random.Status != 404 || real.code() != random.code() || detail(real) != detail(random) {
					t.Fatalf("real id: %d %s\nrandom id: %d %s", real.Status, real.Body, random.Status, random.Body)
				}
				if after := snapshot(r.table, r.id); after != before {
					t.Fatalf("the object changed:\nbefore %s\nafter  %s", before, after)
				}
			})
		}
	}
	// Those who may see the object but not change it are told so.
	for _, c := range []struct {
		method, path, token string
		body                any
	}{
		{"POST", "/api/v1/practices/" + practice + "/decision", owner, map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong."}},
		{"POST", "/api/v1/practices/" + practice + "/decision", w.tok["rev.de"], map[string]any{"round_id": round, "outcome": "good_practice", "rationale": "Strong."}},
		{"POST", "/api/v1/assignments/" + assignment + "/accept", coord, nil},
		{"POST", "/api/v1/rounds/" + round + "/close", owner, nil},
	} {
		r := w.do(req{method: c.method, path: c.path, token: c.token, body: c.body})
		if r.Status != 403 || r.code() != "forbidden" {
			t.Errorf("%s %s as %s: %d %s, want 403", c.method, c.path, names[c.token], r.Status, r.Body)
		}
	}
}

func detail(r response) string {
	var p struct{ Detail string }
	_ = json.Unmarshal(r.Body, &p)
	return p.Detail
}
