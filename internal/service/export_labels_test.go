package service

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Every export language has the same words, and every code of the domain's vocabularies has a
// label, so no export falls back to a code or to English.
func TestExportLabelsCoverEveryLanguageAndCode(t *testing.T) {
	english := slices.Sorted(maps.Keys(exportLabels["en"]))
	for _, lang := range domain.Locales {
		words, ok := exportLabels[lang]
		if !ok {
			t.Fatalf("no export words for %s", lang)
		}
		if got := slices.Sorted(maps.Keys(words)); !slices.Equal(got, english) {
			t.Errorf("%s: keys differ from English", lang)
		}
		for k, v := range words {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", lang, k)
			}
		}
	}
	vocabularies := map[string][]string{
		"stage": domain.AdaptationStages, "when": domain.FrameWhen, "planned": domain.FramePlanned, "decided_by": domain.FrameDecidedBy,
		"what": domain.FrameWhat, "level": domain.FrameLevel, "context_modifications": domain.FrameContextModifications,
		"content_modifications": domain.FrameContentModifications, "fidelity": domain.FrameFidelity, "goals": domain.FrameGoals,
		"reason_level": domain.ReasonLevels, "evidence": domain.EvidenceLevels, "product_kind": domain.ProductKinds,
		"recommendation": domain.DefaultRecommendations,
		"activity_kind":  domain.ActivityKinds, "activity_status": domain.ActivityStatuses, "participant_role": domain.ParticipantRoles,
		"follow_up_status": domain.FollowUpStatuses,
		"decision":         {domain.OutcomeGoodPractice, domain.OutcomePromisingPractice, domain.OutcomeRevisionRequested, domain.OutcomeNotRetained},
		"status": {string(domain.StatusDraft), string(domain.StatusSubmitted), string(domain.StatusInReview), string(domain.StatusPublished),
			string(domain.StatusRevisionRequested), string(domain.StatusNotRetained), string(domain.StatusWithdrawn), string(domain.StatusArchived)},
	}
	for _, reasons := range domain.ReasonVocabulary {
		vocabularies["reason"] = append(vocabularies["reason"], reasons...)
	}
	for vocabulary, codes := range vocabularies {
		for _, code := range codes {
			if _, ok := exportLabels["en"][vocabulary+"."+code]; !ok {
				t.Errorf("no label for %s %s", vocabulary, code)
			}
		}
	}
	fr := exportWords{lang: "fr"}
	if fr.label("when", "pre_implementation") == "pre_implementation" || fr.yesNo(true) != "oui" || fr.label("stage", "") != "" {
		t.Fatalf("French words: %q %q", fr.label("when", "pre_implementation"), fr.yesNo(true))
	}
}

// Every notification kind has an e-mail in every language, and values typed by people cannot
// break out of the subject line.
func TestMessagesInEveryLanguage(t *testing.T) {
	kinds := []string{domain.NotifyAssigned, domain.NotifyAssigned + ".nodue", domain.NotifyDeadlineNear, domain.NotifyReviewSubmitted,
		domain.NotifyDecision, domain.NotifyComment, domain.NotifyReviewsReleased, domain.NotifyResponsePosted, domain.NotifyDiscussion, domain.NotifyReminder, domain.NotifyReminder + ".note", "reviewer_label",
		"other", "digest", "footer", domain.NotifyFollowUpDue, "calendar_review_due", mailPasswordReset, mailInvitation, mailPublicContact}
	// Parts of other messages have a body only.
	bodyOnly := map[string]bool{"footer": true, "reviewer_label": true, domain.NotifyReminder + ".note": true, "calendar_review_due": true}
	for _, k := range kinds {
		for _, lang := range domain.Locales {
			m, ok := messages[k][lang]
			if !ok || (!bodyOnly[k] && m.subject == "") || m.body == "" {
				t.Errorf("%s has no %s text", k, lang)
			}
		}
	}
	if len(messages) != len(kinds) {
		t.Errorf("messages has %d entries, the test knows %d", len(messages), len(kinds))
	}
	n := domain.Notification{Kind: domain.NotifyDecision, Params: map[string]string{"practice": "Job\r\nBcc: x@evil.example", "outcome": "good_practice"}}
	subject, body := Describe(n, "de")
	if strings.ContainsAny(subject, "\r\n") || !strings.Contains(body, "Gute Praxis") || !strings.HasPrefix(subject, "Entscheidung zu Job  Bcc") {
		t.Fatalf("decision in German: %q %q", subject, body)
	}
	// The release tells the organisation its deadline, in its words.
	released := domain.Notification{Kind: domain.NotifyReviewsReleased, Params: map[string]string{"practice": "Jobcoaching", "round": "Frühjahr", "rebuttal_due_at": "2026-12-01T17:00:00Z"}}
	for lang, want := range map[string]string{"en": "1 December 2026", "nl": "1 december 2026", "fr": "1er décembre 2026", "de": "1. Dezember 2026"} {
		if _, body := Describe(released, lang); !strings.Contains(body, want) || strings.Contains(body, "{") {
			t.Errorf("reviews released in %s: %q, want the deadline %q", lang, body, want)
		}
	}
	// A follow-up falling due names its date in the reader's words.
	followUp := domain.Notification{Kind: domain.NotifyFollowUpDue, Params: map[string]string{"follow_up": "Share the manual", "activity": "Visit", "due_on": "2027-03-01"}}
	for lang, want := range map[string]string{"en": "1 March 2027", "nl": "1 maart 2027", "fr": "1er mars 2027", "de": "1. März 2027"} {
		if subject, body := Describe(followUp, lang); !strings.Contains(body, want) || !strings.Contains(subject, "Share the manual") || strings.Contains(body, "{") {
			t.Errorf("follow-up due in %s: %q %q, want the date %q", lang, subject, body, want)
		}
	}
	if got := longDate("2026-12-28T10:00:00Z", "fr"); got != "28 décembre 2026" {
		t.Fatalf("French date: %q", got)
	}
	if got := longDate("2026-12-28T10:00:00Z", "de"); got != "28. Dezember 2026" {
		t.Fatalf("German date: %q", got)
	}
}

// A reminder lists each practice on a line of its own, every line a list item, and the note after
// it on one line; no typed value can stand in for the list.
func TestReminderAndDiscussionMessages(t *testing.T) {
	n := domain.Notification{Kind: domain.NotifyReminder, Params: map[string]string{"round": "Spring {practices}", "practices": "Job coaching\nEmployer\r\nBcc: x@evil.example",
		"due_at": "2026-12-01T10:00:00Z", "note": "See you\non Friday"}}
	cases := []struct {
		lang, subject string
		body          []string
	}{
		{"en", "Reminder: reviews due in “Spring {practices}”", []string{"round “Spring {practices}” remind", "\n- Job coaching\n- Employer\n- Bcc: x@evil.example\nPlease submit them by 1 December 2026.", "\n\nMessage from the coordinators: See you on Friday"}},
		{"fr", "Rappel : évaluations attendues dans « Spring {practices} »", []string{"au plus tard le 1er décembre 2026.", "Message des coordinateurs : See you on Friday"}},
		{"nl", "Herinnering: reviews voor “Spring {practices}”", []string{"uiterlijk op 1 december 2026 indienen?", "Bericht van de coördinatoren: See you on Friday"}},
		{"de", "Erinnerung: Gutachten in „Spring {practices}“", []string{"bis zum 1. Dezember 2026 ein.", "Nachricht der Koordination: See you on Friday"}},
	}
	for _, c := range cases {
		subject, body := Describe(n, c.lang)
		if subject != c.subject {
			t.Errorf("%s subject: %q", c.lang, subject)
		}
		for _, part := range c.body {
			if !strings.Contains(body, part) {
				t.Errorf("%s body lacks %q:\n%s", c.lang, part, body)
			}
		}
	}
	if _, body := Describe(domain.Notification{Kind: domain.NotifyReminder, Params: map[string]string{"round": "R", "practices": "P", "due_at": "2026-12-01T10:00:00Z"}}, "en"); strings.Contains(body, "coordinators:") {
		t.Errorf("a reminder without a note: %q", body)
	}
	blind := domain.Notification{Kind: domain.NotifyDiscussion, Params: map[string]string{"practice": "Job coaching", "round": "Spring", "author_label": "B"}}
	if _, body := Describe(blind, "fr"); !strings.HasPrefix(body, "Évaluateur·rice B a écrit") {
		t.Errorf("blind author in French: %q", body)
	}
	named := domain.Notification{Kind: domain.NotifyDiscussion, Params: map[string]string{"practice": "Job coaching", "round": "Spring", "author": "Anna"}}
	if subject, body := Describe(named, "de"); subject != "Austausch der Gutachter/innen: Job coaching" || !strings.HasPrefix(body, "Anna hat im Austausch") {
		t.Errorf("named author in German: %q %q", subject, body)
	}
}

// A visitor's message keeps its lines and its text as typed (a placeholder in it stays a
// placeholder), while the name and address they typed stay on one line.
func TestContactMailKeepsTheMessageAsTyped(t *testing.T) {
	p := domain.Practice{PracticeText: domain.PracticeText{Title: "Werkpunt\r\nBcc: x@evil.example"}}
	m := contactMail("contact@example.org", "nl", p, ContactInput{Name: "Marta\nBcc: y@evil.example", Email: " marta@visitor.example ",
		Message: "First line {email}\r\nSecond line {name}"})
	if m.To != "contact@example.org" || m.ReplyTo != "marta@visitor.example" {
		t.Fatalf("addresses: %+v", m)
	}
	if strings.ContainsAny(m.Subject, "\r\n") || !strings.HasPrefix(m.Subject, "[Peerbridge] Bericht over uw praktijk") {
		t.Fatalf("subject: %q", m.Subject)
	}
	if !strings.Contains(m.Body, "First line {email}\nSecond line {name}") || !strings.Contains(m.Body, "Marta Bcc: y@evil.example las uw praktijk") ||
		strings.Contains(m.Body, "\r") || !strings.Contains(m.Body, "marta@visitor.example") {
		t.Fatalf("body: %q", m.Body)
	}
}
