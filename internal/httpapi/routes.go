package httpapi

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
)

// routes declares the whole API surface. Each route names its auth requirement where it is
// declared: public, or s.authenticate; creating POSTs add s.idempotent.
func (s *Server) routes() {
	app := s.app
	// Responses are compressed in memory; nothing is written next to the web app's files.
	app.Use(s.requestContext, s.accessLog, s.recoverPanics, securityHeaders, compress.New())

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/api/openapi.yaml", s.openapiDocument)
	app.Get("/api/docs", s.apiDocs)

	v1 := app.Group("/api/v1")
	authed := s.authenticate
	idem := s.idempotent

	// Sessions.
	v1.Post("/auth/login", s.login)
	v1.Post("/auth/refresh", s.refresh)
	v1.Post("/auth/logout", authed, s.logout)

	// The caller.
	v1.Get("/me", authed, s.getMe)
	v1.Patch("/me", authed, s.updateMe)
	v1.Post("/me/password", authed, s.changePassword)

	// Directory.
	v1.Get("/organisations", authed, s.listOrganisations)
	v1.Post("/organisations", authed, idem, s.createOrganisation)
	v1.Get("/organisations/:id", authed, s.getOrganisation)
	v1.Patch("/organisations/:id", authed, s.updateOrganisation)
	v1.Get("/users", authed, s.listUsers)
	v1.Post("/users", authed, idem, s.createUser)
	v1.Get("/users/:id", authed, s.getUser)
	v1.Patch("/users/:id", authed, s.updateUser)

	// Programmes, members and invitations.
	v1.Get("/programmes", authed, s.listProgrammes)
	v1.Post("/programmes", authed, idem, s.createProgramme)
	v1.Get("/programmes/:id", authed, s.getProgramme)
	v1.Patch("/programmes/:id", authed, s.updateProgramme)
	v1.Get("/programmes/:id/members", authed, s.listMembers)
	v1.Put("/programmes/:id/members/:user_id", authed, s.putMember)
	v1.Delete("/programmes/:id/members/:user_id", authed, s.deleteMember)
	v1.Get("/programmes/:id/invitations", authed, s.listInvitations)
	v1.Post("/invitations", authed, idem, s.createInvitation)
	v1.Get("/invitations/:token", s.getInvitation)
	v1.Post("/invitations/:token/accept", s.acceptInvitation)

	// Practices, their revisions, translations and discussion.
	v1.Get("/programmes/:id/practices", authed, s.listPractices)
	v1.Post("/programmes/:id/practices", authed, idem, s.createPractice)
	v1.Get("/practices/:id", authed, s.getPractice)
	v1.Patch("/practices/:id", authed, s.updatePractice)
	v1.Delete("/practices/:id", authed, s.deletePractice)
	v1.Post("/practices/:id/submit", authed, s.submitPractice)
	v1.Post("/practices/:id/withdraw", authed, s.withdrawPractice)
	v1.Post("/practices/:id/reopen", authed, s.reopenPractice)
	v1.Get("/practices/:id/revisions", authed, s.listRevisions)
	v1.Get("/practices/:id/revisions/:n", authed, s.getRevision)
	v1.Get("/practices/:id/translations/:lang", authed, s.getTranslation)
	v1.Put("/practices/:id/translations/:lang", authed, s.putTranslation)
	v1.Get("/practices/:id/comments", authed, s.listPracticeComments)
	v1.Post("/practices/:id/comments", authed, idem, s.createPracticeComment)
	v1.Patch("/comments/:id", authed, s.updateComment)
	v1.Delete("/comments/:id", authed, s.deleteComment)

	// The public catalogue.
	v1.Get("/public/practices", s.listPublicPractices)
	v1.Get("/public/practices/:id", s.getPublicPractice)

	// Anything else under /api is a problem+json 404; other paths are the web app.
	app.All("/api/*", func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	s.webApp()
}
