package httpapi

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// routes declares the whole API surface. Each route names its auth requirement where it is
// declared: public, or s.authenticate; creating POSTs add s.idempotent.
func (s *Server) routes() {
	app := s.app
	// Responses are compressed in memory; nothing is written next to the web app's files. API
	// answers are generated per request, so they take the fastest level: at level 6 deflate was a
	// fifth of a practice page's CPU, for a body only about a tenth smaller; and the last ones
	// are remembered (apiCompression). The web app's files are few and cached by browsers, so
	// they keep the default level.
	// Attachments leave as they are stored, with their length: compressing a PDF gains nothing.
	apiCompress := s.compression.handler(func(c *fiber.Ctx) bool {
		return !isAPIPath(c.Path()) || isDownload(c.Method(), c.Path())
	})
	webCompress := compress.New(compress.Config{Next: func(c *fiber.Ctx) bool { return isAPIPath(c.Path()) }})
	app.Use(s.requestContext, s.accessLog, s.recoverPanics, securityHeaders, s.readBody, rejectNUL, apiCompress, webCompress)

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/api/openapi.yaml", s.openapiDocument)
	app.Get("/api/docs", s.apiDocs)

	v1 := app.Group("/api/v1")
	authed := s.authenticate
	idem := s.idempotent
	// Heavy reads pass an admission limit per class (admission.go).
	search, results, dashboard := admit(s.heavy.search), admit(s.heavy.results), admit(s.heavy.dashboard)

	// Sessions.
	v1.Post("/auth/login", s.login)
	v1.Post("/auth/refresh", s.refresh)
	v1.Post("/auth/logout", authed, s.logout)
	v1.Post("/auth/password-reset", s.requestPasswordReset)
	v1.Post("/auth/password-reset/confirm", s.confirmPasswordReset)

	// The caller.
	v1.Get("/me", authed, s.getMe)
	v1.Patch("/me", authed, s.updateMe)
	v1.Post("/me/password", authed, s.changePassword)
	v1.Post("/me/calendar-token", authed, s.createCalendarToken)
	v1.Delete("/me/calendar-token", authed, s.revokeCalendarToken)
	// The feed is read by calendar apps, which send no session: its token authenticates.
	v1.Get("/me/calendar.ics", s.calendarFeed)
	v1.Get("/me/export", authed, s.exportMe)
	v1.Post("/me/erase", authed, s.eraseMe)

	// Directory.
	v1.Get("/organisations", authed, s.listOrganisations)
	v1.Post("/organisations", authed, idem, s.createOrganisation)
	v1.Get("/organisations/:id", authed, s.getOrganisation)
	v1.Patch("/organisations/:id", authed, s.updateOrganisation)
	v1.Get("/users", authed, s.listUsers)
	v1.Post("/users", authed, idem, s.createUser)
	v1.Get("/users/:id", authed, s.getUser)
	v1.Patch("/users/:id", authed, s.updateUser)
	v1.Post("/users/:id/erase", authed, s.eraseUser)

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
	v1.Get("/programmes/:id/practices", authed, search, s.listPractices)
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

	// Calls for practices.
	v1.Get("/programmes/:id/calls", authed, s.listCalls)
	v1.Post("/programmes/:id/calls", authed, idem, s.createCall)
	v1.Get("/calls/:id", authed, s.getCall)
	v1.Patch("/calls/:id", authed, s.updateCall)

	// Exchange activities.
	v1.Get("/programmes/:id/activities", authed, s.listActivities)
	v1.Post("/programmes/:id/activities", authed, idem, s.createActivity)
	v1.Get("/activities/:id", authed, s.getActivity)
	v1.Patch("/activities/:id", authed, s.updateActivity)
	v1.Delete("/activities/:id", authed, s.deleteActivity)
	v1.Patch("/activities/:id/follow-ups/:follow_up_id", authed, s.setFollowUpStatus)
	// Where mutual learning is most meaningful: learning profiles, matches and the learning map.
	v1.Get("/programmes/:id/learning-profile", authed, s.getLearningProfile)
	v1.Put("/programmes/:id/learning-profile", authed, s.putLearningProfile)
	v1.Get("/programmes/:id/matches", authed, search, s.matches)
	v1.Get("/programmes/:id/learning-map", authed, s.learningMap)

	// Peer review: rubrics, rounds, assignments, reviews, results and decisions.
	v1.Get("/programmes/:id/rubrics", authed, s.listRubrics)
	v1.Post("/programmes/:id/rubrics", authed, idem, s.createRubric)
	v1.Get("/rubrics/:id", authed, s.getRubric)
	v1.Patch("/rubrics/:id", authed, s.updateRubric)
	v1.Post("/rubrics/:id/activate", authed, s.activateRubric)
	v1.Get("/programmes/:id/rounds", authed, s.listRounds)
	v1.Post("/programmes/:id/rounds", authed, idem, s.createRound)
	v1.Get("/rounds/:id", authed, s.getRound)
	v1.Patch("/rounds/:id", authed, s.updateRound)
	v1.Post("/rounds/:id/open", authed, s.openRound)
	v1.Post("/rounds/:id/close", authed, s.closeRound)
	v1.Post("/rounds/:id/release-reviews", authed, s.releaseReviews)
	v1.Post("/rounds/:id/practices", authed, s.addRoundPractices)
	v1.Get("/rounds/:id/assignments", authed, s.listRoundAssignments)
	v1.Post("/rounds/:id/assignments", authed, idem, s.createAssignment)
	v1.Post("/rounds/:id/auto-assign", authed, s.autoAssign)
	v1.Get("/rounds/:id/bidding", authed, s.bidding)
	v1.Put("/rounds/:id/bids/:practice_id", authed, s.putBid)
	v1.Delete("/rounds/:id/bids/:practice_id", authed, s.deleteBid)
	v1.Get("/rounds/:id/bid-counts", authed, s.bidCounts)
	v1.Get("/rounds/:id/results", authed, results, s.roundResults)
	v1.Get("/rounds/:id/practices/:practice_id/discussion", authed, s.listDiscussion)
	v1.Post("/rounds/:id/practices/:practice_id/discussion", authed, idem, s.postToDiscussion)
	v1.Post("/rounds/:id/reminders", authed, s.sendReminders)
	v1.Get("/me/assignments", authed, s.myAssignments)
	v1.Get("/me/bidding-rounds", authed, s.myBiddingRounds)
	v1.Patch("/assignments/:id", authed, s.extendAssignment)
	v1.Delete("/assignments/:id", authed, s.deleteAssignment)
	v1.Post("/assignments/:id/accept", authed, s.acceptAssignment)
	v1.Post("/assignments/:id/decline", authed, s.declineAssignment)
	v1.Get("/assignments/:id/review", authed, s.getReview)
	v1.Put("/assignments/:id/review", authed, s.putReview)
	v1.Post("/assignments/:id/review/submit", authed, s.submitReview)
	v1.Post("/assignments/:id/review/reopen", authed, s.reopenReview)
	v1.Post("/assignments/:id/review/revise", authed, s.reviseReview)
	v1.Get("/practices/:id/reviews", authed, s.practiceReviews)
	v1.Post("/practices/:id/decision", authed, s.decidePractice)
	v1.Post("/practices/:id/response", authed, s.respondToReviews)

	// Adaptations, new products, lineage, dashboard, report, exports and audit.
	v1.Get("/programmes/:id/adaptations", authed, s.listAdaptations)
	v1.Post("/programmes/:id/adaptations", authed, idem, s.createAdaptation)
	v1.Get("/adaptations/:id", authed, s.getAdaptation)
	v1.Patch("/adaptations/:id", authed, s.updateAdaptation)
	v1.Post("/adaptations/:id/outcomes", authed, idem, s.addOutcome)
	v1.Get("/adaptations/:id/comments", authed, s.listAdaptationComments)
	v1.Post("/adaptations/:id/comments", authed, idem, s.createAdaptationComment)
	v1.Get("/programmes/:id/products", authed, s.listNewProducts)
	v1.Post("/programmes/:id/products", authed, idem, s.createNewProduct)
	v1.Get("/products/:id", authed, s.getNewProduct)
	v1.Patch("/products/:id", authed, s.updateNewProduct)
	v1.Get("/practices/:id/lineage", authed, s.practiceLineage)

	// Attachments (SPEC §7.7): read with the owner, changed by whoever may edit it. Uploads are
	// streams, outside the idempotency middleware, which would read the whole body first.
	for _, owner := range []domain.AttachmentOwnerType{domain.OwnerPractice, domain.OwnerAdaptation, domain.OwnerProduct, domain.OwnerActivity} {
		path := "/" + domain.AttachmentOwners[owner] + "/:id/attachments"
		v1.Get(path, authed, s.listAttachments(owner))
		v1.Post(path, authed, s.uploadAttachment(owner))
	}
	v1.Get("/attachments/:id", authed, s.downloadAttachment)
	v1.Patch("/attachments/:id", authed, s.changeAttachmentRole)
	v1.Delete("/attachments/:id", authed, s.deleteAttachment)
	v1.Get("/programmes/:id/dashboard", authed, dashboard, s.dashboard)
	v1.Get("/programmes/:id/report", authed, dashboard, s.programmeReport)
	v1.Get("/programmes/:id/report-notes", authed, s.getReportNotes)
	v1.Put("/programmes/:id/report-notes", authed, s.putReportNotes)
	v1.Get("/programmes/:id/exports/:kind", authed, s.exportCSV)
	v1.Get("/programmes/:id/export.json", authed, s.exportJSON)
	v1.Get("/programmes/:id/audit", authed, s.audit)

	// Notifications.
	v1.Get("/me/notifications", authed, s.myNotifications)
	v1.Post("/me/notifications/read", authed, s.markNotificationsRead)
	v1.Get("/me/notification-preferences", authed, s.getNotificationPreferences)
	v1.Put("/me/notification-preferences", authed, s.putNotificationPreferences)

	// The public catalogue.
	v1.Get("/public/practices", search, s.listPublicPractices)
	v1.Get("/public/practices/:id", s.getPublicPractice)
	v1.Get("/public/vocabulary", s.publicVocabulary)
	v1.Get("/public/programmes/:id", s.getPublicProgramme)
	// Throttled per client address and per practice in the service; no idempotency key, as a
	// repeated message is only a repeated message.
	v1.Post("/public/practices/:id/contact", s.contactPractice)

	// Anything else under /api is a problem+json 405 (a known path, another method) or 404; other
	// paths are the web app.
	s.allowed = newAllowedMethods(app.GetRoutes())
	app.All("/api/*", s.unmatchedAPI)
	s.webApp()
}
