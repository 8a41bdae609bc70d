package httpapi

import (
	"github.com/gofiber/fiber/v2"
)

func (s *Server) listDiscussion(c *fiber.Ctx) error {
	roundID, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	practiceID, err := pathID(c, "practice_id", "Practice")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.ListDiscussion(c.UserContext(), actorOf(c), roundID, practiceID, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toDiscussionPostResponse))
}

func (s *Server) postToDiscussion(c *fiber.Ctx) error {
	roundID, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	practiceID, err := pathID(c, "practice_id", "Practice")
	if err != nil {
		return err
	}
	var req discussionPostRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	post, err := s.svc.PostToDiscussion(c.UserContext(), actorOf(c), roundID, practiceID, req.Body)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toDiscussionPostResponse(post))
}

func (s *Server) sendReminders(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	// The note is optional; the body ({} at least) is not, like every POST that changes things.
	var req reminderRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	res, err := s.svc.SendReminders(c.UserContext(), actorOf(c), id, req.Note)
	if err != nil {
		return err
	}
	return c.JSON(toReminderResponse(res))
}
