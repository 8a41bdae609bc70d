package httpapi_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// contactMails reads the e-mails queued for a practice's contact, with their Reply-To.
func (e *env) contactMails(to string) []map[string]string {
	e.t.Helper()
	rows, err := e.db.SQL().Query(`SELECT payload::text FROM jobs WHERE kind = 'mail' AND payload ->> 'to' = $1 ORDER BY id`, to)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []map[string]string
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			e.t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func contact(w *world, id string, body map[string]any) response {
	return w.do(req{method: "POST", path: "/api/v1/public/practices/" + id + "/contact", body: body})
}

func visitor() map[string]any {
	return map[string]any{"name": "Marta Kowalska", "email": "marta@visitor.example", "message": "We run a similar programme in Poland.\nCould we talk about your employer network?"}
}

func TestContactFormMailsThePracticesContactWithoutShowingTheAddress(t *testing.T) {
	w, translated, plain := publicCatalogue(t) // both with els@example.org as their contact
	must(t, contact(w, translated, visitor()), 202)

	mails := w.contactMails("els@example.org")
	if len(mails) != 1 {
		t.Fatalf("one e-mail to the contact, got %d", len(mails))
	}
	m := mails[0]
	if !strings.Contains(m["subject"], "Employer network") || !strings.HasPrefix(m["subject"], "[Peerbridge] Message about") {
		t.Fatalf("subject: %q", m["subject"])
	}
	for _, want := range []string{"Marta Kowalska", "marta@visitor.example", "We run a similar programme in Poland.\nCould we talk about your employer network?", "Employer network"} {
		if !strings.Contains(m["body"], want) {
			t.Fatalf("the body lacks %q: %s", want, m["body"])
		}
	}
	if m["reply_to"] != "marta@visitor.example" {
		t.Fatalf("answers go to the visitor: %v", m)
	}
	// Only the client's digest is kept for throttling: neither address nor the message.
	var stored string
	if err := w.db.SQL().QueryRow(`SELECT string_agg(practice_id::text || encode(client_digest, 'escape'), ',') FROM public_contact_messages`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stored, translated) || strings.Contains(stored, "0.0.0.0") || strings.Contains(stored, "marta") {
		t.Fatalf("stored for throttling: %q", stored)
	}
	// No public answer ever shows the contact's address.
	for _, path := range []string{"/api/v1/public/practices", "/api/v1/public/practices?lang=fr", "/api/v1/public/practices/" + translated,
		"/api/v1/public/practices/" + translated + "?lang=fr", "/api/v1/public/practices/" + plain, "/api/v1/public/programmes/" + w.prog.ID.String()} {
		r := must(t, w.get(path, ""), 200)
		if strings.Contains(string(r.Body), "els@example.org") {
			t.Fatalf("%s shows the contact's address: %s", path, r.Body)
		}
	}
	if body := must(t, w.get("/api/v1/public/practices/"+translated, ""), 200).json(t); body["contact_available"] != true {
		t.Fatalf("the contact form reaches someone: %v", body["contact_available"])
	}
	// Neither the message nor an address reaches the log.
	for _, secret := range []string{"similar programme", "marta@visitor.example", "els@example.org"} {
		if strings.Contains(w.log.String(), secret) {
			t.Fatalf("the log holds %q", secret)
		}
	}
}

func TestContactFormIsValidated(t *testing.T) {
	w, translated, _ := publicCatalogue(t)
	with := func(field string, value any) map[string]any {
		b := visitor()
		if value == nil {
			delete(b, field)
		} else {
			b[field] = value
		}
		return b
	}
	for _, c := range []struct {
		body        map[string]any
		field, code string
	}{
		{with("email", nil), "email", string(domain.FieldRequired)},
		{with("email", "not-an-email"), "email", string(domain.FieldFormat)},
		{with("email", "a@b.example\r\nBcc: victim@example.org"), "email", string(domain.FieldFormat)},
		{with("name", nil), "name", string(domain.FieldRequired)},
		{with("name", "   "), "name", ""},
		{with("name", "Marta\r\nBcc: victim@example.org"), "name", string(domain.FieldInvalid)},
		{with("name", strings.Repeat("n", 101)), "name", string(domain.FieldTooLong)},
		{with("message", nil), "message", string(domain.FieldRequired)},
		{with("message", "Hi!"), "message", string(domain.FieldTooShort)},
		{with("message", strings.Repeat("m", 5001)), "message", string(domain.FieldTooLong)},
		{with("message", 42), "message", string(domain.FieldType)},
	} {
		r := contact(w, translated, c.body)
		if c.code == "" {
			if r.Status != 400 || !strings.Contains(string(r.Body), `"field":"`+c.field+`"`) {
				t.Fatalf("%v: %d %s", c.body, r.Status, r.Body)
			}
			continue
		}
		refused(t, r, c.field, c.code)
	}
	if n := len(w.contactMails("els@example.org")); n != 0 {
		t.Fatalf("refused messages sent %d e-mails", n)
	}

	// Unknown, unpublished and non-public practices are not found.
	must(t, contact(w, uuid.NewString(), visitor()), 404)
	draft := w.createPractice(w.tok["partner"], fullPractice("A draft", "en"))["id"].(string)
	must(t, contact(w, draft, visitor()), 404)
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = false WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	must(t, contact(w, translated, visitor()), 404)
	if n := len(w.contactMails("els@example.org")); n != 0 {
		t.Fatalf("%d e-mails for practices outside the catalogue", n)
	}
}

func TestContactFormHoneypotAndMissingContact(t *testing.T) {
	w, translated, _ := publicCatalogue(t)
	bot := visitor()
	bot["website"] = "https://spam.example"
	must(t, contact(w, translated, bot), 202)
	if n := len(w.contactMails("els@example.org")); n != 0 {
		t.Fatalf("the honeypot let %d e-mails through", n)
	}
	if _, err := w.db.SQL().Exec(`UPDATE practices SET content = jsonb_set(content, '{contact,email}', '""') WHERE id = $1`, translated); err != nil {
		t.Fatal(err)
	}
	r := contact(w, translated, visitor())
	if r.Status != 409 || r.code() != string(domain.CodeNoContact) {
		t.Fatalf("no contact: %d %s", r.Status, r.Body)
	}
	if body := must(t, w.get("/api/v1/public/practices/"+translated, ""), 200).json(t); body["contact_available"] != false {
		t.Fatalf("contact_available: %v", body["contact_available"])
	}
}

func TestContactFormIsThrottled(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	for i := 0; i < 5; i++ {
		must(t, contact(w, []string{translated, plain}[i%2], visitor()), 202)
	}
	r := contact(w, plain, visitor())
	if r.Status != 429 || r.code() != "too_many_requests" || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("the sixth message within the hour: %d %s", r.Status, r.Body)
	}
	retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || retry < 3500 || retry > 3600 {
		t.Fatalf("Retry-After %q, want about an hour", r.Header.Get("Retry-After"))
	}
	if p := r.json(t)["params"].(map[string]any); p["limit"] != "client" || int(p["retry_after"].(float64)) != retry {
		t.Fatalf("params: %v", p)
	}
	if n := len(w.contactMails("els@example.org")); n != 5 {
		t.Fatalf("%d e-mails, want 5", n)
	}

	// An hour later the client may write again; the practice's own limit (20 a day, from any
	// address) still holds, and rows older than a day are forgotten on the way.
	sql := func(q string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	sql(`UPDATE public_contact_messages SET sent_at = now() - interval '61 minutes'`)
	sql(`INSERT INTO public_contact_messages (practice_id, client_digest, sent_at) SELECT $1, decode(md5(g::text), 'hex'), now() - interval '2 hours' FROM generate_series(1, 16) g`, translated)
	sql(`INSERT INTO public_contact_messages (practice_id, client_digest, sent_at) VALUES ($1, '\x00', now() - interval '3 days')`, translated)
	must(t, contact(w, translated, visitor()), 202) // the 20th today: 3 from this client, 16 from others
	r = contact(w, translated, visitor())
	if r.Status != 429 || r.json(t)["params"].(map[string]any)["limit"] != "practice" {
		t.Fatalf("the practice's limit: %d %s", r.Status, r.Body)
	}
	var old int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM public_contact_messages WHERE sent_at < now() - interval '1 day'`).Scan(&old); err != nil || old != 0 {
		t.Fatalf("rows older than a day: %d (%v)", old, err)
	}
	// The other practice is not held by this one's limit.
	must(t, contact(w, plain, visitor()), 202)
}

// TestContactFormLimitsHoldAtTheSameInstant: twelve messages sent at once from one client pass
// the limit of five an hour exactly five times, however they interleave.
func TestContactFormLimitsHoldAtTheSameInstant(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	statuses := make([]int, 12)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			statuses[i] = contact(w, []string{translated, plain}[i%2], visitor()).Status
		}()
	}
	close(start)
	wg.Wait()
	sent, limited := 0, 0
	for _, s := range statuses {
		switch s {
		case 202:
			sent++
		case 429:
			limited++
		}
	}
	if sent != 5 || limited != 7 {
		t.Fatalf("statuses %v: %d sent, %d limited, want 5 and 7", statuses, sent, limited)
	}
	if n := len(w.contactMails("els@example.org")); n != 5 {
		t.Fatalf("%d e-mails queued, want 5", n)
	}
}

func TestContactFormWritesInTheContactsLanguage(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	// A contact with an account is written to in the account's language.
	if _, err := w.db.SQL().Exec(`UPDATE users SET locale = 'nl' WHERE id = $1`, w.partner.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.SQL().Exec(`UPDATE practices SET content = jsonb_set(content, '{contact,email}', to_jsonb($1::text)) WHERE id = $2`, w.partner.Email, plain); err != nil {
		t.Fatal(err)
	}
	must(t, contact(w, plain, visitor()), 202)
	if m := w.contactMails(w.partner.Email); len(m) != 1 || !strings.HasPrefix(m[0]["subject"], "[Peerbridge] Bericht over uw praktijk") {
		t.Fatalf("Dutch for a Dutch account: %v", m)
	}
	// Anyone else in the programme's first language the e-mails are written in.
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET languages = '["fi", "fr", "en"]' WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	must(t, contact(w, translated, visitor()), 202)
	if m := w.contactMails("els@example.org"); len(m) != 1 || !strings.HasPrefix(m[0]["subject"], "[Peerbridge] Message à propos de votre pratique") {
		t.Fatalf("French from the programme's languages: %v", m)
	}
}
