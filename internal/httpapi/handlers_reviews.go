package httpapi

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

func (s *Server) listRubrics(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	rs, err := s.svc.ListRubrics(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	items := make([]rubricResponse, len(rs))
	for i, r := range rs {
		items[i] = toRubricResponse(r)
	}
	return c.JSON(fiber.Map{"items": items})
}

func (s *Server) createRubric(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req rubricRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := s.svc.CreateRubric(c.UserContext(), actorOf(c), id, service.RubricInput{Title: req.Title, Criteria: toCriteria(req.Criteria),
		RecommendationOptions: req.RecommendationOptions, BasedOn: req.BasedOn})
	if err != nil {
		return err
	}
	return created(c, "/api/v1/rubrics/"+r.ID.String(), r.Version, toRubricResponse(r))
}

func (s *Server) getRubric(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Rubric")
	if err != nil {
		return err
	}
	r, err := s.svc.Rubric(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, r.Version, toRubricResponse(r))
}

func (s *Server) updateRubric(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Rubric")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req rubricPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	var in service.RubricInput
	if req.Title != nil {
		in.Title = *req.Title
	}
	if req.Criteria != nil {
		in.Criteria = toCriteria(*req.Criteria)
	}
	if req.RecommendationOptions != nil {
		in.RecommendationOptions = *req.RecommendationOptions
	}
	r, err := s.svc.UpdateRubric(c.UserContext(), actorOf(c), id, version, in)
	if err != nil {
		return err
	}
	return sendVersioned(c, r.Version, toRubricResponse(r))
}

func (s *Server) activateRubric(c *fiber.Ctx) error {
	return action(c, "Rubric", s.svc.ActivateRubric, sendRubric)
}

func (s *Server) listRounds(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.ListRounds(c.UserContext(), actorOf(c), id, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toRoundResponse))
}

func (s *Server) createRound(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req roundRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := s.svc.CreateRound(c.UserContext(), actorOf(c), id, req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/rounds/"+r.ID.String(), r.Version, toRoundResponse(r))
}

func (s *Server) getRound(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	r, err := s.svc.Round(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, r.Version, toRoundResponse(r))
}

func (s *Server) updateRound(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req roundPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := s.svc.UpdateRound(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return sendVersioned(c, r.Version, toRoundResponse(r))
}

func (s *Server) openRound(c *fiber.Ctx) error {
	return action(c, "Round", s.svc.OpenRound, sendRound)
}

func (s *Server) closeRound(c *fiber.Ctx) error {
	return action(c, "Round", s.svc.CloseRound, sendRound)
}

// releaseReviews moves a round into rebuttal; {"force": true} releases with reviews outstanding.
func (s *Server) releaseReviews(c *fiber.Ctx) error {
	return action(c, "Round", func(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Round, error) {
		var req releaseReviewsRequest
		if err := decode(c, &req); err != nil {
			return domain.Round{}, err
		}
		return s.svc.ReleaseReviews(ctx, a, id, req.Force)
	}, sendRound)
}

func (s *Server) addRoundPractices(c *fiber.Ctx) error {
	return action(c, "Round", func(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Round, error) {
		var req roundPracticesRequest
		if err := decode(c, &req); err != nil {
			return domain.Round{}, err
		}
		return s.svc.AddRoundPractices(ctx, a, id, req.PracticeIDs)
	}, sendRound)
}

func (s *Server) listRoundAssignments(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.ListRoundAssignments(c.UserContext(), actorOf(c), id, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toAssignmentResponse))
}

func (s *Server) createAssignment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	var req assignmentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.CreateAssignment(c.UserContext(), actorOf(c), id, req.PracticeID, req.ReviewerID)
	if err != nil {
		return err
	}
	return created(c, "/api/v1/assignments/"+a.ID.String(), a.Version, toAssignmentResponse(a))
}

func (s *Server) autoAssign(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	var req autoAssignRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	res, err := s.svc.AutoAssign(c.UserContext(), actorOf(c), id, req.DryRun)
	if err != nil {
		return err
	}
	return c.JSON(toAutoAssignResponse(res, req.DryRun))
}

// resultsPageSize is the default page of round results: a round of up to this many practices
// answers in one page, as before paging; larger rounds page (page, page_size ≤ 100).
const resultsPageSize = domain.MaxPageSize

func (s *Server) roundResults(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	if c.Query("page_size") == "" {
		p.Size = resultsPageSize
	}
	r, err := s.svc.Results(c.UserContext(), actorOf(c), id, p)
	if err != nil {
		return err
	}
	return c.JSON(toResultsResponse(r))
}

func (s *Server) myAssignments(c *fiber.Ctx) error {
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	var statuses []string
	switch st := c.Query("status"); st {
	case "":
	case "open":
		statuses = []string{domain.AssignmentAssigned, domain.AssignmentAccepted}
	case domain.AssignmentAssigned, domain.AssignmentAccepted, domain.AssignmentDeclined, domain.AssignmentSubmitted:
		statuses = []string{st}
	default:
		return domain.Invalid(domain.FieldError{Field: "status", Message: "must be one of open, assigned, accepted, declined, submitted"})
	}
	page, err := s.svc.MyAssignments(c.UserContext(), actorOf(c), statuses, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toAssignmentResponse))
}

func (s *Server) acceptAssignment(c *fiber.Ctx) error {
	return action(c, "Assignment", s.svc.AcceptAssignment, sendAssignment)
}

func (s *Server) declineAssignment(c *fiber.Ctx) error {
	return action(c, "Assignment", func(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Assignment, error) {
		var req declineRequest
		if err := decode(c, &req); err != nil {
			return domain.Assignment{}, err
		}
		return s.svc.DeclineAssignment(ctx, a, id, req.Reason, req.Conflict)
	}, sendAssignment)
}

func (s *Server) extendAssignment(c *fiber.Ctx) error {
	return action(c, "Assignment", func(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Assignment, error) {
		version, err := ifMatch(c)
		if err != nil {
			return domain.Assignment{}, err
		}
		var req extendRequest
		if err := decode(c, &req); err != nil {
			return domain.Assignment{}, err
		}
		return s.svc.ExtendAssignment(ctx, a, id, version, req.DueAt)
	}, sendAssignment)
}

func (s *Server) deleteAssignment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Assignment")
	if err != nil {
		return err
	}
	if err := s.svc.DeleteAssignment(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) getReview(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Assignment")
	if err != nil {
		return err
	}
	v, err := s.svc.Review(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendReview(c, v)
}

func (s *Server) putReview(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Assignment")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req reviewRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	v, err := s.svc.SaveReview(c.UserContext(), actorOf(c), id, version, req.toInput())
	if err != nil {
		return err
	}
	return sendReview(c, v)
}

func (s *Server) submitReview(c *fiber.Ctx) error {
	return action(c, "Assignment", s.svc.SubmitReview, sendReview)
}

func (s *Server) reopenReview(c *fiber.Ctx) error {
	return action(c, "Assignment", s.svc.ReopenReview, sendReview)
}

func (s *Server) reviseReview(c *fiber.Ctx) error {
	return action(c, "Assignment", s.svc.ReviseReview, sendReview)
}

func (s *Server) practiceReviews(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	v, err := s.svc.PracticeReviews(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	out := practiceReviewsResponse{Reviews: []reviewResponse{}, Decisions: []decisionResponse{}, Responses: []responseResponse{}, Rebuttals: []rebuttalResponse{}}
	for _, r := range v.Rebuttals {
		out.Rebuttals = append(out.Rebuttals, rebuttalResponse{RoundID: r.RoundID, RoundName: r.RoundName, RebuttalDueAt: utcPtr(r.DueAt), Open: r.Open})
	}
	for _, r := range v.Reviews {
		out.Reviews = append(out.Reviews, toPracticeReviewResponse(r))
	}
	for _, d := range v.Decisions {
		out.Decisions = append(out.Decisions, decisionResponse{RoundID: d.RoundID, PracticeID: d.PracticeID, Outcome: d.Outcome, Rationale: d.Rationale, DecidedAt: d.DecidedAt.UTC()})
	}
	for _, r := range v.Responses {
		out.Responses = append(out.Responses, toResponseResponse(r))
	}
	return c.JSON(out)
}

func (s *Server) decidePractice(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	var req decisionRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.svc.Decide(c.UserContext(), actorOf(c), id, req.RoundID, req.Outcome, req.Rationale)
	if err != nil {
		return err
	}
	return sendPractice(c, p)
}

func (s *Server) respondToReviews(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	var req responseRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := s.svc.Respond(c.UserContext(), actorOf(c), id, req.RoundID, req.Body)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toResponseResponse(r))
}

func (s *Server) myNotifications(c *fiber.Ctx) error {
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	onlyUnread, err := boolQuery(c, "unread")
	if err != nil {
		return err
	}
	page, unread, err := s.svc.Notifications(c.UserContext(), actorOf(c), onlyUnread, p)
	if err != nil {
		return err
	}
	list := listOf(page, toNotificationResponse)
	return c.JSON(fiber.Map{"items": list.Items, "page": list.Page, "page_size": list.PageSize, "total": list.Total, "total_is_estimate": list.TotalIsEstimate, "unread": unread})
}

func (s *Server) markNotificationsRead(c *fiber.Ctx) error {
	var req markReadRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	switch {
	case req.All && len(req.IDs) > 0:
		return domain.Invalid(domain.FieldError{Field: "all", Code: domain.FieldInvalid, Message: "must not be sent together with ids"})
	case !req.All && len(req.IDs) == 0:
		return domain.Invalid(domain.FieldError{Field: "ids", Code: domain.FieldRequired, Message: "is required unless all is true"})
	}
	if err := s.svc.MarkNotificationsRead(c.UserContext(), actorOf(c), req.IDs); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) getNotificationPreferences(c *fiber.Ctx) error {
	email, err := s.svc.NotificationPreference(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"email": email})
}

func (s *Server) putNotificationPreferences(c *fiber.Ctx) error {
	var req preferenceRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := s.svc.SetNotificationPreference(c.UserContext(), actorOf(c), req.Email); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"email": req.Email})
}
