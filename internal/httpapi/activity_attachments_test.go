package httpapi_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
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
