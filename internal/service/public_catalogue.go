package service

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// PublicCatalogueStore is what the public catalogue needs besides practices and programmes.
type PublicCatalogueStore interface {
	// RecordedRound returns the round a decision on the practice was recorded in, or nil.
	RecordedRound(ctx context.Context, practiceID, roundID uuid.UUID) (*domain.RecognitionRound, error)
	// SendContactMessage records the message and queues its e-mail in one statement when no
	// limit is reached; otherwise it writes nothing and says which limit and for how long.
	SendContactMessage(ctx context.Context, m domain.ContactMessage) (*domain.ContactLimited, error)
}

// The contact form's limits (SPEC §7.7): per client address, and per practice so that no
// contact is flooded from many addresses.
const (
	contactsPerClient   = 5
	contactClientWindow = time.Hour
	contactsPerPractice = 20
	contactPracticeWin  = 24 * time.Hour
)

// ListPublicPractices searches the public catalogue. A theme or target group that no programme of
// the catalogue has is refused (CodeValidation: field theme with code unknown_theme, field
// target_group with not_allowed).
func (s *Service) ListPublicPractices(ctx context.Context, f PracticeSearch, p domain.PageRequest) (domain.Page[domain.Practice], error) {
	if f.Theme != "" || f.TargetGroup != "" {
		v, err := s.practices.PublicVocabulary(ctx)
		if err != nil {
			return domain.Page[domain.Practice]{}, err
		}
		var errs []domain.FieldError
		if f.Theme != "" && !v.HasTheme(f.Theme) {
			errs = append(errs, domain.FieldError{Field: "theme", Code: domain.FieldUnknownTheme,
				Message: "is not a theme of the public catalogue", Params: map[string]any{"value": f.Theme}})
		}
		if f.TargetGroup != "" && !v.HasTargetGroup(f.TargetGroup) {
			allowed := make([]string, len(v.TargetGroups))
			for i, k := range v.TargetGroups {
				allowed[i] = k.Key
			}
			errs = append(errs, domain.FieldError{Field: "target_group", Code: domain.FieldOneOf,
				Message: "is not a target group of the public catalogue", Params: map[string]any{"allowed": allowed}})
		}
		if len(errs) > 0 {
			return domain.Page[domain.Practice]{}, domain.Invalid(errs...)
		}
	}
	return s.practices.ListPractices(ctx, domain.PracticeFilter{Public: true, ProgrammeID: f.ProgrammeID, Query: f.Query, Country: f.Country, Theme: f.Theme,
		TargetGroup: f.TargetGroup, EvidenceLevel: f.EvidenceLevel, Language: f.Language, ReadingLanguage: f.ReadingLanguage, Label: f.Label}, p)
}

// PublicVocabulary returns the themes and target groups the public catalogue filters by.
func (s *Service) PublicVocabulary(ctx context.Context) (domain.Vocabulary, error) {
	return s.practices.PublicVocabulary(ctx)
}

// PublicPracticeView is a practice of the public catalogue with its label, and whether its
// contact can be written to (never the address itself).
type PublicPracticeView struct {
	domain.Practice
	Recognition      *domain.Recognition
	ContactAvailable bool
}

// PublicPractice reads a published practice of a programme with a public catalogue, with the
// label and round of the decision that published it. CodeNotFound for anything else.
func (s *Service) PublicPractice(ctx context.Context, id uuid.UUID) (PublicPracticeView, error) {
	p, err := s.publicPractice(ctx, id)
	if err != nil {
		return PublicPracticeView{}, err
	}
	var round *domain.RecognitionRound
	if d := p.Decision; d != nil && d.RoundID != uuid.Nil && slices.Contains(domain.PublicLabels, d.Outcome) {
		if round, err = s.catalogue.RecordedRound(ctx, p.ID, d.RoundID); err != nil {
			return PublicPracticeView{}, err
		}
	}
	return PublicPracticeView{Practice: p, Recognition: domain.RecognitionOf(p.Status, p.Decision, round),
		ContactAvailable: strings.TrimSpace(p.Content.Contact.Email) != ""}, nil
}

func (s *Service) publicPractice(ctx context.Context, id uuid.UUID) (domain.Practice, error) {
	p, err := s.practices.Practice(ctx, id, false)
	if err != nil {
		return p, err
	}
	if p.Status != domain.StatusPublished {
		return domain.Practice{}, domain.NotFound("Practice")
	}
	prog, err := s.programmes.Programme(ctx, p.ProgrammeID, uuid.Nil)
	if err != nil {
		return domain.Practice{}, err
	}
	if !prog.PublicCatalogue {
		return domain.Practice{}, domain.NotFound("Practice")
	}
	return p, nil
}

// PublicProgramme reads a programme with a public catalogue: its description and vocabularies.
// Any other programme is CodeNotFound.
func (s *Service) PublicProgramme(ctx context.Context, id uuid.UUID) (domain.Programme, error) {
	prog, err := s.programmes.Programme(ctx, id, uuid.Nil)
	if err != nil {
		return domain.Programme{}, err
	}
	if !prog.PublicCatalogue {
		return domain.Programme{}, domain.NotFound("Programme")
	}
	return prog, nil
}

// ContactInput is what a visitor writes to a practice's contact. Website is the form's
// honeypot: people never see it, so whatever fills it is a program.
type ContactInput struct {
	Name, Email, Message string
	Website              string
}

// ContactPractice e-mails a visitor's message to the contact of a practice in the public
// catalogue, through the outbox, in the contact's language (their account's, else the
// programme's first interface language). The visitor never learns the address; theirs goes in
// Reply-To. CodeNotFound for a practice not in the catalogue, CodeNoContact for one without a
// contact address, CodeTooManyRequests (with RetryAfter) over the limits per client address
// (clientAddr) and per practice. A message caught by the honeypot is dropped without a word.
func (s *Service) ContactPractice(ctx context.Context, id uuid.UUID, in ContactInput, clientAddr string) error {
	p, err := s.publicPractice(ctx, id)
	if err != nil {
		return err
	}
	to := strings.TrimSpace(p.Content.Contact.Email)
	if to == "" {
		return domain.Errorf(domain.CodeNoContact, "This practice has no contact to write to.")
	}
	if in.Website != "" {
		return nil
	}
	locale, err := s.contactLocale(ctx, to, p.ProgrammeID)
	if err != nil {
		return err
	}
	limited, err := s.catalogue.SendContactMessage(ctx, domain.ContactMessage{
		PracticeID: p.ID, ClientDigest: s.clientDigest("public-contact", clientAddr), Mail: contactMail(to, locale, p, in),
		MaxPerClient: contactsPerClient, ClientWindow: contactClientWindow, MaxPerPractice: contactsPerPractice, PracticeWindow: contactPracticeWin,
	})
	if err != nil || limited == nil {
		return err
	}
	retry := int(math.Ceil(limited.RetryAfter.Seconds()))
	retry = max(1, retry)
	return &domain.Error{Code: domain.CodeTooManyRequests, RetryAfter: retry, Params: map[string]any{"limit": limited.Limit, "retry_after": retry},
		Message: "Too many messages were sent through this form; try again later."}
}

// contactLocale is the language to write to a practice's contact in: their account's, where
// the address has one; else the programme's first language the e-mails are written in.
func (s *Service) contactLocale(ctx context.Context, email string, programmeID uuid.UUID) (string, error) {
	u, err := s.users.UserByEmail(ctx, strings.ToLower(email))
	switch {
	case err == nil && u.ErasedAt == nil && domain.ValidLocale(u.Locale):
		return u.Locale, nil
	case err != nil && !domain.IsCode(err, domain.CodeNotFound):
		return "", err
	}
	prog, err := s.programmes.Programme(ctx, programmeID, uuid.Nil)
	if err != nil {
		return "", err
	}
	for _, l := range prog.Languages {
		if domain.ValidLocale(l) {
			return l, nil
		}
	}
	return domain.DefaultLocale, nil
}

// contactMail writes the e-mail to the contact. The visitor's message keeps its lines, after the
// template's text, so that nothing typed can stand in for the template's own lines; the name
// and address are single-line. The address is in the text too, for mail systems that ignore
// Reply-To.
func contactMail(to, locale string, p domain.Practice, in ContactInput) domain.Mail {
	m := messageIn(mailPublicContact, locale)
	values := map[string]string{"practice": p.Title, "name": strings.TrimSpace(in.Name), "email": strings.TrimSpace(in.Email)}
	before, after, _ := strings.Cut(m.body, "{message}")
	body := fill(before, values) + strings.TrimSpace(strings.ReplaceAll(in.Message, "\r\n", "\n")) + fill(after, values)
	return domain.Mail{To: to, Subject: "[Peerbridge] " + fill(m.subject, values), Body: body + "\n", ReplyTo: strings.TrimSpace(in.Email)}
}

// clientDigest is how a client address is remembered: keyed, so that the digest of every
// possible address cannot be computed to find it.
func (s *Service) clientDigest(purpose, addr string) []byte {
	h := hmac.New(sha256.New, s.clientDigestKey)
	h.Write([]byte(purpose + "\x00" + addr))
	return h.Sum(nil)
}
