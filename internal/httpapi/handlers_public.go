package httpapi

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// The public catalogue (SPEC §7.7): anyone may read it, without a session.

// readingLanguage reads ?lang=, the reader's language, checked as a BCP 47 tag.
func readingLanguage(c *fiber.Ctx) (string, error) {
	lang, err := query(c, "lang", 20)
	if err != nil {
		return "", err
	}
	if lang != "" && !validLanguage(lang) {
		return "", domain.Invalid(domain.FieldError{Field: "lang", Code: domain.FieldLanguage, Message: "must be a BCP 47 language tag"})
	}
	return lang, nil
}

func (s *Server) listPublicPractices(c *fiber.Ctx) error {
	p, err := pageRequest(c, publicPracticeSorts, "")
	if err != nil {
		return err
	}
	f, err := practiceSearch(c, true)
	if err != nil {
		return err
	}
	var errs []domain.FieldError
	if v := c.Query("programme_id"); v != "" {
		id, err := uuid.Parse(v)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: "programme_id", Code: domain.FieldFormat, Params: map[string]any{"format": "uuid"}, Message: "must be a UUID"})
		}
		f.ProgrammeID = &id
	}
	if f.Label = strings.TrimSpace(c.Query("label")); f.Label != "" && !slices.Contains(domain.PublicLabels, f.Label) {
		f.Label = ""
		errs = append(errs, domain.FieldError{Field: "label", Code: domain.FieldOneOf, Params: map[string]any{"allowed": domain.PublicLabels},
			Message: "must be one of " + strings.Join(domain.PublicLabels, ", ")})
	}
	// The reader's language: each practice then carries its translation into it, where it has one.
	lang, err := readingLanguage(c)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	f.ReadingLanguage = lang
	page, err := s.svc.ListPublicPractices(c.UserContext(), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toPublicPracticeSummary))
}

func (s *Server) publicVocabulary(c *fiber.Ctx) error {
	v, err := s.svc.PublicVocabulary(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(toVocabularyResponse(v))
}

func (s *Server) getPublicPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	lang, err := readingLanguage(c)
	if err != nil {
		return err
	}
	p, err := s.svc.PublicPractice(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toPublicPracticeResponse(p, lang))
}

func (s *Server) getPublicProgramme(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	lang, err := readingLanguage(c)
	if err != nil {
		return err
	}
	p, err := s.svc.PublicProgramme(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(toPublicProgrammeResponse(p, lang))
}

// contactPractice passes a visitor's message on to the practice's contact; 202, as the e-mail
// leaves later, through the outbox. Nothing of the message or the addresses is logged.
func (s *Server) contactPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	var req publicContactRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := s.svc.ContactPractice(c.UserContext(), id, req.toInput(), c.IP()); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Status(fiber.StatusAccepted)
	return nil
}
