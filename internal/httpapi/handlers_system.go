package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func (s *Server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz answers 503 with Retry-After while the database cannot be reached.
func (s *Server) readyz(c *fiber.Ctx) error {
	if err := s.svc.Ready(c.UserContext()); err != nil {
		return &domain.Error{Code: domain.CodeUnavailable, Message: "The database is unavailable.", RetryAfter: 5}
	}
	return c.JSON(fiber.Map{"status": "ok"})
}
