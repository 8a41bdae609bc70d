package httpapi

import (
	"github.com/gofiber/fiber/v2"
)

func (s *Server) listCalls(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.ListCalls(c.UserContext(), actorOf(c), id, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toCallResponse))
}

func (s *Server) createCall(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req callRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	call, err := s.svc.CreateCall(c.UserContext(), actorOf(c), id, req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/calls/"+call.ID.String(), call.Version, toCallResponse(call))
}

func (s *Server) getCall(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Call")
	if err != nil {
		return err
	}
	call, err := s.svc.Call(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, call.Version, toCallResponse(call))
}

func (s *Server) updateCall(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Call")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req callPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	call, err := s.svc.UpdateCall(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return sendVersioned(c, call.Version, toCallResponse(call))
}
