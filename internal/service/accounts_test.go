package service

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// The invitation e-mail is in the invitation's language, names the programme in that language
// when it has a translation, and no typed value can add a header or a line of its own.
func TestInvitationMail(t *testing.T) {
	s := &Service{publicURL: "https://peerbridge.example"}
	inv := domain.Invitation{Email: "neu@example.de", Locale: "de", ExpiresAt: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	programme := domain.Programme{Name: "Return to work\r\nBcc: x@evil.example",
		Translations: map[string]domain.ProgrammeText{"de": {Name: "Zurück in den Beruf"}, "fr": {Name: " "}}}
	m := s.invitationMail(inv, programme, "Ann\nBcc: y@evil.example", "tok")
	if m.To != "neu@example.de" || m.Subject != "[Peerbridge] Einladung zu Zurück in den Beruf auf Peerbridge" {
		t.Fatalf("German invitation: %+v", m)
	}
	if !strings.HasPrefix(m.Body, "Ann Bcc: y@evil.example lädt Sie ein") || !strings.Contains(m.Body, "bis zum 1. Dezember 2026") ||
		!strings.Contains(m.Body, "https://peerbridge.example/invitations/tok") {
		t.Fatalf("German body: %q", m.Body)
	}
	// A blank translation falls back to the original name, made single-line.
	inv.Locale = "fr"
	m = s.invitationMail(inv, programme, "Ann", "tok")
	if strings.ContainsAny(m.Subject, "\r\n") || !strings.Contains(m.Subject, "Invitation à Return to work  Bcc: x@evil.example") ||
		!strings.Contains(m.Body, "jusqu’au 1er décembre 2026") {
		t.Fatalf("French invitation: %+v", m)
	}
}

// The pseudonym depends on the account id alone, and says nothing else.
func TestPseudonym(t *testing.T) {
	id := uuid.MustParse("7ad215d8-3a53-4cec-98d8-e30c2bec8fe0")
	p := domain.Pseudonym(id)
	if p != domain.Pseudonym(id) || len(p) != len("Former member 7F3A") || !strings.HasPrefix(p, "Former member ") {
		t.Fatalf("pseudonym %q", p)
	}
	if other := domain.Pseudonym(uuid.MustParse("5e6f7a8b-0000-4000-8000-000000000010")); other == p {
		t.Fatalf("two accounts share the pseudonym %q", p)
	}
	if e := domain.ErasedEmail(id); !strings.HasSuffix(e, "@erased.invalid") || !strings.Contains(e, id.String()) {
		t.Fatalf("erased address %q", e)
	}
	// Every pseudonym is recognised as one, and shown in an export's language; no other name is.
	if code, ok := domain.PseudonymCode(p); !ok || "Former member "+code != p {
		t.Fatalf("the pseudonym %q is not recognised (%q)", p, code)
	}
	for _, name := range []string{"Former member of the board", "Former member 7f3a", "Former member 7F3AB", "Anna de Vries", ""} {
		if _, ok := domain.PseudonymCode(name); ok {
			t.Errorf("%q taken for a pseudonym", name)
		}
	}
	for lang, want := range map[string]string{"en": "Former member 7F3A", "nl": "Voormalig lid 7F3A", "fr": "Ancien membre 7F3A", "de": "Ehemaliges Mitglied 7F3A"} {
		if got := (exportWords{lang: lang}).person("Former member 7F3A"); got != want {
			t.Errorf("%s export: %q, want %q", lang, got, want)
		}
		if got := (exportWords{lang: lang}).person("Anna de Vries"); got != "Anna de Vries" {
			t.Errorf("%s export changed a name: %q", lang, got)
		}
	}
}
