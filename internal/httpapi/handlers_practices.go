package httpapi

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// Sort keys of practice lists: relevance needs a query.
var (
	practiceSorts       = []string{"relevance", "title", "updated_at", "created_at", "published_at"}
	publicPracticeSorts = []string{"relevance", "title", "published_at"}
)

// practiceSearch reads and checks the filters of a practice search.
func practiceSearch(c *fiber.Ctx, public bool) (service.PracticeSearch, error) {
	var f service.PracticeSearch
	var errs []domain.FieldError
	text := func(name string, max int) string {
		v, err := query(c, name, max)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: name, Message: "is too long"})
		}
		return v
	}
	f.Query = text("q", 200)
	f.Country = text("country", 2)
	if f.Country != "" && !validCountry(validate, f.Country) {
		errs = append(errs, domain.FieldError{Field: "country", Code: domain.FieldCountry, Message: "must be an ISO 3166-1 alpha-2 country code in upper case, such as BE"})
	}
	f.Theme = text("theme", 40)
	if f.Theme != "" && !keyPattern.MatchString(f.Theme) {
		errs = append(errs, domain.FieldError{Field: "theme", Code: domain.FieldFormat, Params: map[string]any{"format": "key"}, Message: "is not a theme key"})
	}
	f.TargetGroup = text("target_group", 40)
	if f.TargetGroup != "" && !keyPattern.MatchString(f.TargetGroup) {
		errs = append(errs, domain.FieldError{Field: "target_group", Code: domain.FieldFormat, Params: map[string]any{"format": "key"}, Message: "is not a target group key"})
	}
	f.EvidenceLevel = text("evidence_level", 40)
	if f.EvidenceLevel != "" && !slices.Contains(domain.EvidenceLevels, f.EvidenceLevel) {
		errs = append(errs, domain.FieldError{Field: "evidence_level", Message: "must be one of " + strings.Join(domain.EvidenceLevels, ", ")})
	}
	f.Language = text("language", 20)
	if f.Language != "" && !validLanguage(f.Language) {
		errs = append(errs, domain.FieldError{Field: "language", Code: domain.FieldLanguage, Message: "must be a BCP 47 language tag"})
	}
	if !public {
		f.Status = text("status", 40)
		if f.Status != "" && !slices.Contains(domain.PracticeStatuses, domain.PracticeStatus(f.Status)) {
			errs = append(errs, domain.FieldError{Field: "status", Message: "is not a practice status"})
		}
		if v := c.Query("organisation_id"); v != "" {
			id, err := uuid.Parse(v)
			if err != nil {
				errs = append(errs, domain.FieldError{Field: "organisation_id", Message: "must be a UUID"})
			}
			f.OrganisationID = &id
		}
	}
	if len(errs) > 0 {
		return f, domain.Invalid(errs...)
	}
	return f, nil
}

func (s *Server) listPractices(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, practiceSorts, "")
	if err != nil {
		return err
	}
	f, err := practiceSearch(c, false)
	if err != nil {
		return err
	}
	page, err := s.svc.ListPractices(c.UserContext(), actorOf(c), id, f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toPracticeSummary))
}

func (s *Server) createPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req practiceCreateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.svc.CreatePractice(c.UserContext(), actorOf(c), id, req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/practices/"+p.ID.String(), p.Version, toPracticeViewResponse(p))
}

func (s *Server) getPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	p, err := s.svc.Practice(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendPractice(c, p)
}

func (s *Server) updatePractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req practicePatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.svc.UpdatePractice(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return sendPractice(c, p)
}

func (s *Server) deletePractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	if err := s.svc.DeletePractice(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) submitPractice(c *fiber.Ctx) error {
	return action(c, "Practice", s.svc.SubmitPractice, sendPractice)
}

func (s *Server) withdrawPractice(c *fiber.Ctx) error {
	return action(c, "Practice", s.svc.WithdrawPractice, sendPractice)
}

func (s *Server) reopenPractice(c *fiber.Ctx) error {
	return action(c, "Practice", s.svc.ReopenPractice, sendPractice)
}

func (s *Server) listRevisions(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	revs, err := s.svc.Revisions(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	items := make([]revisionSummaryResponse, len(revs))
	for i, r := range revs {
		items[i] = revisionSummaryResponse{Number: r.Number, CreatedAt: r.CreatedAt.UTC(), CreatedBy: r.CreatedBy}
	}
	return c.JSON(fiber.Map{"items": items})
}

func (s *Server) getRevision(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 {
		return domain.NotFound("Revision")
	}
	var compareTo *int
	if v := c.Query("compare_to"); v != "" {
		m, err := strconv.Atoi(v)
		if err != nil || m < 1 {
			return domain.Invalid(domain.FieldError{Field: "compare_to", Message: "must be a revision number"})
		}
		compareTo = &m
	}
	r, err := s.svc.Revision(c.UserContext(), actorOf(c), id, n, compareTo)
	if err != nil {
		return err
	}
	return c.JSON(toRevisionResponse(r))
}

// translationLang reads the language of a translation path: an unknown tag has no translation to
// read (404), and none can be written under it (400).
func translationLang(c *fiber.Ctx) (string, error) {
	lang := c.Params("lang")
	if !validLanguage(lang) {
		if c.Method() == fiber.MethodPut {
			return "", domain.Invalid(domain.FieldError{Field: "lang", Code: domain.FieldLanguage, Message: "must be a BCP 47 language tag, such as nl or fr-BE"})
		}
		return "", domain.NotFound("Translation")
	}
	return strings.Clone(lang), nil
}

func (s *Server) getTranslation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	lang, err := translationLang(c)
	if err != nil {
		return err
	}
	t, version, err := s.svc.Translation(c.UserContext(), actorOf(c), id, lang)
	if err != nil {
		return err
	}
	return sendVersioned(c, version, toTranslationResponse(lang, t))
}

func (s *Server) putTranslation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	lang, err := translationLang(c)
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req translationRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, newVersion, err := s.svc.PutTranslation(c.UserContext(), actorOf(c), id, lang, version, req.toDomain())
	if err != nil {
		return err
	}
	return sendVersioned(c, newVersion, toTranslationResponse(lang, t))
}

func (s *Server) listPracticeComments(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.ListComments(c.UserContext(), actorOf(c), "practice", id, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toCommentResponse))
}

func (s *Server) createPracticeComment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	var req commentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cm, err := s.svc.CreateComment(c.UserContext(), actorOf(c), "practice", id, req.Body, req.ParentID)
	if err != nil {
		return err
	}
	etag(c, cm.Version)
	return c.Status(fiber.StatusCreated).JSON(toCommentResponse(cm))
}

func (s *Server) updateComment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Comment")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req commentUpdateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cm, err := s.svc.UpdateComment(c.UserContext(), actorOf(c), id, version, req.Body)
	if err != nil {
		return err
	}
	return sendVersioned(c, cm.Version, toCommentResponse(cm))
}

func (s *Server) deleteComment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Comment")
	if err != nil {
		return err
	}
	if err := s.svc.DeleteComment(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
