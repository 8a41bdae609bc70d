package httpapi

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func (s *Server) listProgrammes(c *fiber.Ctx) error {
	p, err := pageRequest(c, domain.ProgrammeSorts, "name")
	if err != nil {
		return err
	}
	page, err := s.svc.ListProgrammes(c.UserContext(), actorOf(c), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toProgrammeResponse))
}

func (s *Server) createProgramme(c *fiber.Ctx) error {
	var req programmeCreateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.svc.CreateProgramme(c.UserContext(), actorOf(c), req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/programmes/"+p.ID.String(), p.Version, toProgrammeResponse(p))
}

func (s *Server) getProgramme(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := s.svc.Programme(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, p.Version, toProgrammeResponse(p))
}

func (s *Server) updateProgramme(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req programmeUpdateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	patch, err := req.toPatch()
	if err != nil {
		return err
	}
	p, err := s.svc.UpdateProgramme(c.UserContext(), actorOf(c), id, version, patch)
	if err != nil {
		return err
	}
	return sendVersioned(c, p.Version, toProgrammeResponse(p))
}

func (s *Server) listMembers(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, domain.MemberSorts, "name")
	if err != nil {
		return err
	}
	role := c.Query("role")
	if role != "" && !domain.ValidRole(role) {
		return domain.Invalid(domain.FieldError{Field: "role", Message: "must be one of coordinator, partner, reviewer"})
	}
	page, showEmails, err := s.svc.ListMembers(c.UserContext(), actorOf(c), id, domain.Role(role), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, func(m domain.Member) memberResponse { return toMemberResponse(m, showEmails) }))
}

func (s *Server) putMember(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	userID, err := pathID(c, "user_id", "User")
	if err != nil {
		return err
	}
	var req membershipPutRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	m, err := s.svc.PutMember(c.UserContext(), actorOf(c), id, userID, req.toRoles())
	if err != nil {
		return err
	}
	return c.JSON(toMemberResponse(m, true))
}

func (s *Server) deleteMember(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	userID, err := pathID(c, "user_id", "Member")
	if err != nil {
		return err
	}
	if err := s.svc.RemoveMember(c.UserContext(), actorOf(c), id, userID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) listInvitations(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	status := c.Query("status")
	switch status {
	case "", domain.InvitationPending, domain.InvitationAccepted, domain.InvitationExpired:
	default:
		return domain.Invalid(domain.FieldError{Field: "status", Message: "must be one of pending, accepted, expired"})
	}
	page, err := s.svc.ListInvitations(c.UserContext(), actorOf(c), id, status, p)
	if err != nil {
		return err
	}
	now := time.Now()
	return c.JSON(listOf(page, func(inv domain.Invitation) invitationResponse { return toInvitationResponse(inv, now) }))
}

func (s *Server) createInvitation(c *fiber.Ctx) error {
	var req invitationCreateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	inv, err := s.svc.CreateInvitation(c.UserContext(), actorOf(c), req.toInput())
	if err != nil {
		return err
	}
	body := toInvitationResponse(inv, time.Now())
	body.InviteURL = s.svc.InviteURL(inv.Token)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(fiber.StatusCreated).JSON(body)
}

func (s *Server) getInvitation(c *fiber.Ctx) error {
	token, err := invitationToken(c)
	if err != nil {
		return err
	}
	inv, err := s.svc.PreviewInvitation(c.UserContext(), token)
	if err != nil {
		return err
	}
	return c.JSON(invitationPreviewResponse{Email: inv.Email, Name: inv.Name, ProgrammeName: inv.ProgrammeName, OrganisationName: inv.OrganisationName,
		Roles: inv.Roles, Locale: inv.Locale, ExpiresAt: inv.ExpiresAt.UTC(), ExistingAccount: inv.ExistingAccount})
}

func (s *Server) acceptInvitation(c *fiber.Ctx) error {
	token, err := invitationToken(c)
	if err != nil {
		return err
	}
	var req acceptInvitationRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := s.svc.AcceptInvitation(c.UserContext(), token, req.Name, req.Password, c.IP())
	if err != nil {
		return err
	}
	return s.sendTokens(c, t)
}

func invitationToken(c *fiber.Ctx) (string, error) {
	t := c.Params("token")
	if len(t) < 20 || len(t) > 100 {
		return "", domain.NotFound("Invitation")
	}
	return string([]byte(t)), nil
}
