package httpapi

import (
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/service"
)

// Password reset and personal data (SPEC §7.7).

type passwordResetRequest struct {
	Email string `json:"email" validate:"required,max=254"`
}

type passwordResetConfirmRequest struct {
	Token    string `json:"token" validate:"required,max=200"`
	Password string `json:"password" validate:"required,min=12,max=200"`
}

type eraseMeRequest struct {
	Password string `json:"password" validate:"required,max=200"`
}

// requestPasswordReset answers 202 whatever the address: whether it has an account is never told.
func (s *Server) requestPasswordReset(c *fiber.Ctx) error {
	var req passwordResetRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := s.svc.RequestPasswordReset(c.UserContext(), req.Email, c.IP()); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Status(fiber.StatusAccepted)
	return nil
}

func (s *Server) confirmPasswordReset(c *fiber.Ctx) error {
	var req passwordResetConfirmRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := s.svc.ConfirmPasswordReset(c.UserContext(), req.Token, req.Password); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// personalExportResponse is GET /me/export: the account, its organisation, and one list per
// kind of record held about the person, in a fixed order.
type personalExportResponse struct {
	ExportedAt              time.Time            `json:"exported_at"`
	User                    userResponse         `json:"user"`
	Organisation            organisationResponse `json:"organisation"`
	Memberships             json.RawMessage      `json:"memberships"`
	Practices               json.RawMessage      `json:"practices"`
	Reviews                 json.RawMessage      `json:"reviews"`
	Bids                    json.RawMessage      `json:"bids"`
	Comments                json.RawMessage      `json:"comments"`
	DiscussionPosts         json.RawMessage      `json:"discussion_posts"`
	ReviewResponses         json.RawMessage      `json:"review_responses"`
	Adaptations             json.RawMessage      `json:"adaptations"`
	NewProducts             json.RawMessage      `json:"new_products"`
	Notifications           json.RawMessage      `json:"notifications"`
	NotificationPreferences json.RawMessage      `json:"notification_preferences"`
	Sessions                json.RawMessage      `json:"sessions"`
	PasswordResets          json.RawMessage      `json:"password_resets"`
	Invitations             json.RawMessage      `json:"invitations"`
	Audit                   json.RawMessage      `json:"audit"`
}

func toPersonalExportResponse(e service.PersonalExport, now time.Time) personalExportResponse {
	section := func(name string) json.RawMessage {
		if raw, ok := e.Sections[name]; ok && len(raw) > 0 {
			return raw
		}
		return json.RawMessage("[]")
	}
	user := toUserResponse(e.User)
	user.Organisation = &organisationRef{ID: e.Organisation.ID, Name: e.Organisation.Name, Country: e.Organisation.Country}
	return personalExportResponse{ExportedAt: now.UTC(), User: user, Organisation: toOrganisationResponse(e.Organisation),
		Memberships: section("memberships"), Practices: section("practices"), Reviews: section("reviews"), Bids: section("bids"),
		Comments: section("comments"), DiscussionPosts: section("discussion_posts"), ReviewResponses: section("review_responses"),
		Adaptations: section("adaptations"), NewProducts: section("new_products"), Notifications: section("notifications"),
		NotificationPreferences: section("notification_preferences"), Sessions: section("sessions"),
		PasswordResets: section("password_resets"), Invitations: section("invitations"), Audit: section("audit")}
}

func (s *Server) exportMe(c *fiber.Ctx) error {
	e, err := s.svc.ExportMe(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="peerbridge-my-data.json"`)
	return c.JSON(toPersonalExportResponse(e, time.Now()))
}

func (s *Server) eraseMe(c *fiber.Ctx) error {
	var req eraseMeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := s.svc.EraseMe(c.UserContext(), actorOf(c), req.Password); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) eraseUser(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "User")
	if err != nil {
		return err
	}
	if err := s.svc.EraseUser(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
