package httpapi

import (
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/ical"
)

// activityFilter reads the list's filters: status, kind, and the window from/to (a date or a
// date-time; an activity is in the window when it overlaps it).
func activityFilter(c *fiber.Ctx, f *domain.ActivityFilter) error {
	var errs []domain.FieldError
	oneOf := func(name string, allowed []string) string {
		v := c.Query(name)
		if v != "" && !slices.Contains(allowed, v) {
			errs = append(errs, domain.FieldError{Field: name, Code: domain.FieldOneOf, Message: "is not one of the allowed values",
				Params: map[string]any{"allowed": allowed}})
			return ""
		}
		return string([]byte(v))
	}
	moment := func(name string) *time.Time {
		v := c.Query(name)
		if v == "" {
			return nil
		}
		for _, layout := range []string{time.RFC3339, time.DateOnly} {
			if t, err := time.Parse(layout, v); err == nil {
				return &t
			}
		}
		errs = append(errs, domain.FieldError{Field: name, Code: domain.FieldFormat, Message: "must be a date or a date-time",
			Params: map[string]any{"format": "date-time"}})
		return nil
	}
	f.Status = oneOf("status", domain.ActivityStatuses)
	f.Kind = oneOf("kind", domain.ActivityKinds)
	f.From, f.To = moment("from"), moment("to")
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

func (s *Server) listActivities(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, []string{"starts_at"}, "")
	if err != nil {
		return err
	}
	f := domain.ActivityFilter{ProgrammeID: id}
	if err := activityFilter(c, &f); err != nil {
		return err
	}
	page, err := s.svc.ListActivities(c.UserContext(), actorOf(c), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toActivitySummaryResponse))
}

func (s *Server) createActivity(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req activityRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.CreateActivity(c.UserContext(), actorOf(c), id, req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/activities/"+a.ID.String(), a.Version, toActivityResponse(a))
}

func (s *Server) getActivity(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Activity")
	if err != nil {
		return err
	}
	a, err := s.svc.Activity(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, a.Version, toActivityResponse(a))
}

func (s *Server) updateActivity(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Activity")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req activityPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.UpdateActivity(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return sendVersioned(c, a.Version, toActivityResponse(a))
}

func (s *Server) deleteActivity(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Activity")
	if err != nil {
		return err
	}
	if err := s.svc.DeleteActivity(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) setFollowUpStatus(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Activity")
	if err != nil {
		return err
	}
	fid, err := pathID(c, "follow_up_id", "Follow-up")
	if err != nil {
		return err
	}
	var req followUpStatusRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.SetFollowUpStatus(c.UserContext(), actorOf(c), id, fid, req.Status)
	if err != nil {
		return err
	}
	return sendVersioned(c, a.Version, toActivityResponse(a))
}

func (s *Server) createCalendarToken(c *fiber.Ctx) error {
	t, err := s.svc.CreateCalendarToken(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(fiber.StatusCreated).JSON(calendarTokenResponse{Token: t.Token, URL: t.URL, CreatedAt: t.CreatedAt})
}

func (s *Server) revokeCalendarToken(c *fiber.Ctx) error {
	if err := s.svc.RevokeCalendarToken(c.UserContext(), actorOf(c)); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// calendarFeed answers a calendar app: the token in the query authenticates, no session does.
func (s *Server) calendarFeed(c *fiber.Ctx) error {
	token := c.Query("token")
	if len(token) < 20 || len(token) > 100 {
		return domain.NotFound("Calendar")
	}
	feed, err := s.svc.Calendar(c.UserContext(), string([]byte(token)))
	if err != nil {
		return err
	}
	body := ical.Encode(ical.Calendar{ProdID: "-//Peerbridge//Exchange activities//EN", Name: "Peerbridge", Stamp: time.Now(), Entries: feed.Entries})
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="peerbridge.ics"`)
	return c.Send(body)
}
