package httpapi

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/service"
)

func (s *Server) login(c *fiber.Ctx) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := s.svc.Login(c.UserContext(), req.Email, req.Password, c.IP())
	if err != nil {
		return err
	}
	return s.sendTokens(c, t)
}

func (s *Server) refresh(c *fiber.Ctx) error {
	var req refreshRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := s.svc.Refresh(c.UserContext(), req.RefreshToken)
	if err != nil {
		return err
	}
	return s.sendTokens(c, t)
}

func (s *Server) logout(c *fiber.Ctx) error {
	if err := s.svc.Logout(c.UserContext(), actorOf(c)); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) getMe(c *fiber.Ctx) error {
	u, err := s.svc.Me(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return s.sendUser(c, fiber.StatusOK, toUserResponse(u))
}

func (s *Server) updateMe(c *fiber.Ctx) error {
	var req meUpdateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	u, err := s.svc.UpdateMe(c.UserContext(), actorOf(c), req.toPatch())
	if err != nil {
		return err
	}
	return s.sendUser(c, fiber.StatusOK, toUserResponse(u))
}

func (s *Server) changePassword(c *fiber.Ctx) error {
	var req passwordChangeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := s.svc.ChangePassword(c.UserContext(), actorOf(c), req.CurrentPassword, req.NewPassword); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// sendTokens answers a sign-in with the token pair and the user as GET /me shows it.
func (s *Server) sendTokens(c *fiber.Ctx, t service.Tokens) error {
	orgs, err := s.svc.OrganisationRefs(c.UserContext(), []uuid.UUID{t.User.OrganisationID})
	if err != nil {
		return err
	}
	body := toTokenResponse(t)
	body.User = withOrganisation(body.User, orgs)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(body)
}
