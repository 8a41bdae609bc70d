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
		"decision":       {domain.OutcomeGoodPractice, domain.OutcomePromisingPractice, domain.OutcomeRevisionRequested, domain.OutcomeNotRetained},
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
		domain.NotifyDecision, domain.NotifyComment, domain.NotifyReviewsReleased, domain.NotifyResponsePosted, "other", "digest", "footer"}
	for _, k := range kinds {
		for _, lang := range domain.Locales {
			m, ok := messages[k][lang]
			if !ok || (k != "footer" && m.subject == "") || m.body == "" {
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
	if got := longDate("2026-12-28T10:00:00Z", "fr"); got != "28 décembre 2026" {
		t.Fatalf("French date: %q", got)
	}
	if got := longDate("2026-12-28T10:00:00Z", "de"); got != "28. Dezember 2026" {
		t.Fatalf("German date: %q", got)
	}
}
