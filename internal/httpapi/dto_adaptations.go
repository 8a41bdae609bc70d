package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

// frameRequest carries the FRAME fields; their closed vocabularies are checked in the domain, so
// an unknown value is refused naming the field.
type frameRequest struct {
	When                 string              `json:"when,omitempty" validate:"max=40"`
	Planned              string              `json:"planned,omitempty" validate:"max=40"`
	DecidedBy            []string            `json:"decided_by,omitempty" validate:"max=10,dive,max=40"`
	What                 []string            `json:"what,omitempty" validate:"max=4,dive,max=40"`
	Level                string              `json:"level,omitempty" validate:"max=40"`
	ContextModifications []string            `json:"context_modifications,omitempty" validate:"max=4,dive,max=40"`
	ContentModifications []string            `json:"content_modifications,omitempty" validate:"max=11,dive,max=40"`
	Fidelity             string              `json:"fidelity" validate:"required,max=40"`
	CoreElementsKept     []string            `json:"core_elements_kept,omitempty" validate:"max=20,dive,max=300"`
	CoreElementsChanged  []string            `json:"core_elements_changed,omitempty" validate:"max=20,dive,max=300"`
	Goals                []string            `json:"goals,omitempty" validate:"max=8,dive,max=40"`
	Reasons              map[string][]string `json:"reasons,omitempty" validate:"max=4,dive,max=10,dive,max=40"`
}

func (f frameRequest) toDomain() domain.Frame {
	return domain.Frame{When: f.When, Planned: f.Planned, DecidedBy: f.DecidedBy, What: f.What, Level: f.Level, ContextModifications: f.ContextModifications,
		ContentModifications: f.ContentModifications, Fidelity: f.Fidelity, CoreElementsKept: f.CoreElementsKept, CoreElementsChanged: f.CoreElementsChanged,
		Goals: f.Goals, Reasons: f.Reasons}
}

type adaptationRequest struct {
	SourcePracticeID   uuid.UUID    `json:"source_practice_id" validate:"required"`
	ProductID          *uuid.UUID   `json:"product_id" nullable:"true"`
	Country            string       `json:"country,omitempty" validate:"omitempty,country"`
	Title              string       `json:"title" validate:"required,notblank,max=200"`
	ContextDescription string       `json:"context_description,omitempty" validate:"max=10000"`
	TargetGroups       []string     `json:"target_groups,omitempty" validate:"max=30,unique,dive,key"`
	Stage              string       `json:"stage,omitempty" validate:"omitempty,oneof=exploring planning implementing evaluating sustained discontinued"`
	Frame              frameRequest `json:"frame"`
	Barriers           []string     `json:"barriers,omitempty" validate:"max=30,dive,max=300"`
	Facilitators       []string     `json:"facilitators,omitempty" validate:"max=30,dive,max=300"`
}

func (r *adaptationRequest) checkRules() []domain.FieldError {
	return domain.CheckFrameVocabulary(r.Frame.toDomain())
}

func (r adaptationRequest) toInput() service.AdaptationInput {
	return service.AdaptationInput{SourcePracticeID: r.SourcePracticeID, ProductID: r.ProductID, Country: r.Country, Title: r.Title,
		ContextDescription: r.ContextDescription, TargetGroups: lists.NonNil(r.TargetGroups), Stage: r.Stage, Frame: r.Frame.toDomain(),
		Barriers: r.Barriers, Facilitators: r.Facilitators}
}

type adaptationPatchRequest struct {
	ProductID          Nullable[uuid.UUID] `json:"product_id"`
	Country            *string             `json:"country" validate:"omitempty,country"`
	Title              *string             `json:"title" validate:"omitempty,notblank,max=200"`
	ContextDescription *string             `json:"context_description" validate:"omitempty,max=10000"`
	TargetGroups       *[]string           `json:"target_groups" validate:"omitempty,max=30,unique,dive,key"`
	Stage              *string             `json:"stage" validate:"omitempty,oneof=exploring planning implementing evaluating sustained discontinued"`
	Frame              *frameRequest       `json:"frame"`
	Barriers           *[]string           `json:"barriers" validate:"omitempty,max=30,dive,max=300"`
	Facilitators       *[]string           `json:"facilitators" validate:"omitempty,max=30,dive,max=300"`
}

func (r *adaptationPatchRequest) checkRules() []domain.FieldError {
	if r.Frame == nil {
		return nil
	}
	return domain.CheckFrameVocabulary(r.Frame.toDomain())
}

func (r adaptationPatchRequest) toPatch() service.AdaptationPatch {
	p := service.AdaptationPatch{ProductID: r.ProductID.patch(), Country: r.Country, Title: r.Title, ContextDescription: r.ContextDescription,
		TargetGroups: r.TargetGroups, Stage: r.Stage, Barriers: r.Barriers, Facilitators: r.Facilitators}
	if r.Frame != nil {
		f := r.Frame.toDomain()
		p.Frame = &f
	}
	return p
}

type outcomeRequest struct {
	RecordedOn         string   `json:"recorded_on" validate:"required,datetime=2006-01-02"`
	Participants       int      `json:"participants" validate:"min=0,max=1000000"`
	ReturnedToWork     int      `json:"returned_to_work" validate:"min=0,max=1000000"`
	InWorkAfter6Months *int     `json:"in_work_after_6_months" nullable:"true" validate:"omitempty,min=0,max=1000000"`
	PlacementsOffered  *int     `json:"placements_offered" nullable:"true" validate:"omitempty,min=0,max=1000000"`
	Satisfaction       *float64 `json:"satisfaction" nullable:"true" validate:"omitempty,min=1,max=5"`
	Notes              string   `json:"notes,omitempty" validate:"max=5000"`
}

func (r outcomeRequest) toDomain() domain.Outcome {
	d := parseDate(&r.RecordedOn)
	return domain.Outcome{RecordedOn: *d, Participants: r.Participants, ReturnedToWork: r.ReturnedToWork, InWorkAfter6Months: r.InWorkAfter6Months,
		PlacementsOffered: r.PlacementsOffered, Satisfaction: r.Satisfaction, Notes: r.Notes}
}

type outcomeResponse struct {
	ID                 uuid.UUID `json:"id"`
	RecordedOn         string    `json:"recorded_on"`
	Participants       int       `json:"participants"`
	ReturnedToWork     int       `json:"returned_to_work"`
	InWorkAfter6Months *int      `json:"in_work_after_6_months"`
	PlacementsOffered  *int      `json:"placements_offered"`
	Satisfaction       *float64  `json:"satisfaction"`
	Notes              string    `json:"notes"`
	CreatedAt          time.Time `json:"created_at"`
}

func toOutcomeResponse(o domain.Outcome) outcomeResponse {
	return outcomeResponse{ID: o.ID, RecordedOn: o.RecordedOn.Format(time.DateOnly), Participants: o.Participants, ReturnedToWork: o.ReturnedToWork,
		InWorkAfter6Months: o.InWorkAfter6Months, PlacementsOffered: o.PlacementsOffered, Satisfaction: o.Satisfaction, Notes: o.Notes, CreatedAt: o.CreatedAt.UTC()}
}

// adaptationHead is what an adaptation's answer and its list item share.
type adaptationHead struct {
	ID                   uuid.UUID       `json:"id"`
	ProgrammeID          uuid.UUID       `json:"programme_id"`
	SourcePracticeID     uuid.UUID       `json:"source_practice_id"`
	SourcePracticeTitle  string          `json:"source_practice_title"`
	SourceCountry        string          `json:"source_country"`
	ProductID            *uuid.UUID      `json:"product_id"`
	AdoptingOrganisation organisationRef `json:"adopting_organisation"`
	Country              string          `json:"country"`
	Title                string          `json:"title"`
	TargetGroups         []string        `json:"target_groups"`
	Stage                string          `json:"stage"`
	Frame                frameResponse   `json:"frame"`
	CanEdit              bool            `json:"can_edit"`
	Version              int             `json:"version"`
	CreatedAt            time.Time       `json:"created_at"`
	UpdatedAt            time.Time       `json:"updated_at"`
}

func toAdaptationHead(a domain.Adaptation, canEdit bool) adaptationHead {
	return adaptationHead{ID: a.ID, ProgrammeID: a.ProgrammeID, SourcePracticeID: a.SourcePracticeID, SourcePracticeTitle: a.SourcePracticeTitle,
		SourceCountry: a.SourceCountry, ProductID: a.ProductID, AdoptingOrganisation: organisationRef{ID: a.AdoptingOrganisationID, Name: a.AdoptingOrganisationName, Country: a.Country},
		Country: a.Country, Title: a.Title, TargetGroups: lists.NonNil(a.TargetGroups), Stage: a.Stage, Frame: frameResponse(a.Frame), CanEdit: canEdit,
		Version: a.Version, CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC()}
}

// adaptationResponse is a whole adaptation (Adaptation in the contract).
type adaptationResponse struct {
	adaptationHead
	ContextDescription string            `json:"context_description"`
	Barriers           []string          `json:"barriers"`
	Facilitators       []string          `json:"facilitators"`
	Outcomes           []outcomeResponse `json:"outcomes"`
}

func toAdaptationResponse(a domain.Adaptation, canEdit bool) adaptationResponse {
	return adaptationResponse{adaptationHead: toAdaptationHead(a, canEdit), ContextDescription: a.ContextDescription,
		Barriers: lists.NonNil(a.Barriers), Facilitators: lists.NonNil(a.Facilitators),
		Outcomes: lists.NonNil(lists.Map(a.Outcomes, toOutcomeResponse))}
}

func toAdaptationView(v service.AdaptationView) adaptationResponse {
	return toAdaptationResponse(v.Adaptation, v.CanEdit)
}

// adaptationSummaryResponse is an adaptation in a list (AdaptationSummary in the contract): its
// latest follow-up and their number instead of all of them, and none of its free text.
type adaptationSummaryResponse struct {
	adaptationHead
	LatestOutcome *outcomeResponse `json:"latest_outcome"`
	OutcomeCount  int              `json:"outcome_count"`
}

func toAdaptationSummaryView(v service.AdaptationView) adaptationSummaryResponse {
	out := adaptationSummaryResponse{adaptationHead: toAdaptationHead(v.Adaptation, v.CanEdit), OutcomeCount: v.Adaptation.OutcomeCount}
	if o := v.Adaptation.LatestOutcome; o != nil {
		r := toOutcomeResponse(*o)
		out.LatestOutcome = &r
	}
	return out
}

type newProductRequest struct {
	Title                    *string      `json:"title" validate:"omitempty,notblank,max=200"`
	Kind                     *string      `json:"kind" validate:"omitempty,oneof=guidance assessment information training placement network tool service other"`
	Description              *string      `json:"description" validate:"omitempty,max=10000"`
	OrganisationIDs          *[]uuid.UUID `json:"organisation_ids" validate:"omitempty,max=30,unique"`
	Countries                *[]string    `json:"countries" validate:"omitempty,max=30,unique,dive,country"`
	Status                   *string      `json:"status" validate:"omitempty,oneof=idea in_development available"`
	InspiredByPracticeIDs    *[]uuid.UUID `json:"inspired_by_practice_ids" validate:"omitempty,max=50,unique"`
	DerivedFromAdaptationIDs *[]uuid.UUID `json:"derived_from_adaptation_ids" validate:"omitempty,max=50,unique"`
	Link                     *string      `json:"link" validate:"omitempty,max=500,http_url"`
}

// toInput reads a new product's registration; the handler has checked that title, kind and
// status are there.
func (r newProductRequest) toInput() service.NewProductInput {
	return service.NewProductInput{Title: deref(r.Title), Kind: deref(r.Kind), Description: deref(r.Description), Status: deref(r.Status),
		Link: deref(r.Link), OrganisationIDs: deref(r.OrganisationIDs), Countries: deref(r.Countries),
		InspiredByPracticeIDs: deref(r.InspiredByPracticeIDs), DerivedFromAdaptationIDs: deref(r.DerivedFromAdaptationIDs)}
}

// deref reads an optional field, the zero value when it was left out.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

func (r newProductRequest) toPatch() service.NewProductPatch {
	return service.NewProductPatch{Title: r.Title, Kind: r.Kind, Description: r.Description, Status: r.Status, Link: r.Link,
		OrganisationIDs: r.OrganisationIDs, Countries: r.Countries, InspiredByPracticeIDs: r.InspiredByPracticeIDs,
		DerivedFromAdaptationIDs: r.DerivedFromAdaptationIDs}
}

type newProductResponse struct {
	ID                       uuid.UUID   `json:"id"`
	ProgrammeID              uuid.UUID   `json:"programme_id"`
	Title                    string      `json:"title"`
	Kind                     string      `json:"kind"`
	Description              string      `json:"description"`
	OrganisationIDs          []uuid.UUID `json:"organisation_ids"`
	Countries                []string    `json:"countries"`
	Status                   string      `json:"status"`
	InspiredByPracticeIDs    []uuid.UUID `json:"inspired_by_practice_ids"`
	DerivedFromAdaptationIDs []uuid.UUID `json:"derived_from_adaptation_ids"`
	Link                     string      `json:"link"`
	Version                  int         `json:"version"`
	CreatedAt                time.Time   `json:"created_at"`
	UpdatedAt                time.Time   `json:"updated_at"`
}

func toNewProductResponse(n domain.NewProduct) newProductResponse {
	return newProductResponse{ID: n.ID, ProgrammeID: n.ProgrammeID, Title: n.Title, Kind: n.Kind, Description: n.Description, OrganisationIDs: n.OrganisationIDs,
		Countries: lists.NonNil(n.Countries), Status: n.Status, InspiredByPracticeIDs: n.InspiredByPracticeIDs, DerivedFromAdaptationIDs: n.DerivedFromAdaptationIDs,
		Link: n.Link, Version: n.Version, CreatedAt: n.CreatedAt.UTC(), UpdatedAt: n.UpdatedAt.UTC()}
}

type lineageAdaptation struct {
	ID                     uuid.UUID  `json:"id"`
	Title                  string     `json:"title"`
	Country                string     `json:"country"`
	Stage                  string     `json:"stage"`
	AdoptingOrganisationID uuid.UUID  `json:"adopting_organisation_id"`
	AdoptingOrganisation   string     `json:"adopting_organisation"`
	ProductID              *uuid.UUID `json:"product_id"`
	Fidelity               string     `json:"fidelity"`
	Participants           int        `json:"participants"`
	ReturnedToWork         int        `json:"returned_to_work"`
	CreatedAt              time.Time  `json:"created_at"`
}

type lineageResponse struct {
	Practice    practiceSummaryResponse `json:"practice"`
	Products    []productResponse       `json:"products"`
	Adaptations []lineageAdaptation     `json:"adaptations"`
	NewProducts []newProductResponse    `json:"new_products"`
}

func toLineageResponse(l service.Lineage) lineageResponse {
	out := lineageResponse{Practice: toPracticeSummary(l.Practice), Products: toProductResponses(l.Practice.Products), Adaptations: []lineageAdaptation{}, NewProducts: []newProductResponse{}}
	for _, a := range l.Adaptations {
		la := lineageAdaptation{ID: a.ID, Title: a.Title, Country: a.Country, Stage: a.Stage, AdoptingOrganisationID: a.AdoptingOrganisationID,
			AdoptingOrganisation: a.AdoptingOrganisationName, ProductID: a.ProductID, Fidelity: a.Frame.Fidelity, CreatedAt: a.CreatedAt.UTC()}
		if n := len(a.Outcomes); n > 0 {
			la.Participants, la.ReturnedToWork = a.Outcomes[n-1].Participants, a.Outcomes[n-1].ReturnedToWork
		}
		out.Adaptations = append(out.Adaptations, la)
	}
	for _, n := range l.NewProducts {
		out.NewProducts = append(out.NewProducts, toNewProductResponse(n))
	}
	return out
}

type keyCount struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

func keyCounts(in []domain.KeyCount) []keyCount {
	return lists.NonNil(lists.Map(in, func(k domain.KeyCount) keyCount { return keyCount{Key: k.Key, Count: k.Count} }))
}

type outputs struct {
	InformationExchanged int64 `json:"information_exchanged"`
	PracticesReviewed    int64 `json:"practices_reviewed"`
	ProductsAdapted      int64 `json:"products_adapted"`
	NewProducts          int64 `json:"new_products"`
}

type monthOutputs struct {
	Month string `json:"month"`
	outputs
}

type roundAgreementResponse struct {
	RoundID            uuid.UUID         `json:"round_id"`
	RoundName          string            `json:"round_name"`
	Status             string            `json:"status"`
	Reviews            int               `json:"reviews"`
	WeightedScoreAlpha *float64          `json:"weighted_score_alpha"`
	WeightedScore      agreementResponse `json:"weighted_score"`
}

type flowResponse struct {
	FromCountry string `json:"from_country"`
	ToCountry   string `json:"to_country"`
	Count       int64  `json:"count"`
}

type dashboardResponse struct {
	Outputs   outputs `json:"outputs"`
	Practices struct {
		ByStatus  []keyCount `json:"by_status"`
		ByCountry []keyCount `json:"by_country"`
		ByTheme   []keyCount `json:"by_theme"`
	} `json:"practices"`
	Reviews struct {
		Assigned  int64                    `json:"assigned"`
		Accepted  int64                    `json:"accepted"`
		Declined  int64                    `json:"declined"`
		Submitted int64                    `json:"submitted"`
		Overdue   int64                    `json:"overdue"`
		Agreement []roundAgreementResponse `json:"agreement"`
	} `json:"reviews"`
	Adaptations struct {
		ByStage       []keyCount `json:"by_stage"`
		ByFidelity    []keyCount `json:"by_fidelity"`
		ByReasonLevel []keyCount `json:"by_reason_level"`
	} `json:"adaptations"`
	AdaptationFlow []flowResponse `json:"adaptation_flow"`
	Barriers       []keyCount     `json:"barriers"`
	Facilitators   []keyCount     `json:"facilitators"`
	Outcomes       struct {
		Adaptations        int64    `json:"adaptations_with_outcomes"`
		Participants       int64    `json:"participants"`
		ReturnedToWork     int64    `json:"returned_to_work"`
		InWorkAfter6Months int64    `json:"in_work_after_6_months"`
		PlacementsOffered  int64    `json:"placements_offered"`
		SatisfactionMean   *float64 `json:"satisfaction_mean"`
	} `json:"outcomes"`
	Activities struct {
		Held                  int64      `json:"held"`
		ParticipantsByCountry []keyCount `json:"participants_by_country"`
	} `json:"activities"`
	Timeline    []monthOutputs `json:"timeline"`
	FiguresAsOf time.Time      `json:"figures_as_of"`
	Refreshing  bool           `json:"refreshing"`
}

func toDashboardResponse(d service.Dashboard) dashboardResponse {
	out := dashboardResponse{FiguresAsOf: d.FiguresAsOf.UTC(), Refreshing: d.Refreshing}
	o := d.Outputs
	out.Outputs = outputs{o.InformationExchanged, o.PracticesReviewed, o.ProductsAdapted, o.NewProducts}
	p := d.Practices
	out.Practices.ByStatus, out.Practices.ByCountry, out.Practices.ByTheme = keyCounts(p.ByStatus), keyCounts(p.ByCountry), keyCounts(p.ByTheme)
	a := d.Assignments
	out.Reviews.Assigned, out.Reviews.Accepted, out.Reviews.Declined, out.Reviews.Submitted, out.Reviews.Overdue =
		a.Assigned, a.Accepted, a.Declined, a.Submitted, a.Overdue
	for _, r := range d.Agreement {
		out.Reviews.Agreement = append(out.Reviews.Agreement, roundAgreementResponse{r.RoundID, r.RoundName, r.Status, r.Reviews, r.WeightedScoreAlpha,
			agreementResponse(r.WeightedScore)})
	}
	ad := d.Adaptations
	out.Adaptations.ByStage, out.Adaptations.ByFidelity, out.Adaptations.ByReasonLevel = keyCounts(ad.ByStage), keyCounts(ad.ByFidelity), keyCounts(ad.ByReasonLevel)
	for _, f := range ad.Flow {
		out.AdaptationFlow = append(out.AdaptationFlow, flowResponse{f.From, f.To, f.Count})
	}
	out.Barriers, out.Facilitators = keyCounts(ad.Barriers), keyCounts(ad.Facilitators)
	t := d.Outcomes
	out.Outcomes.Adaptations, out.Outcomes.Participants, out.Outcomes.ReturnedToWork = t.Adaptations, t.Participants, t.ReturnedToWork
	out.Outcomes.InWorkAfter6Months, out.Outcomes.PlacementsOffered, out.Outcomes.SatisfactionMean = t.InWorkAfter6Months, t.PlacementsOffered, t.SatisfactionMean
	out.Activities.Held, out.Activities.ParticipantsByCountry = d.Activities.Held, keyCounts(d.Activities.ParticipantsByCountry)
	for _, m := range d.Timeline {
		out.Timeline = append(out.Timeline, monthOutputs{Month: m.Month, outputs: outputs{m.InformationExchanged, m.PracticesReviewed, m.ProductsAdapted, m.NewProducts}})
	}
	// Lists are never null, so charts need no special case.
	for _, l := range []*[]keyCount{&out.Practices.ByStatus, &out.Practices.ByCountry, &out.Practices.ByTheme, &out.Adaptations.ByStage,
		&out.Adaptations.ByFidelity, &out.Adaptations.ByReasonLevel, &out.Barriers, &out.Facilitators} {
		if *l == nil {
			*l = []keyCount{}
		}
	}
	if out.Timeline == nil {
		out.Timeline = []monthOutputs{}
	}
	if out.AdaptationFlow == nil {
		out.AdaptationFlow = []flowResponse{}
	}
	if out.Reviews.Agreement == nil {
		out.Reviews.Agreement = []roundAgreementResponse{}
	}
	return out
}

type auditResponse struct {
	ID          int64          `json:"id"`
	Action      string         `json:"action"`
	ObjectType  string         `json:"object_type"`
	ObjectID    uuid.UUID      `json:"object_id"`
	ActorID     *uuid.UUID     `json:"actor_id"`
	ActorName   string         `json:"actor_name"`
	ObjectTitle string         `json:"object_title"`
	Before      map[string]any `json:"before"`
	After       map[string]any `json:"after"`
	At          time.Time      `json:"at"`
}

func toAuditResponse(e domain.AuditLine) auditResponse {
	return auditResponse{ID: e.ID, Action: e.Action, ObjectType: e.ObjectType, ObjectID: e.ObjectID, ActorID: e.ActorID, ActorName: e.ActorName, ObjectTitle: e.ObjectTitle,
		Before: e.Before, After: e.After, At: e.At.UTC()}
}

// exportValue shapes a domain object of the JSON export exactly as the API shows it.
func exportValue(v any) any {
	switch x := v.(type) {
	case domain.Programme:
		return toProgrammeResponse(x)
	case domain.Practice:
		return toPracticeResponse(x, nil)
	case domain.ReviewExportRow:
		r := reviewBody(x.Review)
		r.RoundName = x.RoundName
		if x.ReviewerID == uuid.Nil {
			r.Reviewer = reviewerRef{Label: x.ReviewerName}
		} else {
			id, aid := x.ReviewerID, x.AssignmentID
			r.AssignmentID = &aid
			r.Reviewer = reviewerRef{ID: &id, Name: x.ReviewerName, Organisation: x.ReviewerOrg, Country: x.ReviewerCntry}
		}
		return r
	case domain.Adaptation:
		return toAdaptationResponse(x, false)
	case domain.Outcome:
		o := toOutcomeResponse(x)
		return struct {
			AdaptationID uuid.UUID `json:"adaptation_id"`
			outcomeResponse
		}{x.AdaptationID, o}
	case domain.NewProduct:
		return toNewProductResponse(x)
	case domain.Activity:
		return toActivityExport(x)
	case domain.Comment:
		c := toCommentResponse(service.CommentView{Comment: x, AnonymousAuthor: x.AuthorID == uuid.Nil})
		return c
	}
	return v
}

type frameResponse struct {
	When                 string              `json:"when"`
	Planned              string              `json:"planned"`
	DecidedBy            []string            `json:"decided_by"`
	What                 []string            `json:"what"`
	Level                string              `json:"level"`
	ContextModifications []string            `json:"context_modifications"`
	ContentModifications []string            `json:"content_modifications"`
	Fidelity             string              `json:"fidelity"`
	CoreElementsKept     []string            `json:"core_elements_kept"`
	CoreElementsChanged  []string            `json:"core_elements_changed"`
	Goals                []string            `json:"goals"`
	Reasons              map[string][]string `json:"reasons"`
}
