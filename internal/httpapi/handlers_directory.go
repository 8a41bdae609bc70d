package httpapi

import (
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func (s *Server) listOrganisations(c *fiber.Ctx) error {
	p, err := pageRequest(c, domain.OrganisationSorts, "name")
	if err != nil {
		return err
	}
	var f domain.OrganisationFilter
	if f.Query, err = query(c, "q", 100); err != nil {
		return err
	}
	if f.Country, err = query(c, "country", 2); err != nil {
		return err
	}
	page, err := s.svc.ListOrganisations(c.UserContext(), actorOf(c), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toOrganisationResponse))
}

func (s *Server) createOrganisation(c *fiber.Ctx) error {
	var req organisationCreateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	o, err := s.svc.CreateOrganisation(c.UserContext(), actorOf(c), req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/organisations/"+o.ID.String(), o.Version, toOrganisationResponse(o))
}

func (s *Server) getOrganisation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Organisation")
	if err != nil {
		return err
	}
	o, err := s.svc.Organisation(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, o.Version, toOrganisationResponse(o))
}

func (s *Server) updateOrganisation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Organisation")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req organisationUpdateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	patch, err := req.toPatch()
	if err != nil {
		return err
	}
	o, err := s.svc.UpdateOrganisation(c.UserContext(), actorOf(c), id, version, patch)
	if err != nil {
		return err
	}
	return sendVersioned(c, o.Version, toOrganisationResponse(o))
}

func (s *Server) listUsers(c *fiber.Ctx) error {
	p, err := pageRequest(c, domain.UserSorts, "name")
	if err != nil {
		return err
	}
	var f domain.UserFilter
	if f.Query, err = query(c, "q", 100); err != nil {
		return err
	}
	if v := c.Query("organisation_id"); v != "" {
		id, err := uuid.Parse(v)
		if err != nil {
			return domain.Invalid(domain.FieldError{Field: "organisation_id", Message: "must be a UUID"})
		}
		f.OrganisationID = &id
	}
	page, err := s.svc.ListUsers(c.UserContext(), actorOf(c), f, p)
	if err != nil {
		return err
	}
	ids := make([]uuid.UUID, len(page.Items))
	for i, u := range page.Items {
		ids[i] = u.OrganisationID
	}
	orgs, err := s.svc.OrganisationRefs(c.UserContext(), ids)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, func(u domain.User) userResponse { return withOrganisation(toUserResponse(u), orgs) }))
}

func (s *Server) createUser(c *fiber.Ctx) error {
	var req userCreateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	u, err := s.svc.CreateUser(c.UserContext(), actorOf(c), req.toInput())
	if err != nil {
		return err
	}
	c.Location("/api/v1/users/" + u.ID.String())
	return s.sendUser(c, fiber.StatusCreated, toUserResponse(u))
}

func (s *Server) getUser(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "User")
	if err != nil {
		return err
	}
	u, err := s.svc.User(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.sendUser(c, fiber.StatusOK, toUserResponse(u))
}

func (s *Server) updateUser(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "User")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req userUpdateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	u, err := s.svc.UpdateUser(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return s.sendUser(c, fiber.StatusOK, toUserResponse(u))
}

// sendUser answers with a user, its organisation and its ETag.
func (s *Server) sendUser(c *fiber.Ctx, status int, u userResponse) error {
	orgs, err := s.svc.OrganisationRefs(c.UserContext(), []uuid.UUID{u.OrganisationID})
	if err != nil {
		return err
	}
	etag(c, u.Version)
	return c.Status(status).JSON(withOrganisation(u, orgs))
}
