package httpapi_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"strings"
	"sync"
	"testing"
)

// uploadWithRole sends content in the field file, after a field role when role is not empty.
func (e *env) uploadWithRole(token, ownerPath, role, fileName string, content []byte) response {
	e.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if role != "" {
		_ = mw.WriteField("role", role)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, fileName))
	h.Set("Content-Type", "application/octet-stream")
	pw, _ := mw.CreatePart(h)
	_, _ = pw.Write(content)
	_ = mw.Close()
	return e.do(req{method: "POST", path: ownerPath + "/attachments", token: token, body: b.Bytes(), header: map[string]string{"Content-Type": mw.FormDataContentType()}})
}

// TestActivityFilesHaveRolesAndTheActivitysVisibility: a peer-review meeting keeps its discussion
// paper and comment papers as such; members of the programme read them, the coordinators and the
// host organisation's partners add and remove them, and outside the programme they do not exist.
func TestActivityFilesHaveRolesAndTheActivitysVisibility(t *testing.T) {
	w := newWorld(t)
	// Hosted by the partner's organisation (Werkbrug, NL) with a French peer.
	body := activityBody(w, "Peer review in Utrecht", w.orgNL.ID.String())
	body["kind"] = "peer_review_meeting"
	act := w.createActivity(body)
	owner := "/api/v1/activities/" + act["id"].(string)
	other := w.createActivity(activityBody(w, "Visit to Jobcentrum", w.orgBE.ID.String()))
	otherOwner := "/api/v1/activities/" + other["id"].(string)

	paper := noise(pdfHead, 5000)
	disc := must(t, w.uploadWithRole(w.tok["partner"], owner, "discussion_paper", "Discussion paper.pdf", paper), 201).json(t)
	if disc["owner_type"] != "activity" || disc["owner_id"] != act["id"] || disc["role"] != "discussion_paper" || disc["can_delete"] != true {
		t.Fatalf("discussion paper: %v", disc)
	}
	comment := must(t, w.uploadWithRole(w.tok["coordinator"], owner, "comment_paper", "Comments France.txt", []byte("Comments from France.\n")), 201).json(t)
	plain := must(t, w.uploadWithRole(w.tok["partner"], owner, "", "Photo.png", noise(pngHead, 800)), 201).json(t)
	if comment["role"] != "comment_paper" || plain["role"] != nil {
		t.Fatalf("roles: %v, %v", comment["role"], plain["role"])
	}

	// Every member reads the list and downloads; the reviewer may not remove.
	for _, who := range []string{"coordinator", "partner", "reviewer", "admin"} {
		items := must(t, w.get(owner+"/attachments", w.tok[who]), 200).json(t)["items"].([]any)
		if len(items) != 3 || items[0].(map[string]any)["role"] != "discussion_paper" {
			t.Fatalf("%s lists %v", who, items)
		}
		if got := must(t, w.get(disc["download_url"].(string), w.tok[who]), 200); !bytes.Equal(got.Body, paper) {
			t.Fatalf("%s downloads %d bytes", who, len(got.Body))
		}
	}
	if items := must(t, w.get(owner+"/attachments", w.tok["reviewer"]), 200).json(t)["items"].([]any); items[0].(map[string]any)["can_delete"] != false {
		t.Fatal("a reviewer may remove an activity's file")
	}

	w.orgBE2(t)
	w.tok["tandem"] = w.login("tandem@example.org")
	cases := []struct {
		name, token, path string
		r                 func(token, path string) response
		status            int
	}{
		{"outsider lists", "outsider", owner, func(tok, p string) response { return w.get(p+"/attachments", tok) }, 404},
		{"outsider downloads", "outsider", disc["download_url"].(string), func(tok, p string) response { return w.get(p, tok) }, 404},
		{"outsider uploads", "outsider", owner, func(tok, p string) response { return w.uploadWithRole(tok, p, "minutes", "m.txt", []byte("x")) }, 404},
		{"outsider deletes", "outsider", disc["download_url"].(string), func(tok, p string) response { return w.do(req{method: "DELETE", path: p, token: tok}) }, 404},
		{"reviewer uploads", "reviewer", owner, func(tok, p string) response { return w.uploadWithRole(tok, p, "comment_paper", "c.txt", []byte("x")) }, 403},
		{"partner of another organisation uploads", "tandem", owner, func(tok, p string) response { return w.uploadWithRole(tok, p, "", "c.txt", []byte("x")) }, 403},
		{"partner uploads to an activity hosted by another organisation", "partner", otherOwner, func(tok, p string) response { return w.uploadWithRole(tok, p, "", "c.txt", []byte("x")) }, 403},
		{"reviewer deletes", "reviewer", disc["download_url"].(string), func(tok, p string) response { return w.do(req{method: "DELETE", path: p, token: tok}) }, 403},
		{"partner of another organisation deletes", "tandem", disc["download_url"].(string), func(tok, p string) response { return w.do(req{method: "DELETE", path: p, token: tok}) }, 403},
		{"unknown activity", "coordinator", "/api/v1/activities/00000000-0000-4000-8000-000000000000", func(tok, p string) response { return w.get(p+"/attachments", tok) }, 404},
		{"anonymous", "anonymous", owner, func(tok, p string) response { return w.get(p+"/attachments", tok) }, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { must(t, c.r(w.tok[c.token], c.path), c.status) })
	}

	// A role outside the list is refused naming the field; files of other objects have none.
	if r := must(t, w.uploadWithRole(w.tok["partner"], owner, "agenda", "a.txt", []byte("x")), 400); !fieldNamed(r, "role", "not_allowed") {
		t.Fatalf("unknown role: %s", r.Body)
	}
	p := w.createPractice(w.tok["partner"], fullPractice("Job coaching", "en"))
	if r := must(t, w.uploadWithRole(w.tok["partner"], "/api/v1/practices/"+p["id"].(string), "minutes", "m.txt", []byte("x")), 400); !fieldNamed(r, "role", "invalid") {
		t.Fatalf("role on a practice's file: %s", r.Body)
	}
	if items := must(t, w.get(owner+"/attachments", w.tok["partner"]), 200).json(t)["items"].([]any); len(items) != 3 {
		t.Fatalf("refused uploads left %d files", len(items))
	}

	// The host's partner removes a file; deleting the activity forgets the rest.
	must(t, w.do(req{method: "DELETE", path: plain["download_url"].(string), token: w.tok["partner"]}), 204)
	must(t, w.do(req{method: "DELETE", path: owner, token: w.tok["coordinator"]}), 204)
	must(t, w.get(disc["download_url"].(string), w.tok["coordinator"]), 404)
	var left int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM attachments WHERE owner_type = 'activity' AND owner_id = $1`, act["id"]).Scan(&left); err != nil || left != 0 {
		t.Fatalf("files of a deleted activity: %d (%v)", left, err)
	}
}

// TestActivityFileRoleChanges: whoever may remove an activity's file may say again what it is,
// with If-Match like every PATCH; the change is audited and the answer is the file as the list
// shows it. Everyone else is refused as a delete would be, and bad bodies name their field.
func TestActivityFileRoleChanges(t *testing.T) {
	w := newWorld(t)
	body := activityBody(w, "Peer review in Utrecht", w.orgNL.ID.String())
	body["kind"] = "peer_review_meeting"
	act := w.createActivity(body)
	owner := "/api/v1/activities/" + act["id"].(string)
	up := must(t, w.uploadWithRole(w.tok["partner"], owner, "other", "Minutes 12 May.txt", []byte("Minutes of the meeting.\n")), 201)
	f := up.json(t)
	file := f["download_url"].(string)
	if f["version"] != float64(1) || up.Header.Get("ETag") != `"1"` {
		t.Fatalf("a new file is version 1 with its ETag: %v, %q", f["version"], up.Header.Get("ETag"))
	}
	patch := func(token, ifMatch string, body any) response {
		h := map[string]string{}
		if ifMatch != "" {
			h["If-Match"] = ifMatch
		}
		return w.do(req{method: "PATCH", path: file, token: token, body: body, header: h})
	}

	// The host organisation's partner corrects the role; the answer is the list's shape.
	r := must(t, patch(w.tok["partner"], `"1"`, map[string]any{"role": "minutes"}), 200)
	got := r.json(t)
	if got["role"] != "minutes" || got["version"] != float64(2) || r.Header.Get("ETag") != `"2"` || got["can_delete"] != true ||
		got["id"] != f["id"] || got["file_name"] != "Minutes 12 May.txt" || got["sha256"] != f["sha256"] || got["download_url"] != file {
		t.Fatalf("after the change: %v (ETag %q)", got, r.Header.Get("ETag"))
	}
	items := must(t, w.get(owner+"/attachments", w.tok["reviewer"]), 200).json(t)["items"].([]any)
	if it := items[0].(map[string]any); it["role"] != "minutes" || it["version"] != float64(2) || it["can_delete"] != false {
		t.Fatalf("the list after the change: %v", it)
	}
	// The bytes are those uploaded.
	if d := must(t, w.get(file, w.tok["reviewer"]), 200); string(d.Body) != "Minutes of the meeting.\n" {
		t.Fatalf("download after the change: %q", d.Body)
	}

	// The change is in the audit log, under the activity, with the role before and after.
	e := findEntry(auditEntries(t, w, ""), "attachment.role_changed", act["id"].(string))
	if e == nil {
		t.Fatal("the role change is not in the audit log")
	}
	before, after := e["before"].(map[string]any), e["after"].(map[string]any)
	if e["object_type"] != "activity" || before["role"] != "other" || after["role"] != "minutes" || after["attachment_id"] != f["id"] ||
		after["file_name"] != "Minutes 12 May.txt" {
		t.Fatalf("audit entry: %v", e)
	}

	// A coordinator clears it (null: not said) and sets it again.
	if got := must(t, patch(w.tok["coordinator"], `"2"`, map[string]any{"role": nil}), 200).json(t); got["role"] != nil || got["version"] != float64(3) {
		t.Fatalf("cleared: %v", got)
	}
	must(t, patch(w.tok["coordinator"], `"3"`, map[string]any{"role": "discussion_paper"}), 200)
	// The role it already has changes nothing, not even the version, and records nothing.
	n := len(auditEntries(t, w, ""))
	if got := must(t, patch(w.tok["coordinator"], `"4"`, map[string]any{"role": "discussion_paper"}), 200).json(t); got["version"] != float64(4) {
		t.Fatalf("an unchanged role moved the version: %v", got)
	}
	if len(auditEntries(t, w, "")) != n {
		t.Fatal("an unchanged role was audited")
	}

	// Concurrency: no If-Match is 428, a stale one 412, a malformed one 400; nothing changes.
	if r := must(t, patch(w.tok["partner"], "", map[string]any{"role": "minutes"}), 428); r.code() != "precondition_required" {
		t.Fatalf("without If-Match: %s", r.Body)
	}
	if r := must(t, patch(w.tok["partner"], `"2"`, map[string]any{"role": "minutes"}), 412); r.code() != "version_mismatch" {
		t.Fatalf("stale If-Match: %s", r.Body)
	}
	must(t, patch(w.tok["partner"], `W/"4"`, map[string]any{"role": "minutes"}), 400)
	// Two editors changing the same version at once: exactly one wins, the other is told.
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	for i, role := range []string{"minutes", "comment_paper", "other", "minutes"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = patch(w.tok["coordinator"], `"4"`, map[string]any{"role": role}).Status
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
			t.Fatalf("concurrent changes answered %v", statuses)
		}
	}
	if wins != 1 {
		t.Fatalf("concurrent changes of version 4: %v, want exactly one 200", statuses)
	}
	cur := must(t, w.get(owner+"/attachments", w.tok["coordinator"]), 200).json(t)["items"].([]any)[0].(map[string]any)
	if cur["version"] != float64(5) {
		t.Fatalf("after the race: %v", cur)
	}
	etag := `"5"`

	// Rights: exactly those of the delete. An outsider and an unknown id are 404; a reader of the
	// programme and a partner of another organisation are 403; anonymous is 401.
	w.orgBE2(t)
	w.tok["tandem"] = w.login("tandem@example.org")
	for _, c := range []struct {
		name, token, path string
		status            int
	}{
		{"outsider", "outsider", file, 404},
		{"unknown file", "coordinator", "/api/v1/attachments/00000000-0000-4000-8000-000000000000", 404},
		{"malformed id", "coordinator", "/api/v1/attachments/not-a-uuid", 404},
		{"reviewer", "reviewer", file, 403},
		{"partner of another organisation", "tandem", file, 403},
		{"anonymous", "anonymous", file, 401},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := must(t, w.do(req{method: "PATCH", path: c.path, token: w.tok[c.token], body: map[string]any{"role": "minutes"},
				header: map[string]string{"If-Match": etag}}), c.status)
			if r.Header.Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%d is not problem+json: %s", r.Status, r.Body)
			}
			// The same answer as a delete by the same person.
			if c.token != "anonymous" {
				must(t, w.do(req{method: "DELETE", path: c.path, token: w.tok[c.token]}), c.status)
			}
		})
	}

	// Bad bodies are 400s naming the field, before anything is looked up or changed.
	p := w.createPractice(w.tok["partner"], fullPractice("Job coaching", "en"))
	pf := must(t, w.upload(w.tok["partner"], "/api/v1/practices/"+p["id"].(string), "notes.txt", []byte("Notes.")), 201).json(t)
	for _, c := range []struct {
		name, path string
		body       any
		code       string
		fields     map[string]string
	}{
		{"unknown role", file, `{"role":"agenda"}`, "validation_failed", map[string]string{"role": "not_allowed"}},
		{"empty role", file, `{"role":""}`, "validation_failed", map[string]string{"role": "not_allowed"}},
		{"role of the wrong type", file, `{"role":3}`, "validation_failed", map[string]string{"role": "wrong_type"}},
		{"no role", file, `{}`, "validation_failed", map[string]string{"role": "required"}},
		{"another member", file, `{"role":"minutes","file_name":"evil.exe","owner_id":"00000000-0000-4000-8000-000000000000"}`, "validation_failed",
			map[string]string{"file_name": "not_allowed", "owner_id": "not_allowed"}},
		{"a misspelt member", file, `{"rol":"minutes"}`, "validation_failed", map[string]string{"rol": "not_allowed", "role": "required"}},
		{"body null", file, `null`, "validation_failed", map[string]string{"body": "not_null"}},
		{"body a list", file, `["minutes"]`, "validation_failed", map[string]string{"body": "wrong_type"}},
		{"no body", file, ``, "bad_request", nil},
		{"not JSON", file, `{"role":`, "bad_request", nil},
		{"a role for a practice's file", pf["download_url"].(string), `{"role":"minutes"}`, "validation_failed", map[string]string{"role": "invalid"}},
		{"no role for a practice's file", pf["download_url"].(string), `{"role":null}`, "validation_failed", map[string]string{"role": "invalid"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := must(t, w.do(req{method: "PATCH", path: c.path, token: w.tok["partner"], body: c.body, header: map[string]string{"If-Match": `"5"`}}), 400)
			if r.Header.Get("Content-Type") != "application/problem+json" || r.code() != c.code {
				t.Fatalf("got %s %s", r.Header.Get("Content-Type"), r.Body)
			}
			for field, code := range c.fields {
				if !fieldNamed(r, field, code) {
					t.Errorf("no %s error on %s: %s", code, field, r.Body)
				}
			}
		})
	}
	if r := must(t, w.do(req{method: "PATCH", path: file, token: w.tok["partner"], body: `{"role":"agenda","x":1}`, header: map[string]string{"If-Match": `"5"`}}), 400); !strings.Contains(string(r.Body), `"allowed":["role"]`) {
		t.Fatalf("an unknown member does not say what is allowed: %s", r.Body)
	}
	cur = must(t, w.get(owner+"/attachments", w.tok["coordinator"]), 200).json(t)["items"].([]any)[0].(map[string]any)
	if cur["version"] != float64(5) {
		t.Fatalf("a refused change moved the file: %v", cur)
	}
	var role *string
	if err := w.db.SQL().QueryRow(`SELECT role FROM attachments WHERE id = $1`, pf["id"]).Scan(&role); err != nil || role != nil {
		t.Fatalf("the practice's file has a role: %v (%v)", role, err)
	}
}
