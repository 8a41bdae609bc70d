package httpapi

import (
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

var adaptationSorts = []string{"updated_at", "created_at", "title", "stage"}

func optionalUUID(c *fiber.Ctx, name string) (*uuid.UUID, error) {
	v := c.Query(name)
	if v == "" {
		return nil, nil
	}
	id, err := uuid.Parse(v)
	if err != nil {
		return nil, domain.Invalid(domain.FieldError{Field: name, Message: "must be a UUID"})
	}
	return &id, nil
}

func (s *Server) listAdaptations(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, adaptationSorts, "")
	if err != nil {
		return err
	}
	f := domain.AdaptationFilter{ProgrammeID: id, Stage: c.Query("stage"), Country: c.Query("country"), Fidelity: c.Query("fidelity")}
	if f.Stage != "" && !slices.Contains(domain.AdaptationStages, f.Stage) {
		return domain.Invalid(domain.FieldError{Field: "stage", Message: "is not a stage"})
	}
	if f.Fidelity != "" && !slices.Contains(domain.FrameFidelity, f.Fidelity) {
		return domain.Invalid(domain.FieldError{Field: "fidelity", Message: "is not a fidelity"})
	}
	if f.Country != "" && !validCountry(validate, f.Country) {
		return domain.Invalid(domain.FieldError{Field: "country", Code: domain.FieldCountry, Message: "must be an ISO 3166-1 alpha-2 country code in upper case"})
	}
	f.Stage, f.Country, f.Fidelity = string([]byte(f.Stage)), string([]byte(f.Country)), string([]byte(f.Fidelity))
	if f.SourcePracticeID, err = optionalUUID(c, "source_practice_id"); err != nil {
		return err
	}
	if f.OrganisationID, err = optionalUUID(c, "organisation_id"); err != nil {
		return err
	}
	page, err := s.svc.ListAdaptations(c.UserContext(), actorOf(c), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toAdaptationSummaryView))
}

func (s *Server) createAdaptation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req adaptationRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.CreateAdaptation(c.UserContext(), actorOf(c), id, req.toInput())
	if err != nil {
		return err
	}
	return created(c, "/api/v1/adaptations/"+a.ID.String(), a.Version, toAdaptationView(a))
}

func (s *Server) getAdaptation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Adaptation")
	if err != nil {
		return err
	}
	a, err := s.svc.Adaptation(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, a.Version, toAdaptationView(a))
}

func (s *Server) updateAdaptation(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Adaptation")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req adaptationPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.UpdateAdaptation(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return sendVersioned(c, a.Version, toAdaptationView(a))
}

func (s *Server) addOutcome(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Adaptation")
	if err != nil {
		return err
	}
	var req outcomeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := s.svc.AddOutcome(c.UserContext(), actorOf(c), id, req.toDomain())
	if err != nil {
		return err
	}
	etag(c, a.Version)
	return c.Status(fiber.StatusCreated).JSON(toAdaptationView(a))
}

func (s *Server) listAdaptationComments(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Adaptation")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	page, err := s.svc.ListComments(c.UserContext(), actorOf(c), "adaptation", id, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toCommentResponse))
}

func (s *Server) createAdaptationComment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Adaptation")
	if err != nil {
		return err
	}
	var req commentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cm, err := s.svc.CreateComment(c.UserContext(), actorOf(c), "adaptation", id, req.Body, req.ParentID)
	if err != nil {
		return err
	}
	etag(c, cm.Version)
	return c.Status(fiber.StatusCreated).JSON(toCommentResponse(cm))
}

func (s *Server) listNewProducts(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	status := c.Query("status")
	if status != "" && !slices.Contains(domain.NewProductStatus, status) {
		return domain.Invalid(domain.FieldError{Field: "status", Message: "must be one of idea, in_development, available"})
	}
	page, err := s.svc.ListNewProducts(c.UserContext(), actorOf(c), id, string([]byte(status)), p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toNewProductResponse))
}

func (s *Server) createNewProduct(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	var req newProductRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	var missing []domain.FieldError
	if req.Title == nil {
		missing = append(missing, domain.FieldError{Field: "title", Message: "is required"})
	}
	if req.Kind == nil {
		missing = append(missing, domain.FieldError{Field: "kind", Message: "is required"})
	}
	if req.Status == nil {
		missing = append(missing, domain.FieldError{Field: "status", Message: "is required"})
	}
	if len(missing) > 0 {
		return domain.Invalid(missing...)
	}
	in := req.toInput()
	n, err := s.svc.CreateNewProduct(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return created(c, "/api/v1/products/"+n.ID.String(), n.Version, toNewProductResponse(n))
}

func (s *Server) getNewProduct(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Product")
	if err != nil {
		return err
	}
	n, err := s.svc.NewProduct(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return sendVersioned(c, n.Version, toNewProductResponse(n))
}

func (s *Server) updateNewProduct(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Product")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req newProductRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	n, err := s.svc.UpdateNewProduct(c.UserContext(), actorOf(c), id, version, req.toPatch())
	if err != nil {
		return err
	}
	return sendVersioned(c, n.Version, toNewProductResponse(n))
}

func (s *Server) practiceLineage(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Practice")
	if err != nil {
		return err
	}
	l, err := s.svc.Lineage(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(toLineageResponse(l))
}

func (s *Server) dashboard(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	d, err := s.svc.Dashboard(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(toDashboardResponse(d))
}

func (s *Server) audit(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	p, err := pageRequest(c, nil, "")
	if err != nil {
		return err
	}
	f := domain.AuditFilter{ProgrammeID: id}
	if f.ObjectType, err = query(c, "object_type", 40); err != nil {
		return err
	}
	if f.Action, err = query(c, "action", 80); err != nil {
		return err
	}
	if f.ObjectID, err = optionalUUID(c, "object_id"); err != nil {
		return err
	}
	if f.ActorID, err = optionalUUID(c, "actor_id"); err != nil {
		return err
	}
	page, err := s.svc.Audit(c.UserContext(), actorOf(c), f, p)
	if err != nil {
		return err
	}
	return c.JSON(listOf(page, toAuditResponse))
}

func (s *Server) exportCSV(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	a, ctx := actorOf(c), c.UserContext()
	identities, err := boolQuery(c, "include_identities")
	if err != nil {
		return err
	}
	var opts service.CSVOptions
	if opts.Lang, err = localeQuery(c, "lang"); err != nil {
		return err
	}
	if opts.BOM, err = boolQuery(c, "bom"); err != nil {
		return err
	}
	var w service.Writer
	switch c.Params("kind") {
	case "practices.csv":
		w, err = s.svc.ExportPracticesCSV(ctx, a, id, opts)
	case "reviews.csv":
		w, err = s.svc.ExportReviewsCSV(ctx, a, id, identities, opts)
	case "adaptations.csv":
		w, err = s.svc.ExportAdaptationsCSV(ctx, a, id, opts)
	case "activities.csv":
		w, err = s.svc.ExportActivitiesCSV(ctx, a, id, opts)
	default:
		return domain.NotFound("Export")
	}
	if err != nil {
		return err
	}
	return s.sendExport(c, "text/csv; charset=utf-8", c.Params("kind"), w)
}

func (s *Server) exportJSON(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Programme")
	if err != nil {
		return err
	}
	identities, err := boolQuery(c, "include_identities")
	if err != nil {
		return err
	}
	w, err := s.svc.ExportJSON(c.UserContext(), actorOf(c), id, identities, exportValue)
	if err != nil {
		return err
	}
	return s.sendExport(c, "application/json; charset=utf-8", "programme-"+id.String()+".json", w)
}
