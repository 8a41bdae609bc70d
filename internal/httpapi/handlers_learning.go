package httpapi

import (
	"github.com/gofiber/fiber/v2"
)

func (s *Server) getLearningProfile(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	org, err := optionalUUID(c, "organisation_id")
	if err != nil {
		return err
	}
	p, err := s.svc.LearningProfile(c.UserContext(), actorOf(c), id, org)
	if err != nil {
		return err
	}
	return sendVersioned(c, p.Version, toLearningProfileResponse(p))
}

// putLearningProfile replaces the caller's organisation's profile. A profile nobody saved yet has
// the ETag "0", which If-Match names to create it.
func (s *Server) putLearningProfile(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	version, err := ifMatchFrom(c, 0)
	if err != nil {
		return err
	}
	var req learningProfileRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.svc.SaveLearningProfile(c.UserContext(), actorOf(c), id, version, req.toInput())
	if err != nil {
		return err
	}
	return sendVersioned(c, p.Version, toLearningProfileResponse(p))
}

func (s *Server) matches(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	m, err := s.svc.Matches(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(toMatchesResponse(m))
}

func (s *Server) learningMap(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	m, themes, err := s.svc.LearningMap(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(toLearningMapResponse(m, themes))
}
