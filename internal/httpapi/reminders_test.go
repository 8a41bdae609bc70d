package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// sentMail is one e-mail the worker handed to the mailer.
type sentMail struct{ to, subject, body string }

type capturingMailer struct {
	mu   sync.Mutex
	sent []sentMail
}

func (m *capturingMailer) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, sentMail{to, subject, body})
	return nil
}

// deliver runs the outbox until it is empty and returns the e-mails whose subject contains one
// of the words given.
func (w *reviewWorld) deliver(words ...string) map[string]sentMail {
	w.t.Helper()
	mailer := &capturingMailer{}
	worker := service.NewWorker(w.store, mailer, slog.New(slog.NewTextHandler(io.Discard, nil)), "https://peerbridge.example")
	for {
		n, err := worker.RunOnce(context.Background())
		if err != nil {
			w.t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	out := map[string]sentMail{}
	for _, m := range mailer.sent {
		for _, word := range words {
			if strings.Contains(m.subject, word) {
				if _, twice := out[m.to]; twice {
					w.t.Fatalf("%s got two reminders: %q", m.to, m.subject)
				}
				out[m.to] = m
			}
		}
	}
	return out
}

func (w *reviewWorld) remind(round, token string, body any) response {
	w.t.Helper()
	return w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/reminders", token: token, body: body})
}

// names lists the reviewers of a reminder answer's sent or skipped list.
func reminded(t *testing.T, res map[string]any, key string) []string {
	t.Helper()
	var out []string
	for _, r := range res[key].([]any) {
		out = append(out, r.(map[string]any)["name"].(string))
	}
	sort.Strings(out)
	return out
}

// reminderWorld is an open round with reviewers in every state: the German reviewer accepted two
// practices, the Finnish one has not answered, a Belgian one accepted, the Irish one declined
// and the French one submitted. They read German, French, Dutch, English and English.
func newReminderWorld(t *testing.T) (*reviewWorld, string, map[string]string) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	second := w.createPractice(w.tok["partner"], fullPractice("Second track placements", "en"))["id"].(string)
	must(t, w.action(w.tok["partner"], second, "submit"), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	revBE := w.user("rev.be@example.org", w.orgBE, false)
	w.member(w.prog, revBE, domain.RoleReviewer)
	w.tok["rev.be"] = w.login(revBE.Email)
	for email, locale := range map[string]string{w.revDE.Email: "de", w.revFI.Email: "fr", revBE.Email: "nl"} {
		if _, err := w.db.SQL().Exec(`UPDATE users SET locale = $1 WHERE email = $2`, locale, email); err != nil {
			t.Fatal(err)
		}
	}
	// A reader of the daily digest is reminded by e-mail all the same.
	must(t, w.do(req{method: "PUT", path: "/api/v1/me/notification-preferences", token: w.tok["rev.fi"], body: map[string]any{"email": "daily"}}), 200)
	assign := func(practice, reviewer string) string {
		return must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: w.tok["coordinator"],
			body: map[string]any{"practice_id": practice, "reviewer_id": reviewer}}), 201).json(t)["id"].(string)
	}
	ids := map[string]string{
		"de1": assign(w.practiceID, w.revDE.ID.String()), "de2": assign(second, w.revDE.ID.String()),
		"fi": assign(w.practiceID, w.revFI.ID.String()), "be": assign(second, revBE.ID.String()),
		"ie": assign(second, w.revIE.ID.String()), "fr": assign(w.practiceID, w.reviewer.ID.String()),
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	for _, a := range []string{ids["de1"], ids["de2"], ids["be"]} {
		token := w.tok["rev.de"]
		if a == ids["be"] {
			token = w.tok["rev.be"]
		}
		must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + a + "/accept", token: token}), 200)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/assignments/" + ids["ie"] + "/decline", token: w.tok["rev.ie"], body: map[string]any{"reason": "No time this spring."}}), 200)
	w.review(w.tok["reviewer"], ids["fr"], 3)
	w.deliver() // the assignment e-mails of opening the round
	return w, round, ids
}

// TestRemindersReachPendingReviewersInTheirLanguage: assigned and accepted reviewers are e-mailed
// through the outbox in their locale with their practices, the deadline and the note; declined
// and submitted ones are not.
func TestRemindersReachPendingReviewersInTheirLanguage(t *testing.T) {
	w, round, _ := newReminderWorld(t)
	res := must(t, w.remind(round, w.tok["coordinator"], map[string]any{"note": "We meet on Friday to discuss the results."}), 200).json(t)
	if got := fmt.Sprint(reminded(t, res, "sent")); got != "[rev.be rev.de rev.fi]" {
		t.Fatalf("sent to %s", got)
	}
	if len(res["skipped"].([]any)) != 0 {
		t.Fatalf("skipped: %v", res["skipped"])
	}
	for _, r := range res["sent"].([]any) {
		rec := r.(map[string]any)
		if want := map[string]int{"rev.de": 2}[rec["name"].(string)]; len(rec["practices"].([]any)) != max(want, 1) {
			t.Fatalf("%s: practices %v", rec["name"], rec["practices"])
		}
	}
	due := time.Now().Add(14 * 24 * time.Hour).UTC()
	mails := w.deliver("Reminder", "Herinnering", "Rappel", "Erinnerung")
	cases := []struct {
		to, subject string
		body        []string
	}{
		{w.revDE.Email, "[Peerbridge] Erinnerung: Gutachten in „Spring round“", []string{"noch ausstehen", "- Employer network\n- Second track placements", "Bitte reichen Sie sie bis zum " + fmt.Sprint(due.Day()) + ". ",
			"Nachricht der Koordination: We meet on Friday to discuss the results."}},
		{w.revFI.Email, "[Peerbridge] Rappel : évaluations attendues dans « Spring round »", []string{"vous attendent encore", "- Employer network\n", "Message des coordinateurs : We meet on Friday"}},
		{"rev.be@example.org", "[Peerbridge] Herinnering: reviews voor “Spring round”", []string{"nog op u wachten", "- Second track placements\n", "Bericht van de coördinatoren: We meet on Friday"}},
	}
	if len(mails) != len(cases) {
		t.Fatalf("reminder e-mails to %v", mails)
	}
	for _, c := range cases {
		m, ok := mails[c.to]
		if !ok || m.subject != c.subject {
			t.Fatalf("e-mail to %s: %+v", c.to, m)
		}
		for _, part := range c.body {
			if !strings.Contains(m.body, part) {
				t.Fatalf("e-mail to %s lacks %q:\n%s", c.to, part, m.body)
			}
		}
	}
	// The reviewer sees it in the app too; the coordinator's log has it.
	n := must(t, w.get("/api/v1/me/notifications?page_size=100", w.tok["rev.fi"]), 200)
	if !strings.Contains(string(n.Body), `"kind":"review_reminder"`) {
		t.Fatalf("notifications: %s", n.Body)
	}
	audit := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit", w.tok["coordinator"]), 200)
	if !strings.Contains(string(audit.Body), "round.reminded") {
		t.Fatalf("audit: %s", audit.Body)
	}
}

// TestRemindersAreThrottledPerReviewer: a second call within 24 hours skips everyone; once a
// reviewer's last reminder is older, they are reminded again; calls at the same moment send one
// e-mail each.
func TestRemindersAreThrottledPerReviewer(t *testing.T) {
	w, round, _ := newReminderWorld(t)
	must(t, w.remind(round, w.tok["coordinator"], map[string]any{}), 200)
	w.deliver()
	again := must(t, w.remind(round, w.tok["coordinator"], map[string]any{"note": "Again"}), 200).json(t)
	if len(again["sent"].([]any)) != 0 || fmt.Sprint(reminded(t, again, "skipped")) != "[rev.be rev.de rev.fi]" {
		t.Fatalf("second call: %v", again)
	}
	if at := again["skipped"].([]any)[0].(map[string]any)["reminded_at"].(string); at == "" {
		t.Fatal("a skipped reviewer should say when they were reminded")
	}
	if mails := w.deliver("Reminder", "Herinnering", "Rappel", "Erinnerung"); len(mails) != 0 {
		t.Fatalf("a throttled call sent %v", mails)
	}
	// A day later for the German reviewer only.
	if _, err := w.db.SQL().Exec(`UPDATE round_reminders SET sent_at = sent_at - interval '25 hours' WHERE reviewer_id = $1`, w.revDE.ID); err != nil {
		t.Fatal(err)
	}
	later := must(t, w.remind(round, w.tok["coordinator"], map[string]any{}), 200).json(t)
	if fmt.Sprint(reminded(t, later, "sent")) != "[rev.de]" || len(later["skipped"].([]any)) != 2 {
		t.Fatalf("after a day: %v", later)
	}
	// Everyone due again, and five coordinators' calls at once: one e-mail per reviewer.
	if _, err := w.db.SQL().Exec(`UPDATE round_reminders SET sent_at = sent_at - interval '25 hours'`); err != nil {
		t.Fatal(err)
	}
	w.deliver()
	var wg sync.WaitGroup
	sent := make([]int, 5)
	statuses := make([]int, 5)
	for i := range sent {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := w.remind(round, w.tok["coordinator"], map[string]any{"note": fmt.Sprint("call ", i)})
			statuses[i] = r.Status
			if r.Status == 200 {
				sent[i] = len(r.json(t)["sent"].([]any))
			}
		}(i)
	}
	wg.Wait()
	total := 0
	for i, n := range sent {
		if statuses[i] != 200 {
			t.Fatalf("concurrent call %d: status %d", i, statuses[i])
		}
		total += n
	}
	if total != 3 {
		t.Fatalf("concurrent calls sent %d reminders (%v), want 3", total, sent)
	}
	if mails := w.deliver("Reminder", "Herinnering", "Rappel", "Erinnerung"); len(mails) != 3 {
		t.Fatalf("concurrent calls e-mailed %v", mails)
	}
}

// TestRemindersAreForCoordinatorsOfOpenRounds: others are refused, bad notes change nothing.
func TestRemindersAreForCoordinatorsOfOpenRounds(t *testing.T) {
	w, round, _ := newReminderWorld(t)
	cases := []struct {
		who    string
		body   any
		status int
	}{
		{"partner", map[string]any{}, 403},
		{"rev.de", map[string]any{}, 403},
		{"outsider", map[string]any{}, 404},
		{"anonymous", map[string]any{}, 401},
		{"coordinator", map[string]any{"note": strings.Repeat("x", 2001)}, 400},
		{"coordinator", `{"note": "a\u0000b"}`, 400},
		{"coordinator", map[string]any{"note": 3}, 400},
		{"coordinator", nil, 400},
	}
	for _, c := range cases {
		t.Run(c.who, func(t *testing.T) {
			if r := w.remind(round, w.tok[c.who], c.body); r.Status != c.status {
				t.Fatalf("status %d, want %d: %s", r.Status, c.status, r.Body)
			}
		})
	}
	var n int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM round_reminders`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("refused calls reminded %d reviewers (%v)", n, err)
	}
	// A draft round reminds nobody.
	draft := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": "Autumn round", "due_at": time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339), "reviewers_per_practice": 2, "max_load": 3,
	}}), 201).json(t)["id"].(string)
	if r := must(t, w.remind(draft, w.tok["coordinator"], map[string]any{}), 409); r.code() != "round_not_open" {
		t.Fatalf("draft round: %s", r.Body)
	}
	must(t, w.remind("00000000-0000-4000-8000-000000000000", w.tok["coordinator"], map[string]any{}), 404)
}
