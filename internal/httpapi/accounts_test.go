package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// outboxMail is one account e-mail waiting in (or sent from) the outbox.
type outboxMail struct{ To, Subject, Body string }

// outbox reads the account e-mails queued for an address, oldest first.
func (e *env) outbox(to string) []outboxMail {
	e.t.Helper()
	rows, err := e.db.SQL().Query(`SELECT payload::text FROM jobs WHERE kind = 'mail' AND lower(payload ->> 'to') = lower($1) ORDER BY id`, to)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []outboxMail
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			e.t.Fatal(err)
		}
		var m outboxMail
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db.SQL().QueryRow(query, args...).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

var resetLink = regexp.MustCompile(`/reset-password\?token=(\S+)`)

// resetToken asks for a reset of email and returns the token of the e-mail it queued.
func (e *env) resetToken(email string) string {
	e.t.Helper()
	before := len(e.outbox(email))
	must(e.t, e.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": email}}), 202)
	mails := e.outbox(email)
	if len(mails) != before+1 {
		e.t.Fatalf("%d e-mails to %s, want %d", len(mails), email, before+1)
	}
	m := resetLink.FindStringSubmatch(mails[len(mails)-1].Body)
	if m == nil {
		e.t.Fatalf("no reset link in %q", mails[len(mails)-1].Body)
	}
	token, err := url.QueryUnescape(m[1])
	if err != nil {
		e.t.Fatal(err)
	}
	return token
}

func TestPasswordResetIsSingleUseAndEndsEverySession(t *testing.T) {
	w := newWorld(t)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["partner"], body: map[string]any{"locale": "nl"}}), 200)
	access, refresh := w.loginPair(w.partner.Email)

	// The address is matched whatever its case; the e-mail is in the account's language.
	token := w.resetToken(strings.ToUpper(w.partner.Email))
	mail := w.outbox(w.partner.Email)[0]
	if !strings.Contains(mail.Subject, "wachtwoord") || !strings.Contains(mail.Body, "binnen een uur") {
		t.Fatalf("the e-mail is not in Dutch: %+v", mail)
	}
	// Only the token's digest is stored.
	if n := w.count(`SELECT count(*) FROM password_resets WHERE position(convert_to($1, 'UTF8') IN token_hash) > 0`, token); n != 0 {
		t.Fatal("the token is stored in clear")
	}
	if strings.Contains(w.log.String(), token) {
		t.Fatal("the token reached the log")
	}

	confirm := func(token, password string) response {
		return w.do(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": token, "password": password}})
	}
	// A weak password is refused and spends nothing.
	must(t, confirm(token, "short"), 400)
	must(t, confirm(token, w.partner.Email), 400)
	must(t, confirm(token, "a brand new passphrase"), 204)

	// Every session ended: the access token and the refresh token of before are refused.
	must(t, w.get("/api/v1/me", access), 401)
	must(t, w.get("/api/v1/me", w.tok["partner"]), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/refresh", body: map[string]string{"refresh_token": refresh}}), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.partner.Email, "password": testPassword}}), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.partner.Email, "password": "a brand new passphrase"}}), 200)

	// Single use.
	again := must(t, confirm(token, "another new passphrase"), 410)
	if again.code() != string(domain.CodeResetTokenInvalid) {
		t.Fatalf("reused token: %s", again.Body)
	}
	// Unknown tokens get the same answer, never a 5xx.
	for _, bad := range []string{"nonsense", strings.Repeat("x", 200), "%00"} {
		if r := must(t, confirm(bad, "another new passphrase"), 410); r.code() != string(domain.CodeResetTokenInvalid) {
			t.Fatalf("unknown token: %s", r.Body)
		}
	}
	must(t, confirm("", "another new passphrase"), 400)
	if w.count(`SELECT count(*) FROM audit_log WHERE action = 'user.password_reset' AND object_id = $1`, w.partner.ID) != 1 {
		t.Fatal("the reset is not in the audit log")
	}
}

func TestPasswordResetExpiresAfterAnHour(t *testing.T) {
	w := newWorld(t)
	token := w.resetToken(w.reviewer.Email)
	if n := w.count(`SELECT count(*) FROM password_resets WHERE user_id = $1 AND expires_at BETWEEN now() + interval '59 minutes' AND now() + interval '61 minutes'`, w.reviewer.ID); n != 1 {
		t.Fatal("the token should be valid for one hour")
	}
	if _, err := w.db.SQL().Exec(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, w.reviewer.ID); err != nil {
		t.Fatal(err)
	}
	r := must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": token, "password": "a brand new passphrase"}}), 410)
	if r.code() != string(domain.CodeResetTokenInvalid) {
		t.Fatal(string(r.Body))
	}
	// The old password still works.
	w.login(w.reviewer.Email)
}

func TestPasswordResetTellsNothingAboutUnknownAddresses(t *testing.T) {
	w := newWorld(t)
	jobs := func() int { return w.count(`SELECT count(*) FROM jobs`) }
	before := jobs()
	known := must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": w.coord.Email}}), 202)
	if jobs() != before+1 {
		t.Fatal("a known address should get an e-mail")
	}
	for _, email := range []string{"nobody@example.org", "not an address at all"} {
		unknown := must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": email}}), 202)
		if string(unknown.Body) != string(known.Body) {
			t.Fatalf("different answers: %q and %q", known.Body, unknown.Body)
		}
	}
	if jobs() != before+1 {
		t.Fatal("an unknown address queued an e-mail")
	}
	if len(w.outbox("nobody@example.org")) != 0 || w.count(`SELECT count(*) FROM password_resets`) != 1 {
		t.Fatal("an unknown address left a reset")
	}
	// A disabled account gets nothing either.
	if _, err := w.db.SQL().Exec(`UPDATE users SET disabled = true WHERE id = $1`, w.outsider.ID); err != nil {
		t.Fatal(err)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": w.outsider.Email}}), 202)
	if len(w.outbox(w.outsider.Email)) != 0 {
		t.Fatal("a disabled account got a reset link")
	}
	// At most three e-mails an hour per address, answered the same way.
	for range 4 {
		must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": w.partner.Email}}), 202)
	}
	if n := len(w.outbox(w.partner.Email)); n != 3 {
		t.Fatalf("%d e-mails in an hour, want 3", n)
	}
	// Nothing typed is kept in clear.
	if w.count(`SELECT count(*) FROM password_reset_requests WHERE position(convert_to('nobody', 'UTF8') IN account_digest) > 0`) != 0 {
		t.Fatal("a typed address is stored in clear")
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]any{"email": nil}}), 400)
}

func TestInvitationIsEmailedInTheInviteesLanguage(t *testing.T) {
	w := newWorld(t)
	r := must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: map[string]any{
		"email": "neu@example.de", "name": "Neue Partnerin", "organisation_id": w.orgBE.ID, "programme_id": w.prog.ID,
		"roles": []string{"partner"}, "locale": "de",
	}}), 201).json(t)
	mails := w.outbox("neu@example.de")
	if len(mails) != 1 {
		t.Fatalf("%d invitation e-mails", len(mails))
	}
	m := mails[0]
	if !strings.Contains(m.Subject, "Einladung") || !strings.Contains(m.Subject, w.prog.Name) || !strings.Contains(m.Body, "Nehmen Sie die Einladung") {
		t.Fatalf("not a German invitation: %+v", m)
	}
	if !strings.Contains(m.Body, r["invite_url"].(string)) || !strings.Contains(m.Body, "coord") {
		t.Fatalf("the e-mail lacks the link or the inviter: %q", m.Body)
	}
	// The link still works when copied from the answer.
	token := r["invite_url"].(string)[strings.LastIndex(r["invite_url"].(string), "/")+1:]
	must(t, w.get("/api/v1/invitations/"+token, ""), 200)
}

// TestAccountMailIsSentByTheWorkerAndForgotten: the worker sends an account e-mail once and keeps
// no body (it held a link for one person).
func TestAccountMailIsSentByTheWorkerAndForgotten(t *testing.T) {
	w := newWorld(t)
	w.resetToken(w.coord.Email)
	sent := &capturingMailer{}
	worker := service.NewWorker(w.store, sent, slog.New(slog.NewTextHandler(io.Discard, nil)), "https://peerbridge.example")
	for {
		n, err := worker.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	var resets []sentMail
	for _, m := range sent.sent {
		if strings.Contains(m.body, "/reset-password?token=") {
			resets = append(resets, m)
		}
	}
	if len(resets) != 1 || resets[0].to != w.coord.Email {
		t.Fatalf("sent: %+v", sent.sent)
	}
	if w.count(`SELECT count(*) FROM jobs WHERE kind = 'mail' AND done_at IS NOT NULL AND jsonb_exists(payload, 'body')`) != 0 {
		t.Fatal("a sent e-mail kept its body")
	}
}

// erasureWorld is a review world where the French reviewer has a distinctive name and has left
// traces everywhere: a submitted review, a comment, a discussion post, audit entries.
type erasureWorld struct {
	*reviewWorld
	round, assignmentID, name string
}

func newErasureWorld(t *testing.T) *erasureWorld {
	w := &erasureWorld{reviewWorld: newReviewWorld(t), name: "Zofia Quarrendale"}
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["rev.de"], body: map[string]any{"name": w.name}}), 200)
	w.round = w.newRound(false)
	w.assignmentID = w.assignment(w.round, w.revDE.ID.String())
	aFI := w.assignment(w.round, w.revFI.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + w.round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], w.assignmentID, 3)
	w.review(w.tok["rev.fi"], aFI, 4)
	must(t, w.post(w.round, w.tok["rev.de"], "I would ask about the employers."), 201)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.de"],
		body: map[string]any{"body": "How many employers take part?"}}), 201)
	return w
}

func (e *env) scan(t *testing.T, tokens map[string]string, paths []string) string {
	t.Helper()
	var blob strings.Builder
	for _, path := range paths {
		for who, tok := range tokens {
			r := e.get(path, tok)
			if r.Status >= 500 {
				t.Fatalf("%s as %s: %d %s", path, who, r.Status, r.Body)
			}
			blob.WriteString(path + "\n")
			blob.Write(r.Body)
		}
	}
	return blob.String()
}

func TestErasureKeepsTheReviewUnderAPseudonym(t *testing.T) {
	w := newErasureWorld(t)
	pseudonym := domain.Pseudonym(w.revDE.ID)
	if !regexp.MustCompile(`^Former member [0-9A-F]{4}$`).MatchString(pseudonym) || pseudonym != domain.Pseudonym(w.revDE.ID) {
		t.Fatalf("pseudonym %q", pseudonym)
	}
	prog, p := w.prog.ID.String(), w.practiceID
	paths := []string{
		"/api/v1/practices/" + p + "/reviews", "/api/v1/practices/" + p + "/comments", w.discussionPath(w.round, p),
		"/api/v1/programmes/" + prog + "/audit?page_size=100", "/api/v1/programmes/" + prog + "/export.json",
		"/api/v1/programmes/" + prog + "/exports/reviews.csv", "/api/v1/programmes/" + prog + "/exports/practices.csv",
		"/api/v1/rounds/" + w.round + "/assignments", "/api/v1/rounds/" + w.round + "/results",
		"/api/v1/programmes/" + prog + "/members?page_size=100", "/api/v1/me/notifications?page_size=100",
		"/api/v1/users?page_size=100", "/api/v1/users/" + w.revDE.ID.String(),
	}
	// Other people name the person in what they write.
	must(t, w.post(w.round, w.tok["rev.fi"], "I agree with Zofia Quarrendale's point about the employers."), 201)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + p + "/comments", token: w.tok["coordinator"],
		body: map[string]any{"body": "Zofia Quarrendale, could you say more? (cc Zofia Quarrendale)"}}), 201)
	readers := map[string]string{"coordinator": w.tok["coordinator"], "admin": w.tok["admin"], "rev.fi": w.tok["rev.fi"]}
	before := w.scan(t, readers, paths)
	if !strings.Contains(before, w.name) || !strings.Contains(before, w.revDE.Email) {
		t.Fatal("the scan should see the name and e-mail before erasure")
	}
	// A pending e-mail quoting the name, to someone else.
	if w.count(`SELECT count(*) FROM notifications WHERE params ->> 'author' = $1`, w.name) == 0 {
		t.Fatal("the discussion post should have notified someone by name")
	}

	must(t, w.do(req{method: "POST", path: "/api/v1/me/erase", token: w.tok["rev.de"], body: map[string]string{"password": "wrong password here"}}), 400)
	must(t, w.do(req{method: "POST", path: "/api/v1/me/erase", token: w.tok["rev.de"], body: map[string]string{"password": testPassword}}), 204)

	// Sessions ended, and no way back in.
	must(t, w.get("/api/v1/me", w.tok["rev.de"]), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.revDE.Email, "password": testPassword}}), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": w.revDE.Email}}), 202)
	if len(w.outbox(w.revDE.Email)) != 0 {
		t.Fatal("an erased account got a reset link")
	}

	after := w.scan(t, readers, paths)
	for _, trace := range []string{w.name, "Zofia", "Quarrendale", w.revDE.Email, "rev.de@"} {
		if i := strings.Index(after, trace); i >= 0 {
			t.Fatalf("%q survives erasure: …%s…", trace, after[max(0, i-300):min(len(after), i+100)])
		}
	}
	if !strings.Contains(after, pseudonym) {
		t.Fatal("the pseudonym should stand where the name was")
	}
	// The review itself is kept.
	reviews := must(t, w.get("/api/v1/practices/"+p+"/reviews", w.tok["coordinator"]), 200).json(t)["reviews"].([]any)
	if len(reviews) != 2 {
		t.Fatalf("%d reviews after erasure, want 2", len(reviews))
	}
	// Nothing in the database still holds the name or the address.
	for _, q := range []string{
		`SELECT count(*) FROM users WHERE name = $1 OR email = $2`,
		`SELECT count(*) FROM audit_log WHERE actor_name = $1 OR object_title LIKE '%' || $1 || '%' OR after::text LIKE '%' || $2 || '%'`,
		`SELECT count(*) FROM notifications WHERE params::text LIKE '%' || $1 || '%' OR params::text LIKE '%' || $2 || '%'`,
		`SELECT count(*) FROM jobs WHERE payload::text LIKE '%' || $2 || '%' OR payload::text LIKE '%' || $1 || '%'`,
		`SELECT count(*) FROM invitations WHERE email = $2 OR name = $1`,
		`SELECT count(*) FROM idempotency_keys WHERE position(convert_to($2, 'UTF8') IN response) > 0 OR position(convert_to($1, 'UTF8') IN response) > 0`,
	} {
		if n := w.count(q, w.name, w.revDE.Email); n != 0 {
			t.Fatalf("%d rows still hold the person: %s", n, q)
		}
	}
	u := must(t, w.get("/api/v1/users/"+w.revDE.ID.String(), w.tok["admin"]), 200).json(t)
	if u["name"] != pseudonym || u["erased_at"] == nil || u["disabled"] != true {
		t.Fatalf("the erased account reads %v", u)
	}
	// An erased account cannot be changed back.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/users/" + w.revDE.ID.String(), token: w.tok["admin"],
		header: map[string]string{"If-Match": `"` + jsonNumber(u["version"]) + `"`}, body: map[string]any{"disabled": false}}), 409)
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestErasureRemovesThePracticeContactAndInvitations(t *testing.T) {
	w := newWorld(t)
	body := fullPractice("Placement scheme", "en")
	body["contact"] = map[string]any{"name": "Pia Partnerova", "email": w.partner.Email}
	p := w.createPractice(w.tok["partner"], body)
	must(t, w.action(w.tok["partner"], p["id"].(string), "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: map[string]any{
		"email": w.partner.Email, "organisation_id": w.orgNL.ID, "programme_id": w.prog.ID, "roles": []string{"reviewer"},
	}}), 201)
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.partner.ID.String() + "/erase", token: w.tok["admin"]}), 204)
	after := w.scan(t, map[string]string{"coordinator": w.tok["coordinator"]}, []string{
		"/api/v1/practices/" + p["id"].(string), "/api/v1/practices/" + p["id"].(string) + "/revisions/1",
		"/api/v1/programmes/" + w.prog.ID.String() + "/invitations", "/api/v1/programmes/" + w.prog.ID.String() + "/audit?page_size=100",
		"/api/v1/programmes/" + w.prog.ID.String() + "/export.json",
	})
	for _, trace := range []string{w.partner.Email, "Pia Partnerova"} {
		if strings.Contains(after, trace) {
			t.Fatalf("%q survives erasure", trace)
		}
	}
	if len(w.outbox(w.partner.Email)) != 0 {
		t.Fatal("the invitation e-mail to the erased address is still in the outbox")
	}
	must(t, w.get("/api/v1/me", w.tok["partner"]), 401)
}

func TestTheLastCoordinatorCannotBeErased(t *testing.T) {
	w := newWorld(t)
	r := must(t, w.do(req{method: "POST", path: "/api/v1/me/erase", token: w.tok["coordinator"], body: map[string]string{"password": testPassword}}), 409)
	if r.code() != string(domain.CodeLastCoordinator) || !strings.Contains(string(r.Body), w.prog.ID.String()) {
		t.Fatal(string(r.Body))
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.coord.ID.String() + "/erase", token: w.tok["admin"]}), 409)
	must(t, w.get("/api/v1/me", w.tok["coordinator"]), 200)
	// With a second coordinator, erasure goes ahead. An invitation the coordinator sent and that
	// is still in the outbox then names the pseudonym.
	w.member(w.prog, w.reviewer, domain.RoleCoordinator, domain.RoleReviewer)
	const name = "Corentin Vandermaelen"
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["coordinator"], body: map[string]any{"name": name}}), 200)
	for _, locale := range []string{"en", "nl", "fr", "de"} {
		must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: map[string]any{
			"email": "new." + locale + "@example.org", "organisation_id": w.orgFR.ID, "programme_id": w.prog.ID, "roles": []string{"reviewer"}, "locale": locale,
		}}), 201)
		if m := w.outbox("new." + locale + "@example.org"); len(m) != 1 || !strings.HasPrefix(m[0].Body, name+" ") {
			t.Fatalf("the %s invitation should open with the inviter's name: %+v", locale, m)
		}
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.coord.ID.String() + "/erase", token: w.tok["admin"]}), 204)
	must(t, w.get("/api/v1/me", w.tok["coordinator"]), 401)
	for _, locale := range []string{"en", "nl", "fr", "de"} {
		m := w.outbox("new." + locale + "@example.org")
		if len(m) != 1 || strings.Contains(m[0].Body, "Corentin") || !strings.HasPrefix(m[0].Body, domain.Pseudonym(w.coord.ID)+" ") {
			t.Fatalf("the waiting %s invitation still names the erased inviter: %+v", locale, m)
		}
	}
}

func TestAdminEraseIsForAdminsOnly(t *testing.T) {
	w := newWorld(t)
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.partner.ID.String() + "/erase", token: w.tok["coordinator"]}), 404)
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.partner.ID.String() + "/erase", token: w.tok["partner"]}), 403)
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.admin.ID.String() + "/erase", token: w.tok["admin"]}), 409)
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.partner.ID.String() + "/erase", token: w.tok["admin"]}), 204)
	// Again: nothing left to do.
	must(t, w.do(req{method: "POST", path: "/api/v1/users/" + w.partner.ID.String() + "/erase", token: w.tok["admin"]}), 204)
	must(t, w.get("/api/v1/me", w.tok["partner"]), 401)
	if w.count(`SELECT count(*) FROM audit_log WHERE action = 'user.erased' AND object_id = $1 AND actor_id = $2`, w.partner.ID, w.admin.ID) != 1 {
		t.Fatal("the erasure is not in the audit log")
	}
}

func TestExportHoldsTheCallersDataAndNoSecrets(t *testing.T) {
	w := newErasureWorld(t)
	r := must(t, w.get("/api/v1/me/export", w.tok["rev.de"]), 200)
	if !strings.Contains(r.Header.Get("Content-Disposition"), "attachment") || r.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("headers: %v", r.Header)
	}
	body := string(r.Body)
	for _, secret := range []string{"password_hash", "hash\"", "$argon2", "token", w.tok["rev.de"]} {
		if i := strings.Index(strings.ToLower(body), strings.ToLower(secret)); i >= 0 {
			t.Fatalf("the export holds %q: …%s…", secret, body[max(0, i-200):min(len(body), i+100)])
		}
	}
	m := r.json(t)
	if m["user"].(map[string]any)["email"] != w.revDE.Email || m["user"].(map[string]any)["name"] != w.name {
		t.Fatalf("profile: %v", m["user"])
	}
	count := func(section string) int { return len(m[section].([]any)) }
	for section, want := range map[string]int{"memberships": 1, "reviews": 1, "comments": 1, "discussion_posts": 1, "sessions": 1} {
		if got := count(section); got != want {
			t.Errorf("%s: %d, want %d", section, got, want)
		}
	}
	review := m["reviews"].([]any)[0].(map[string]any)
	if review["strengths"] != "Clear roles." || review["status"] != "submitted" {
		t.Fatalf("review: %v", review)
	}
	if count("audit") == 0 {
		t.Fatal("the audit entries about the person are missing")
	}
	// Nobody else's data: the other reviewer's review is not there.
	if strings.Contains(body, w.revFI.Email) || strings.Contains(body, w.revFI.ID.String()) {
		t.Fatal("the export holds another person's data")
	}
	// The partner, who authored the practice, finds it in theirs.
	pm := must(t, w.get("/api/v1/me/export", w.tok["partner"]), 200).json(t)
	if len(pm["practices"].([]any)) != 1 {
		t.Fatalf("the partner's practices: %v", pm["practices"])
	}
	must(t, w.get("/api/v1/me/export", ""), 401)
}
