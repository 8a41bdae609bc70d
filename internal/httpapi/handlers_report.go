package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// programmeReport answers a programme's report for policy (coordinators; SPEC §7.6).
func (s *Server) programmeReport(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	lang, err := query(c, "lang", 20)
	if err != nil {
		return err
	}
	if lang != "" && !validLanguage(lang) {
		return domain.Invalid(domain.FieldError{Field: "lang", Code: domain.FieldLanguage, Message: "must be a BCP 47 language tag"})
	}
	r, err := s.svc.Report(c.UserContext(), actorOf(c), id, lang)
	if err != nil {
		return err
	}
	return c.JSON(toReportResponse(r))
}

func (s *Server) getReportNotes(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	n, err := s.svc.ReportNotes(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, n.Version, toReportNotesResponse(n))
}

func (s *Server) putReportNotes(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req reportNotesRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	n, err := s.svc.PutReportNotes(c.UserContext(), actorOf(c), id, version, req.toInput())
	if err != nil {
		return err
	}
	return sendVersioned(c, n.Version, toReportNotesResponse(n))
}
