package httpapi

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// maxBidCountPractices bounds practice_ids on GET /rounds/{id}/bid-counts: one page of the board.
const maxBidCountPractices = domain.MaxPageSize

// biddingQuery reads the bidding page's filters.
func biddingQuery(c *fiber.Ctx) (service.BiddingQuery, error) {
	var q service.BiddingQuery
	var errs []domain.FieldError
	text := func(name string, max int) string {
		v, err := query(c, name, max)
		if err != nil {
			errs = append(errs, domain.FieldError{Field: name, Code: domain.FieldTooLong, Params: map[string]any{"max": max}, Message: "is too long"})
		}
		return v
	}
	q.Theme = text("theme", 40)
	if q.Theme != "" && !keyPattern.MatchString(q.Theme) {
		errs = append(errs, domain.FieldError{Field: "theme", Code: domain.FieldFormat, Params: map[string]any{"format": "key"}, Message: "is not a theme key"})
	}
	q.Language = text("language", 20)
	if q.Language != "" && !validLanguage(q.Language) {
		errs = append(errs, domain.FieldError{Field: "language", Code: domain.FieldLanguage, Message: "must be a BCP 47 language tag"})
	}
	q.Country = text("country", 2)
	if q.Country != "" && !validCountry(validate, q.Country) {
		errs = append(errs, domain.FieldError{Field: "country", Code: domain.FieldCountry, Message: "must be an ISO 3166-1 alpha-2 country code in upper case, such as BE"})
	}
	q.Bid = text("bid", 20)
	if allowed := append(slices.Clone(domain.BidLevels), domain.BidNone); q.Bid != "" && !slices.Contains(allowed, q.Bid) {
		errs = append(errs, domain.FieldError{Field: "bid", Code: domain.FieldOneOf, Params: map[string]any{"allowed": allowed},
			Message: "must be one of " + strings.Join(allowed, ", ")})
	}
	if len(errs) > 0 {
		return q, domain.Invalid(errs...)
	}
	return q, nil
}

func (s *Server) bidding(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	q, err := biddingQuery(c)
	if err != nil {
		return err
	}
	page, err := s.svc.Bidding(c.UserContext(), actorOf(c), id, q, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toBiddingPracticeResponse))
}

func (s *Server) myBiddingRounds(c *fiber.Ctx) error {
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.MyBiddingRounds(c.UserContext(), actorOf(c), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toBiddingRoundResponse))
}

func (s *Server) putBid(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	practiceID, err := pathID(c, "practice_id", "Practice")
	if err != nil {
		return err
	}
	var req bidRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	b, err := s.svc.PutBid(c.UserContext(), actorOf(c), id, practiceID, req.Level)
	if err != nil {
		return err
	}
	return c.JSON(toBidResponse(b))
}

func (s *Server) deleteBid(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	practiceID, err := pathID(c, "practice_id", "Practice")
	if err != nil {
		return err
	}
	if err := s.svc.DeleteBid(c.UserContext(), actorOf(c), id, practiceID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) bidCounts(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Round")
	if err != nil {
		return err
	}
	raw := c.Query("practice_ids")
	var ids []uuid.UUID
	for _, part := range strings.Split(raw, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		pid, err := uuid.Parse(part)
		if err != nil {
			return domain.Invalid(domain.FieldError{Field: "practice_ids", Code: domain.FieldFormat, Params: map[string]any{"format": "uuid"},
				Message: "must be practice ids (UUIDs) separated by commas"})
		}
		ids = append(ids, pid)
	}
	if len(ids) > maxBidCountPractices {
		return domain.Invalid(domain.FieldError{Field: "practice_ids", Code: domain.FieldTooLong, Params: map[string]any{"max": maxBidCountPractices},
			Message: "must name at most 100 practices"})
	}
	counts, err := s.svc.BidCounts(c.UserContext(), actorOf(c), id, ids)
	if err != nil {
		return err
	}
	return c.JSON(toBidCountsResponse(counts))
}
