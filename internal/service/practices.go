package service

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// PracticeStore keeps practices and their revisions.
type PracticeStore interface {
	CreatePractice(ctx context.Context, p domain.Practice) (domain.Practice, error)
	// Practice returns CodeNotFound for an unknown id; lock holds the row for the transaction
	// in ctx.
	Practice(ctx context.Context, id uuid.UUID, lock bool) (domain.Practice, error)
	// PracticeAccess returns only the ID, ProgrammeID, OrganisationID and Status of a practice,
	// or CodeNotFound for an unknown id.
	PracticeAccess(ctx context.Context, id uuid.UUID) (domain.Practice, error)
	// PracticesByIDs returns the practices with the given ids that exist.
	PracticesByIDs(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]domain.Practice, error)
	// UpdatePractice returns CodeNotFound for an unknown id and CodeVersionMismatch when
	// version is not the stored one.
	UpdatePractice(ctx context.Context, p domain.Practice, version int) (domain.Practice, error)
	// DeleteDraft returns CodeNotDeletable when the practice is no longer a draft.
	DeleteDraft(ctx context.Context, id uuid.UUID) error
	// ListPractices applies f.Viewer's visibility in the query itself.
	ListPractices(ctx context.Context, f domain.PracticeFilter, p domain.PageRequest) (domain.Page[domain.Practice], error)
	// PublicVocabulary returns the themes and target groups of the public catalogue's programmes.
	PublicVocabulary(ctx context.Context) (domain.Vocabulary, error)
	InsertRevision(ctx context.Context, r domain.Revision) error
	Revisions(ctx context.Context, practiceID uuid.UUID) ([]domain.Revision, error)
	// RevisionsByNumber returns the revisions with the given numbers that exist.
	RevisionsByNumber(ctx context.Context, practiceID uuid.UUID, numbers ...int) (map[int]domain.Revision, error)
}

// ProductInput is a product as a partner describes it; an existing product keeps its ID.
type ProductInput struct {
	ID           *uuid.UUID
	Name, Kind   string
	Description  string
	CoreElements []string
}

// PracticeInput is everything a partner may set on a new practice.
type PracticeInput struct {
	Title, Summary, Language string
	Country                  string // empty: the organisation's country
	Themes, TargetGroups     []string
	Content                  domain.PracticeContent
	Products                 []ProductInput
	CallID                   *uuid.UUID
}

// PracticePatch lists what an edit may change; nil leaves a field as it is.
type PracticePatch struct {
	Title, Summary, Language, Country                       *string
	Themes, TargetGroups                                    *[]string
	Context, Approach, Resources, Outcomes, Transferability *string
	LessonsLearned                                          *string
	Scale                                                   *domain.Scale
	Evidence                                                *domain.Evidence
	LearningQuestions                                       *[]string
	Links                                                   *[]domain.Link
	Contact                                                 *domain.Contact
	Products                                                *[]ProductInput
	// CallID sets (non-nil inside) or clears (nil inside) the call; only while a draft.
	CallID **uuid.UUID
}

// PracticeView is a practice with what the caller may do with it.
type PracticeView struct {
	domain.Practice
	Allowed []string
	// Missing names the fields submitting still needs (the fields of SubmitProblems), for a
	// caller who may submit the practice; nil for everyone else.
	Missing []string
}

// practiceScope reads the caller's standing in the programme of p and decides visibility. What
// the caller may not see is NotFound, like a missing id.
func (s *Service) practiceScope(ctx context.Context, a *domain.Actor, p *domain.Practice) (domain.Scope, error) {
	sc := domain.Scope{Actor: a}
	if a.Anonymous() {
		return sc, domain.NotFound("Practice")
	}
	m, err := s.programmes.Membership(ctx, p.ProgrammeID, a.UserID)
	if err != nil {
		return sc, err
	}
	sc.Membership = m
	viewer := domain.PracticeViewer{Scope: sc}
	if p.Status != domain.StatusDraft && p.Status != domain.StatusPublished && !sc.IsCoordinator() && sc.Actor.OrganisationID != p.OrganisationID {
		if viewer.Reviewer, err = s.assignments.IsAssignedReviewer(ctx, p.ID, a.UserID); err != nil {
			return sc, err
		}
	}
	if !domain.CanSeePractice(viewer, p) {
		return sc, domain.NotFound("Practice")
	}
	return sc, nil
}

// visiblePractice loads a practice the caller may see.
func (s *Service) visiblePractice(ctx context.Context, a *domain.Actor, id uuid.UUID, lock bool) (domain.Practice, domain.Scope, error) {
	p, err := s.practices.Practice(ctx, id, lock)
	if err != nil {
		return p, domain.Scope{}, err
	}
	sc, err := s.practiceScope(ctx, a, &p)
	return p, sc, err
}

// accessiblePractice is visiblePractice for a request that never shows the practice itself:
// it reads only what the access rules need, not the practice's text.
func (s *Service) accessiblePractice(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Practice, domain.Scope, error) {
	p, err := s.practices.PracticeAccess(ctx, id)
	if err != nil {
		return p, domain.Scope{}, err
	}
	sc, err := s.practiceScope(ctx, a, &p)
	return p, sc, err
}

// allowedActions says what the caller may do with p now, for the web app's buttons.
func allowedActions(sc domain.Scope, p *domain.Practice) []string {
	out := []string{"comment"}
	edit := domain.CanEditPractice(sc, p)
	if edit && p.Status.Editable() {
		out = append(out, "edit")
	}
	if edit && p.Status == domain.StatusDraft {
		out = append(out, "delete")
	}
	for _, a := range []domain.PracticeAction{domain.ActionSubmit, domain.ActionWithdraw, domain.ActionReopen} {
		if _, err := domain.Transition(p.Status, a); edit && err == nil {
			out = append(out, string(a))
		}
	}
	if canTranslate(sc, p) {
		out = append(out, "translate")
	}
	return out
}

func canTranslate(sc domain.Scope, p *domain.Practice) bool {
	return p.Status != domain.StatusArchived && (domain.CanEditPractice(sc, p) || sc.IsCoordinator())
}

func view(sc domain.Scope, p domain.Practice) PracticeView {
	v := PracticeView{Practice: p, Allowed: allowedActions(sc, &p)}
	if slices.Contains(v.Allowed, string(domain.ActionSubmit)) {
		// The same rules the submit applies, so the editor's checklist never disagrees with it.
		v.Missing = []string{}
		for _, f := range p.SubmitProblems() {
			v.Missing = append(v.Missing, f.Field)
		}
	}
	return v
}

// CreatePractice starts a draft owned by the caller's organisation (partners of the programme).
func (s *Service) CreatePractice(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in PracticeInput) (PracticeView, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return PracticeView{}, err
	}
	if !domain.CanCreatePractice(sc) {
		return PracticeView{}, domain.Forbidden("Only partners of the programme can describe practices.")
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return PracticeView{}, err
	}
	country := in.Country
	if country == "" {
		country = a.Country
	}
	p := domain.Practice{ID: uuid.New(), ProgrammeID: programmeID, OrganisationID: a.OrganisationID, CreatedBy: a.UserID,
		PracticeText: domain.PracticeText{Title: strings.TrimSpace(in.Title), Summary: strings.TrimSpace(in.Summary), Language: in.Language,
			Country: country, Themes: in.Themes, TargetGroups: in.TargetGroups, Content: in.Content, Translations: map[string]domain.Translation{}},
		CallID: in.CallID, Status: domain.StatusDraft, Version: 1}
	if in.CallID != nil {
		if _, err := s.practiceCall(ctx, programmeID, *in.CallID); err != nil {
			return PracticeView{}, err
		}
	}
	if p.Products, err = mergeProducts(nil, in.Products); err != nil {
		return PracticeView{}, err
	}
	if err := checkPractice(&p, &prog); err != nil {
		return PracticeView{}, err
	}
	var created domain.Practice
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if created, err = s.practices.CreatePractice(ctx, p); err != nil {
			return err
		}
		return s.audit(ctx, a, &programmeID, "practice.created", "practice", p.ID, nil, map[string]any{"status": p.Status, "title": p.Title})
	})
	return view(sc, created), err
}

// mergeProducts turns product input into products: a given ID must name an existing product (it
// keeps its identity, which adaptations refer to); a product without an ID is new.
func mergeProducts(existing []domain.Product, in []ProductInput) ([]domain.Product, error) {
	out := make([]domain.Product, 0, len(in))
	seen := map[uuid.UUID]bool{}
	var errs []domain.FieldError
	for i, pi := range in {
		id := uuid.New()
		if pi.ID != nil {
			if !slices.ContainsFunc(existing, func(p domain.Product) bool { return p.ID == *pi.ID }) {
				errs = append(errs, domain.FieldError{Field: fieldIndex("products", i) + ".id", Message: "is not a product of this practice; leave it out for a new product"})
				continue
			}
			if seen[*pi.ID] {
				errs = append(errs, domain.FieldError{Field: fieldIndex("products", i) + ".id", Message: "appears twice"})
				continue
			}
			id = *pi.ID
		}
		seen[id] = true
		core := make([]string, 0, len(pi.CoreElements))
		for _, c := range pi.CoreElements {
			if c = strings.TrimSpace(c); c != "" {
				core = append(core, c)
			}
		}
		out = append(out, domain.Product{ID: id, Name: strings.TrimSpace(pi.Name), Kind: pi.Kind, Description: pi.Description, CoreElements: core})
	}
	if len(errs) > 0 {
		return nil, domain.Invalid(errs...)
	}
	return out, nil
}

// checkPractice enforces the rules that need the programme: themes and target groups come from
// its lists.
func checkPractice(p *domain.Practice, prog *domain.Programme) error {
	var errs []domain.FieldError
	for i, t := range p.Themes {
		if !prog.HasTheme(t) {
			errs = append(errs, domain.FieldError{Field: fieldIndex("themes", i), Message: "is not a theme of this programme"})
		}
	}
	for i, t := range p.TargetGroups {
		if !prog.HasTargetGroup(t) {
			errs = append(errs, domain.FieldError{Field: fieldIndex("target_groups", i), Message: "is not a target group of this programme"})
		}
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

func fieldIndex(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// Practice reads a practice the caller may see.
func (s *Service) Practice(ctx context.Context, a *domain.Actor, id uuid.UUID) (PracticeView, error) {
	p, sc, err := s.visiblePractice(ctx, a, id, false)
	if err != nil {
		return PracticeView{}, err
	}
	return view(sc, p), nil
}

// PracticeSearch are the filters of a practice search.
type PracticeSearch struct {
	Query, Country, Theme, TargetGroup, Status, EvidenceLevel, Language string
	OrganisationID                                                      *uuid.UUID
	// ReadingLanguage asks for each practice's translation into it, where there is one.
	ReadingLanguage string
	// ProgrammeID and Label filter the public catalogue (Label: a decision label).
	ProgrammeID *uuid.UUID
	Label       string
}

// ListPractices searches a programme's practices, showing exactly what GET would show the caller.
func (s *Service) ListPractices(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, f PracticeSearch, p domain.PageRequest) (domain.Page[domain.Practice], error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return domain.Page[domain.Practice]{}, err
	}
	return s.practices.ListPractices(ctx, domain.PracticeFilter{
		ProgrammeID: &programmeID, Query: f.Query, Country: f.Country, Theme: f.Theme, TargetGroup: f.TargetGroup, Status: f.Status,
		EvidenceLevel: f.EvidenceLevel, Language: f.Language, OrganisationID: f.OrganisationID,
		Viewer: domain.PracticeSearchViewer{Admin: sc.IsAdmin(), Coordinator: sc.IsCoordinator(), OrganisationID: a.OrganisationID, UserID: a.UserID},
	}, p)
}

// editablePractice loads a practice for a change by its organisation, locked for the transaction.
func (s *Service) editablePractice(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Practice, domain.Scope, error) {
	p, sc, err := s.visiblePractice(ctx, a, id, true)
	if err != nil {
		return p, sc, err
	}
	if !domain.CanEditPractice(sc, &p) {
		return p, sc, domain.Forbidden("Only partners of the practice's organisation can change it.")
	}
	return p, sc, nil
}

// UpdatePractice edits a draft or a practice sent back for revision, when version is current.
func (s *Service) UpdatePractice(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in PracticePatch) (PracticeView, error) {
	var out PracticeView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		p, sc, err := s.editablePractice(ctx, a, id)
		if err != nil {
			return err
		}
		if p.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The practice was changed by someone else; reload it and try again.")
		}
		if !p.Status.Editable() {
			return domain.Errorf(domain.CodeNotEditable, "A practice can only be edited as a draft or when a revision was requested; this one is %s.", p.Status)
		}
		// The web app sends the whole practice: naming the call it already has is no change.
		if in.CallID != nil && sameCall(*in.CallID, p.CallID) {
			in.CallID = nil
		}
		if in.CallID != nil {
			if p.Status != domain.StatusDraft {
				return domain.Invalid(domain.FieldError{Field: "call_id", Message: "can only change while the practice is a draft"})
			}
			if *in.CallID != nil {
				if _, err := s.practiceCall(ctx, p.ProgrammeID, **in.CallID); err != nil {
					return err
				}
			}
		}
		if err := in.apply(&p); err != nil {
			return err
		}
		prog, err := s.programmes.Programme(ctx, p.ProgrammeID, a.UserID)
		if err != nil {
			return err
		}
		if err := checkPractice(&p, &prog); err != nil {
			return err
		}
		updated, err := s.practices.UpdatePractice(ctx, p, version)
		out = view(sc, updated)
		return err
	})
	return out, err
}

// apply changes p as the patch says; products are merged by id.
func (in PracticePatch) apply(p *domain.Practice) error {
	setIf(&p.Title, in.Title, strings.TrimSpace)
	setIf(&p.Summary, in.Summary, strings.TrimSpace)
	setIf(&p.Language, in.Language, nil)
	setIf(&p.Country, in.Country, nil)
	setIf(&p.Themes, in.Themes, nil)
	setIf(&p.TargetGroups, in.TargetGroups, nil)
	c := &p.Content
	setIf(&c.Context, in.Context, nil)
	setIf(&c.Approach, in.Approach, nil)
	setIf(&c.Resources, in.Resources, nil)
	setIf(&c.Outcomes, in.Outcomes, nil)
	setIf(&c.Transferability, in.Transferability, nil)
	setIf(&c.LessonsLearned, in.LessonsLearned, nil)
	setIf(&c.Scale, in.Scale, nil)
	setIf(&c.Evidence, in.Evidence, nil)
	setIf(&c.LearningQuestions, in.LearningQuestions, nil)
	setIf(&c.Links, in.Links, nil)
	setIf(&c.Contact, in.Contact, nil)
	setIf(&p.CallID, in.CallID, nil)
	if in.Products != nil {
		products, err := mergeProducts(p.Products, *in.Products)
		if err != nil {
			return err
		}
		p.Products = products
	}
	return nil
}

// DeletePractice removes a draft.
func (s *Service) DeletePractice(ctx context.Context, a *domain.Actor, id uuid.UUID) error {
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		p, _, err := s.editablePractice(ctx, a, id)
		if err != nil {
			return err
		}
		if p.Status != domain.StatusDraft {
			return domain.Errorf(domain.CodeNotDeletable, "Only drafts can be deleted; withdraw the practice instead.")
		}
		// Audited first, while the practice still has its title for the entry to record.
		if err := s.audit(ctx, a, &p.ProgrammeID, "practice.deleted", "practice", id, map[string]any{"status": p.Status, "title": p.Title}, nil); err != nil {
			return err
		}
		return s.practices.DeleteDraft(ctx, id)
	})
}

// SubmitPractice sends a complete practice for review and freezes the next revision.
// A practice answering a call is submitted only inside the call's window (CodeCallClosed
// otherwise; a revision asked for by a decision is the exception, see domain.Call), and joins the
// call's round when there is one.
func (s *Service) SubmitPractice(ctx context.Context, a *domain.Actor, id uuid.UUID) (PracticeView, error) {
	var out PracticeView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		submitted, err := s.submitPractice(ctx, a, id)
		if err != nil {
			return err
		}
		out = submitted
		joined, err := s.joinCallRound(ctx, a, &submitted.Practice)
		if err != nil || !joined {
			return err
		}
		p, sc, err := s.visiblePractice(ctx, a, id, false)
		out = view(sc, p)
		return err
	})
	return out, err
}

func (s *Service) submitPractice(ctx context.Context, a *domain.Actor, id uuid.UUID) (PracticeView, error) {
	return s.transitionPractice(ctx, a, id, domain.ActionSubmit, func(ctx context.Context, p *domain.Practice) error {
		if err := s.checkSubmissionWindow(ctx, p); err != nil {
			return err
		}
		if problems := p.SubmitProblems(); len(problems) > 0 {
			return &domain.Error{Code: domain.CodeIncomplete, Message: "The practice is not complete enough to submit.", Fields: problems}
		}
		p.Revision++
		now := s.now().UTC()
		p.SubmittedAt = &now
		return s.practices.InsertRevision(ctx, domain.Revision{PracticeID: p.ID, Number: p.Revision, Snapshot: domain.Snapshot(p), CreatedBy: a.UserID})
	})
}

// WithdrawPractice takes a submitted practice back before its review starts.
func (s *Service) WithdrawPractice(ctx context.Context, a *domain.Actor, id uuid.UUID) (PracticeView, error) {
	return s.transitionPractice(ctx, a, id, domain.ActionWithdraw, nil)
}

// ReopenPractice turns a withdrawn practice back into a draft.
func (s *Service) ReopenPractice(ctx context.Context, a *domain.Actor, id uuid.UUID) (PracticeView, error) {
	return s.transitionPractice(ctx, a, id, domain.ActionReopen, nil)
}

// transitionPractice moves a practice of the caller's organisation through the status machine,
// running before on the practice first, and audits the change — in one transaction.
func (s *Service) transitionPractice(ctx context.Context, a *domain.Actor, id uuid.UUID, action domain.PracticeAction, before func(context.Context, *domain.Practice) error) (PracticeView, error) {
	var out PracticeView
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		p, sc, err := s.editablePractice(ctx, a, id)
		if err != nil {
			return err
		}
		from := p.Status
		to, err := domain.Transition(from, action)
		if err != nil {
			return err
		}
		if before != nil {
			if err := before(ctx, &p); err != nil {
				return err
			}
		}
		p.Status = to
		updated, err := s.practices.UpdatePractice(ctx, p, p.Version)
		if err != nil {
			return err
		}
		out = view(sc, updated)
		return s.audit(ctx, a, &p.ProgrammeID, "practice."+string(action), "practice", id,
			map[string]any{"status": from}, map[string]any{"status": to, "revision": updated.Revision})
	})
	return out, err
}

// Revisions lists a practice's frozen revisions.
func (s *Service) Revisions(ctx context.Context, a *domain.Actor, id uuid.UUID) ([]domain.Revision, error) {
	if _, _, err := s.accessiblePractice(ctx, a, id); err != nil {
		return nil, err
	}
	return s.practices.Revisions(ctx, id)
}

// RevisionView is a revision, optionally with the text of the one it is compared to.
type RevisionView struct {
	domain.Revision
	CompareTo *int
	Previous  *domain.PracticeText // the text of revision CompareTo
}

// Revision reads revision n, with the text of revision compareTo when given.
func (s *Service) Revision(ctx context.Context, a *domain.Actor, id uuid.UUID, n int, compareTo *int) (RevisionView, error) {
	if _, _, err := s.accessiblePractice(ctx, a, id); err != nil {
		return RevisionView{}, err
	}
	numbers := []int{n}
	if compareTo != nil {
		numbers = append(numbers, *compareTo)
	}
	revs, err := s.practices.RevisionsByNumber(ctx, id, numbers...)
	if err != nil {
		return RevisionView{}, err
	}
	r, ok := revs[n]
	if !ok {
		return RevisionView{}, domain.NotFound("Revision")
	}
	out := RevisionView{Revision: r}
	if compareTo != nil {
		old, ok := revs[*compareTo]
		if !ok {
			return RevisionView{}, domain.Invalid(domain.FieldError{Field: "compare_to", Message: "is not a revision of this practice"})
		}
		out.CompareTo = compareTo
		out.Previous = &old.Snapshot
	}
	return out, nil
}

// TranslationInput is a translation as written by a person or a machine.
type TranslationInput struct {
	Status string
	domain.Translation
}

// Translation reads one translation of a practice.
func (s *Service) Translation(ctx context.Context, a *domain.Actor, id uuid.UUID, lang string) (domain.Translation, int, error) {
	p, _, err := s.visiblePractice(ctx, a, id, false)
	if err != nil {
		return domain.Translation{}, 0, err
	}
	t, ok := p.Translations[lang]
	if !ok {
		return domain.Translation{}, 0, domain.NotFound("Translation")
	}
	return t, p.Version, nil
}

// PutTranslation writes a translation under the practice's version.
func (s *Service) PutTranslation(ctx context.Context, a *domain.Actor, id uuid.UUID, lang string, version int, t domain.Translation) (domain.Translation, int, error) {
	var saved domain.Translation
	var newVersion int
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		p, sc, err := s.visiblePractice(ctx, a, id, true)
		if err != nil {
			return err
		}
		if !canTranslate(sc, &p) {
			return domain.Forbidden("Only the practice's organisation and the programme's coordinators can translate it.")
		}
		if p.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The practice was changed by someone else; reload it and try again.")
		}
		if strings.EqualFold(lang, p.Language) {
			return domain.Invalid(domain.FieldError{Field: "lang", Message: "is the practice's own language; edit the practice instead"})
		}
		for i, pt := range t.Products {
			if _, ok := p.Product(pt.ID); !ok {
				return domain.Invalid(domain.FieldError{Field: fieldIndex("products", i) + ".id", Message: "is not a product of this practice"})
			}
		}
		t.UpdatedAt = s.now().UTC()
		t.UpdatedBy = a.UserID
		p.Translations[lang] = t
		updated, err := s.practices.UpdatePractice(ctx, p, version)
		if err != nil {
			return err
		}
		saved, newVersion = updated.Translations[lang], updated.Version
		return nil
	})
	return saved, newVersion, err
}

func sameCall(a, b *uuid.UUID) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}
