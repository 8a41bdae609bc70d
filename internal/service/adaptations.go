package service

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// AdaptationStore keeps adaptations, their follow-ups and the new products they lead to.
type AdaptationStore interface {
	CreateAdaptation(ctx context.Context, a domain.Adaptation) error
	// Adaptation returns CodeNotFound for an unknown id; lock holds the row for the
	// transaction in ctx.
	Adaptation(ctx context.Context, id uuid.UUID, lock bool) (domain.Adaptation, error)
	// UpdateAdaptation returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	UpdateAdaptation(ctx context.Context, a domain.Adaptation, version int) error
	ListAdaptations(ctx context.Context, f domain.AdaptationFilter, p domain.PageRequest) (domain.Page[domain.Adaptation], error)
	// AdaptationListVersion names the state of the programme that its adaptation lists are read
	// from; it changes at the commit of any change that can change a list.
	AdaptationListVersion(ctx context.Context, programmeID uuid.UUID) (int64, error)
	AdaptationsOfPractice(ctx context.Context, practiceID uuid.UUID) ([]domain.Adaptation, error)
	InsertOutcome(ctx context.Context, o domain.Outcome) error
	CreateNewProduct(ctx context.Context, n domain.NewProduct) error
	// NewProduct returns CodeNotFound for an unknown id.
	NewProduct(ctx context.Context, id uuid.UUID) (domain.NewProduct, error)
	// UpdateNewProduct returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	UpdateNewProduct(ctx context.Context, n domain.NewProduct, version int) error
	ListNewProducts(ctx context.Context, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.NewProduct], error)
	// NewProductsFrom lists the products derived from the practice or from the adaptations.
	NewProductsFrom(ctx context.Context, practiceID uuid.UUID, adaptationIDs []uuid.UUID) ([]domain.NewProduct, error)
}

// AdaptationInput is an adaptation as a partner records it.
type AdaptationInput struct {
	SourcePracticeID   uuid.UUID
	ProductID          *uuid.UUID
	Country            string
	Title              string
	ContextDescription string
	TargetGroups       []string
	Stage              string
	Frame              domain.Frame
	Barriers           []string
	Facilitators       []string
}

// AdaptationPatch lists what can change; nil leaves a field.
type AdaptationPatch struct {
	ProductID          **uuid.UUID
	Country            *string
	Title              *string
	ContextDescription *string
	TargetGroups       *[]string
	Stage              *string
	Frame              *domain.Frame
	Barriers           *[]string
	Facilitators       *[]string
}

// apply changes ad as the patch says.
func (in AdaptationPatch) apply(ad *domain.Adaptation) {
	setIf(&ad.ProductID, in.ProductID, nil)
	setIf(&ad.Country, in.Country, nil)
	setIf(&ad.Title, in.Title, strings.TrimSpace)
	setIf(&ad.ContextDescription, in.ContextDescription, strings.TrimSpace)
	setIf(&ad.TargetGroups, in.TargetGroups, nil)
	setIf(&ad.Stage, in.Stage, nil)
	setIf(&ad.Frame, in.Frame, nil)
	setIf(&ad.Barriers, in.Barriers, cleanList)
	setIf(&ad.Facilitators, in.Facilitators, cleanList)
}

// AdaptationView is an adaptation with what the caller may do.
type AdaptationView struct {
	domain.Adaptation
	CanEdit bool
}

// checkAdaptation validates the adaptation against its source: the product must be one of the
// practice's, core elements must come from its declared ones, target groups from the programme.
func checkAdaptation(a *domain.Adaptation, src *domain.Practice, prog *domain.Programme) error {
	var declared []string
	hasProduct := a.ProductID != nil
	if hasProduct {
		pr, ok := src.Product(*a.ProductID)
		if !ok {
			return domain.Invalid(domain.FieldError{Field: "product_id", Message: "is not a product of the source practice"})
		}
		declared = pr.CoreElements
	}
	errs := domain.CheckFrame(a.Frame, declared, hasProduct)
	for i, tg := range a.TargetGroups {
		if !prog.HasTargetGroup(tg) {
			errs = append(errs, domain.FieldError{Field: fieldIndex("target_groups", i), Message: "is not a target group of this programme"})
		}
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

func cleanList(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// CreateAdaptation records an adaptation by the caller's organisation of a practice it can see.
func (s *Service) CreateAdaptation(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in AdaptationInput) (AdaptationView, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return AdaptationView{}, err
	}
	if !sc.IsAdmin() && !sc.Has(domain.RolePartner) {
		return AdaptationView{}, domain.Forbidden("Only partners record adaptations, for their own organisation.")
	}
	notSource := domain.Invalid(domain.FieldError{Field: "source_practice_id", Message: "is not a practice of this programme you can see"})
	src, _, err := s.visiblePractice(ctx, a, in.SourcePracticeID, false)
	if err := notFoundAs(err, notSource); err != nil {
		return AdaptationView{}, err
	}
	if src.ProgrammeID != programmeID {
		return AdaptationView{}, notSource
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return AdaptationView{}, err
	}
	country := in.Country
	if country == "" {
		country = a.Country
	}
	stage := in.Stage
	if stage == "" {
		stage = "exploring"
	}
	ad := domain.Adaptation{ID: uuid.New(), ProgrammeID: programmeID, SourcePracticeID: src.ID, ProductID: in.ProductID, AdoptingOrganisationID: a.OrganisationID,
		Country: country, Title: strings.TrimSpace(in.Title), ContextDescription: strings.TrimSpace(in.ContextDescription), TargetGroups: in.TargetGroups,
		Stage: stage, Frame: in.Frame, Barriers: cleanList(in.Barriers), Facilitators: cleanList(in.Facilitators), CreatedBy: a.UserID}
	if err := checkAdaptation(&ad, &src, &prog); err != nil {
		return AdaptationView{}, err
	}
	// The answer is read back inside the transaction: a read that fails rolls the create back,
	// so a failure is never reported for a create that did commit.
	var out AdaptationView
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.adaptations.CreateAdaptation(ctx, ad); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &programmeID, "adaptation.created", "adaptation", ad.ID, nil, map[string]any{"stage": ad.Stage, "source_practice_id": src.ID}); err != nil {
			return err
		}
		out, err = s.adaptationView(ctx, sc, ad.ID)
		return err
	})
	if err != nil {
		return AdaptationView{}, err
	}
	return out, nil
}

// adaptationView reads an adaptation back for a caller whose scope is known.
func (s *Service) adaptationView(ctx context.Context, sc domain.Scope, id uuid.UUID) (AdaptationView, error) {
	ad, err := s.adaptations.Adaptation(ctx, id, false)
	if err != nil {
		return AdaptationView{}, err
	}
	return AdaptationView{Adaptation: ad, CanEdit: domain.CanEditAdaptation(sc, &ad)}, nil
}

// visibleAdaptation loads an adaptation of a programme the caller belongs to: adaptations are
// shared with the whole programme, the point of the exchange.
func (s *Service) visibleAdaptation(ctx context.Context, a *domain.Actor, id uuid.UUID, lock bool) (domain.Adaptation, domain.Scope, error) {
	ad, err := s.adaptations.Adaptation(ctx, id, lock)
	if err != nil {
		return ad, domain.Scope{}, err
	}
	sc, err := s.scope(ctx, a, ad.ProgrammeID)
	if err != nil {
		return domain.Adaptation{}, sc, notFoundAs(err, domain.NotFound("Adaptation"))
	}
	return ad, sc, nil
}

// Adaptation reads one adaptation with its outcomes.
func (s *Service) Adaptation(ctx context.Context, a *domain.Actor, id uuid.UUID) (AdaptationView, error) {
	ad, sc, err := s.visibleAdaptation(ctx, a, id, false)
	return AdaptationView{Adaptation: ad, CanEdit: domain.CanEditAdaptation(sc, &ad)}, err
}

// ListAdaptations returns a page of the programme's adaptations.
func (s *Service) ListAdaptations(ctx context.Context, a *domain.Actor, f domain.AdaptationFilter, p domain.PageRequest) (domain.Page[AdaptationView], error) {
	sc, err := s.scope(ctx, a, f.ProgrammeID)
	if err != nil {
		return domain.Page[AdaptationView]{}, err
	}
	version, err := s.adaptations.AdaptationListVersion(ctx, f.ProgrammeID)
	if err != nil {
		return domain.Page[AdaptationView]{}, err
	}
	// Every member reads the same list; what each may do with an item is decided below.
	key, _ := json.Marshal(struct {
		V int64
		F domain.AdaptationFilter
		P domain.PageRequest
	}{version, f, p})
	page, err := s.adaptationLists.cached(string(key), func() (domain.Page[domain.Adaptation], error) {
		return s.adaptations.ListAdaptations(ctx, f, p)
	})
	if err != nil {
		return domain.Page[AdaptationView]{}, err
	}
	out := domain.Page[AdaptationView]{Page: page.Page, Size: page.Size, Total: page.Total, TotalIsEstimate: page.TotalIsEstimate, Items: make([]AdaptationView, len(page.Items))}
	for i, ad := range page.Items {
		out.Items[i] = AdaptationView{Adaptation: ad, CanEdit: domain.CanEditAdaptation(sc, &ad)}
	}
	return out, nil
}

// adaptationListsSize bounds the adaptation list pages kept in memory: a page of summaries is
// some tens of kilobytes.
const adaptationListsSize = 256

// adaptationListCache keeps pages of a programme's adaptation list under its
// AdaptationListVersion: a page read again before anything changed costs one primary-key
// lookup instead of a count, a plan and the page (0.95 ms of the server's CPU a request on the
// benchmark data set, most of it scanning the rows and decoding their FRAME documents). A kept
// page is shared by every request that finds it, and is never changed.
type adaptationListCache = keptCache[domain.Page[domain.Adaptation]]

func newAdaptationListCache() *adaptationListCache {
	return &adaptationListCache{size: adaptationListsSize}
}

// UpdateAdaptation changes an adaptation of the caller's organisation when version is current;
// stage changes follow the cycle and are audited.
func (s *Service) UpdateAdaptation(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in AdaptationPatch) (AdaptationView, error) {
	var out AdaptationView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		ad, sc, err := s.visibleAdaptation(ctx, a, id, true)
		if err != nil {
			return err
		}
		if !domain.CanEditAdaptation(sc, &ad) {
			return domain.Forbidden("Only partners of the adopting organisation can change this adaptation.")
		}
		if ad.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The adaptation was changed by someone else; reload it and try again.")
		}
		from := ad.Stage
		in.apply(&ad)
		if err := domain.CheckStageMove(from, ad.Stage); err != nil {
			return err
		}
		src, err := s.practices.Practice(ctx, ad.SourcePracticeID, false)
		if err != nil {
			return err
		}
		prog, err := s.programmes.Programme(ctx, ad.ProgrammeID, a.UserID)
		if err != nil {
			return err
		}
		if err := checkAdaptation(&ad, &src, &prog); err != nil {
			return err
		}
		if err := s.adaptations.UpdateAdaptation(ctx, ad, version); err != nil {
			return err
		}
		if from != ad.Stage {
			if err := s.audit(ctx, a, &ad.ProgrammeID, "adaptation.stage_changed", "adaptation", id, map[string]any{"stage": from}, map[string]any{"stage": ad.Stage}); err != nil {
				return err
			}
		}
		out, err = s.adaptationView(ctx, sc, id)
		return err
	})
	if err != nil {
		return AdaptationView{}, err
	}
	return out, nil
}

// AddOutcome records a dated follow-up of an adaptation (its organisation).
func (s *Service) AddOutcome(ctx context.Context, a *domain.Actor, adaptationID uuid.UUID, o domain.Outcome) (AdaptationView, error) {
	var out AdaptationView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		ad, sc, err := s.visibleAdaptation(ctx, a, adaptationID, true)
		if err != nil {
			return err
		}
		if !domain.CanEditAdaptation(sc, &ad) {
			return domain.Forbidden("Only partners of the adopting organisation record its outcomes.")
		}
		if errs := domain.CheckOutcome(o, s.now().UTC()); len(errs) > 0 {
			return domain.Invalid(errs...)
		}
		o.ID, o.AdaptationID, o.CreatedBy, o.Notes = uuid.New(), adaptationID, a.UserID, strings.TrimSpace(o.Notes)
		if err := s.adaptations.InsertOutcome(ctx, o); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &ad.ProgrammeID, "adaptation.outcome_recorded", "adaptation", adaptationID, nil,
			map[string]any{"recorded_on": o.RecordedOn.Format(time.DateOnly), "participants": o.Participants, "returned_to_work": o.ReturnedToWork}); err != nil {
			return err
		}
		out, err = s.adaptationView(ctx, sc, adaptationID)
		return err
	})
	if err != nil {
		return AdaptationView{}, err
	}
	return out, nil
}

// NewProductInput is a new product as registered.
type NewProductInput struct {
	Title, Kind, Description, Status, Link string
	OrganisationIDs                        []uuid.UUID
	Countries                              []string
	InspiredByPracticeIDs                  []uuid.UUID
	DerivedFromAdaptationIDs               []uuid.UUID
}

// NewProductPatch lists what can change on a new product; nil leaves a field as it is.
type NewProductPatch struct {
	Title, Kind, Description, Status, Link          *string
	OrganisationIDs                                 *[]uuid.UUID
	Countries                                       *[]string
	InspiredByPracticeIDs, DerivedFromAdaptationIDs *[]uuid.UUID
}

// apply changes n as the patch says. New organisations drop the countries, unless the patch
// names them too: they were the old organisations' countries.
func (in NewProductPatch) apply(n *domain.NewProduct) {
	setIf(&n.Title, in.Title, strings.TrimSpace)
	setIf(&n.Kind, in.Kind, nil)
	setIf(&n.Description, in.Description, strings.TrimSpace)
	setIf(&n.Status, in.Status, nil)
	setIf(&n.Link, in.Link, strings.TrimSpace)
	if in.OrganisationIDs != nil {
		n.OrganisationIDs, n.Countries = *in.OrganisationIDs, nil
	}
	setIf(&n.Countries, in.Countries, nil)
	setIf(&n.InspiredByPracticeIDs, in.InspiredByPracticeIDs, nil)
	setIf(&n.DerivedFromAdaptationIDs, in.DerivedFromAdaptationIDs, nil)
}

// checkProvenance makes sure a new product points at practices and adaptations of the same
// programme that the caller can see, and at organisations that exist.
func (s *Service) checkProvenance(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, n *domain.NewProduct) error {
	var errs []domain.FieldError
	for i, id := range n.InspiredByPracticeIDs {
		p, _, err := s.visiblePractice(ctx, a, id, false)
		if err != nil && !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		if err != nil || p.ProgrammeID != programmeID {
			errs = append(errs, domain.FieldError{Field: fieldIndex("inspired_by_practice_ids", i), Message: "is not a practice of this programme"})
		}
	}
	for i, id := range n.DerivedFromAdaptationIDs {
		ad, err := s.adaptations.Adaptation(ctx, id, false)
		if err != nil && !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		if err != nil || ad.ProgrammeID != programmeID {
			errs = append(errs, domain.FieldError{Field: fieldIndex("derived_from_adaptation_ids", i), Message: "is not an adaptation of this programme"})
		}
	}
	orgs, err := s.organisations.OrganisationRefs(ctx, n.OrganisationIDs)
	if err != nil {
		return err
	}
	countries := map[string]bool{}
	for _, c := range n.Countries {
		countries[c] = true
	}
	for i, id := range n.OrganisationIDs {
		o, ok := orgs[id]
		if !ok {
			errs = append(errs, domain.FieldError{Field: fieldIndex("organisation_ids", i), Message: "is not an organisation"})
			continue
		}
		if !countries[o.Country] {
			n.Countries = append(n.Countries, o.Country)
			countries[o.Country] = true
		}
	}
	if len(n.InspiredByPracticeIDs) == 0 && len(n.DerivedFromAdaptationIDs) == 0 {
		errs = append(errs, domain.FieldError{Field: "inspired_by_practice_ids", Message: "name at least one practice or adaptation it came from"})
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

// CreateNewProduct registers a product that came out of the exchange (partners and coordinators).
func (s *Service) CreateNewProduct(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in NewProductInput) (domain.NewProduct, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return domain.NewProduct{}, err
	}
	if !sc.IsCoordinator() && !sc.Has(domain.RolePartner) {
		return domain.NewProduct{}, domain.Forbidden("Partners and coordinators register new products.")
	}
	n := domain.NewProduct{ID: uuid.New(), ProgrammeID: programmeID, Title: strings.TrimSpace(in.Title), Kind: in.Kind, Description: strings.TrimSpace(in.Description),
		OrganisationIDs: in.OrganisationIDs, Countries: in.Countries, Status: in.Status, InspiredByPracticeIDs: in.InspiredByPracticeIDs,
		DerivedFromAdaptationIDs: in.DerivedFromAdaptationIDs, Link: strings.TrimSpace(in.Link), CreatedBy: a.UserID}
	if len(n.OrganisationIDs) == 0 {
		n.OrganisationIDs = []uuid.UUID{a.OrganisationID}
	}
	if err := s.checkProvenance(ctx, a, programmeID, &n); err != nil {
		return domain.NewProduct{}, err
	}
	var out domain.NewProduct
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.adaptations.CreateNewProduct(ctx, n); err != nil {
			return err
		}
		if err := s.audit(ctx, a, &programmeID, "product.created", "product", n.ID, nil, map[string]any{"status": n.Status, "title": n.Title}); err != nil {
			return err
		}
		out, err = s.adaptations.NewProduct(ctx, n.ID)
		return err
	})
	if err != nil {
		return domain.NewProduct{}, err
	}
	return out, nil
}

// NewProduct reads one new product of a programme the caller belongs to.
func (s *Service) NewProduct(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.NewProduct, error) {
	n, err := s.adaptations.NewProduct(ctx, id)
	if err != nil {
		return n, err
	}
	if _, err := s.scope(ctx, a, n.ProgrammeID); err != nil {
		return domain.NewProduct{}, notFoundAs(err, domain.NotFound("Product"))
	}
	return n, nil
}

// UpdateNewProduct changes a new product (its organisations' partners or coordinators).
func (s *Service) UpdateNewProduct(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in NewProductPatch) (domain.NewProduct, error) {
	n, err := s.NewProduct(ctx, a, id)
	if err != nil {
		return n, err
	}
	sc, err := s.scope(ctx, a, n.ProgrammeID)
	if err != nil {
		return n, err
	}
	if !domain.CanEditNewProduct(sc, &n) {
		return domain.NewProduct{}, domain.Forbidden("Only the organisations involved and the coordinators can change this product.")
	}
	from := n.Status
	in.apply(&n)
	if err := s.checkProvenance(ctx, a, n.ProgrammeID, &n); err != nil {
		return domain.NewProduct{}, err
	}
	var out domain.NewProduct
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.adaptations.UpdateNewProduct(ctx, n, version); err != nil {
			return err
		}
		if from != n.Status {
			if err := s.audit(ctx, a, &n.ProgrammeID, "product.status_changed", "product", id, map[string]any{"status": from}, map[string]any{"status": n.Status}); err != nil {
				return err
			}
		}
		out, err = s.adaptations.NewProduct(ctx, id)
		return err
	})
	if err != nil {
		return domain.NewProduct{}, err
	}
	return out, nil
}

// ListNewProducts returns a page of the programme's new products.
func (s *Service) ListNewProducts(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.NewProduct], error) {
	if _, err := s.scope(ctx, a, programmeID); err != nil {
		return domain.Page[domain.NewProduct]{}, err
	}
	return s.adaptations.ListNewProducts(ctx, programmeID, status, p)
}

// Lineage is how one practice travelled: its products, their adaptations and what grew from them.
type Lineage struct {
	Practice    domain.Practice
	Adaptations []domain.Adaptation
	NewProducts []domain.NewProduct
}

// Lineage reads the lineage of a practice the caller can see.
func (s *Service) Lineage(ctx context.Context, a *domain.Actor, practiceID uuid.UUID) (Lineage, error) {
	p, _, err := s.visiblePractice(ctx, a, practiceID, false)
	if err != nil {
		return Lineage{}, err
	}
	ads, err := s.adaptations.AdaptationsOfPractice(ctx, practiceID)
	if err != nil {
		return Lineage{}, err
	}
	ids := make([]uuid.UUID, len(ads))
	for i, ad := range ads {
		ids[i] = ad.ID
	}
	nps, err := s.adaptations.NewProductsFrom(ctx, practiceID, ids)
	return Lineage{Practice: p, Adaptations: ads, NewProducts: nps}, err
}

// Audit returns a page of the programme's audit log (coordinators).
func (s *Service) Audit(ctx context.Context, a *domain.Actor, f domain.AuditFilter, p domain.PageRequest) (domain.Page[domain.AuditLine], error) {
	if _, err := s.coordinatorScope(ctx, a, f.ProgrammeID, "Programme"); err != nil {
		return domain.Page[domain.AuditLine]{}, err
	}
	return s.auditLog.ListAudit(ctx, f, p)
}
