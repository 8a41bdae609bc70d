package httpapi

import (
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

type scaleRequest struct {
	Participants *int `json:"participants" nullable:"true" validate:"omitempty,min=0,max=10000000"`
	Sites        *int `json:"sites" nullable:"true" validate:"omitempty,min=0,max=100000"`
	SinceYear    *int `json:"since_year" nullable:"true" validate:"omitempty,min=1900,max=2100"`
}

type evidenceRequest struct {
	Level       string   `json:"level,omitempty" validate:"omitempty,oneof=none monitoring evaluation controlled_study"`
	Description string   `json:"description,omitempty" validate:"max=5000"`
	Indicators  []string `json:"indicators,omitempty" validate:"max=20,dive,notblank,max=300"`
}

type linkRequest struct {
	Title string `json:"title" validate:"required,notblank,max=200"`
	URL   string `json:"url" validate:"required,max=500,http_url"`
}

type contactRequest struct {
	Name  string `json:"name,omitempty" validate:"max=200"`
	Email string `json:"email,omitempty" validate:"omitempty,email,max=254"`
}

type productRequest struct {
	ID           *uuid.UUID `json:"id" nullable:"true"`
	Name         string     `json:"name" validate:"required,notblank,max=200"`
	Kind         string     `json:"kind" validate:"required,oneof=guidance assessment information training placement network tool service other"`
	Description  string     `json:"description,omitempty" validate:"max=5000"`
	CoreElements []string   `json:"core_elements,omitempty" validate:"max=20,dive,notblank,max=300"`
}

func toProductInputs(in []productRequest) []service.ProductInput {
	out := make([]service.ProductInput, len(in))
	for i, p := range in {
		out[i] = service.ProductInput{ID: p.ID, Name: p.Name, Kind: p.Kind, Description: p.Description, CoreElements: p.CoreElements}
	}
	return out
}

func (r scaleRequest) toDomain() domain.Scale {
	return domain.Scale{Participants: r.Participants, Sites: r.Sites, SinceYear: r.SinceYear}
}

func (r evidenceRequest) toDomain() domain.Evidence {
	return domain.Evidence{Level: r.Level, Description: r.Description, Indicators: lists.NonNil(r.Indicators)}
}

func toLinks(in []linkRequest) []domain.Link {
	out := make([]domain.Link, len(in))
	for i, l := range in {
		out[i] = domain.Link{Title: l.Title, URL: l.URL}
	}
	return out
}

type practiceCreateRequest struct {
	Title             string           `json:"title" validate:"required,notblank,max=200"`
	Summary           string           `json:"summary,omitempty" validate:"max=1000"`
	Language          string           `json:"language" validate:"required,lang"`
	Country           string           `json:"country,omitempty" validate:"omitempty,country"`
	Themes            []string         `json:"themes,omitempty" validate:"max=30,unique,dive,key"`
	TargetGroups      []string         `json:"target_groups,omitempty" validate:"max=30,unique,dive,key"`
	Context           string           `json:"context,omitempty" validate:"max=10000"`
	Approach          string           `json:"approach,omitempty" validate:"max=10000"`
	Resources         string           `json:"resources,omitempty" validate:"max=5000"`
	Scale             scaleRequest     `json:"scale,omitempty"`
	Evidence          evidenceRequest  `json:"evidence,omitempty"`
	Outcomes          string           `json:"outcomes,omitempty" validate:"max=10000"`
	Transferability   string           `json:"transferability,omitempty" validate:"max=10000"`
	LessonsLearned    string           `json:"lessons_learned,omitempty" validate:"max=10000"`
	LearningQuestions []string         `json:"learning_questions,omitempty" validate:"max=10,dive,notblank,max=500"`
	Links             []linkRequest    `json:"links,omitempty" validate:"max=20,dive"`
	Contact           contactRequest   `json:"contact,omitempty"`
	Products          []productRequest `json:"products,omitempty" validate:"max=20,dive"`
	CallID            *uuid.UUID       `json:"call_id" nullable:"true"`
}

func (r practiceCreateRequest) toInput() service.PracticeInput {
	return service.PracticeInput{CallID: r.CallID, Title: r.Title, Summary: r.Summary, Language: r.Language, Country: r.Country,
		Themes: lists.NonNil(r.Themes), TargetGroups: lists.NonNil(r.TargetGroups), Products: toProductInputs(r.Products),
		Content: domain.PracticeContent{Context: r.Context, Approach: r.Approach, Resources: r.Resources, Scale: r.Scale.toDomain(),
			Evidence: r.Evidence.toDomain(), Outcomes: r.Outcomes, Transferability: r.Transferability, LessonsLearned: r.LessonsLearned,
			LearningQuestions: lists.NonNil(r.LearningQuestions), Links: toLinks(r.Links), Contact: domain.Contact{Name: r.Contact.Name, Email: r.Contact.Email}}}
}

type practicePatchRequest struct {
	Title             *string             `json:"title" validate:"omitempty,notblank,max=200"`
	Summary           *string             `json:"summary" validate:"omitempty,max=1000"`
	Language          *string             `json:"language" validate:"omitempty,lang"`
	Country           *string             `json:"country" validate:"omitempty,country"`
	Themes            *[]string           `json:"themes" validate:"omitempty,max=30,unique,dive,key"`
	TargetGroups      *[]string           `json:"target_groups" validate:"omitempty,max=30,unique,dive,key"`
	Context           *string             `json:"context" validate:"omitempty,max=10000"`
	Approach          *string             `json:"approach" validate:"omitempty,max=10000"`
	Resources         *string             `json:"resources" validate:"omitempty,max=5000"`
	Scale             *scaleRequest       `json:"scale"`
	Evidence          *evidenceRequest    `json:"evidence"`
	Outcomes          *string             `json:"outcomes" validate:"omitempty,max=10000"`
	Transferability   *string             `json:"transferability" validate:"omitempty,max=10000"`
	LessonsLearned    *string             `json:"lessons_learned" validate:"omitempty,max=10000"`
	LearningQuestions *[]string           `json:"learning_questions" validate:"omitempty,max=10,dive,notblank,max=500"`
	Links             *[]linkRequest      `json:"links" validate:"omitempty,max=20,dive"`
	Contact           *contactRequest     `json:"contact"`
	Products          *[]productRequest   `json:"products" validate:"omitempty,max=20,dive"`
	CallID            Nullable[uuid.UUID] `json:"call_id"`
}

func (r practicePatchRequest) toPatch() service.PracticePatch {
	p := service.PracticePatch{Title: r.Title, Summary: r.Summary, Language: r.Language, Country: r.Country, Themes: r.Themes,
		TargetGroups: r.TargetGroups, Context: r.Context, Approach: r.Approach, Resources: r.Resources, Outcomes: r.Outcomes,
		Transferability: r.Transferability, LessonsLearned: r.LessonsLearned, LearningQuestions: r.LearningQuestions, CallID: r.CallID.patch()}
	if r.Scale != nil {
		v := r.Scale.toDomain()
		p.Scale = &v
	}
	if r.Evidence != nil {
		v := r.Evidence.toDomain()
		p.Evidence = &v
	}
	if r.Links != nil {
		v := toLinks(*r.Links)
		p.Links = &v
	}
	if r.Contact != nil {
		p.Contact = &domain.Contact{Name: r.Contact.Name, Email: r.Contact.Email}
	}
	if r.Products != nil {
		v := toProductInputs(*r.Products)
		p.Products = &v
	}
	return p
}

type productTranslationRequest struct {
	ID          uuid.UUID `json:"id" validate:"required"`
	Name        string    `json:"name,omitempty" validate:"max=200"`
	Description string    `json:"description,omitempty" validate:"max=5000"`
}

type translationRequest struct {
	Status            string                      `json:"status" validate:"required,oneof=machine verified"`
	Title             string                      `json:"title" validate:"required,notblank,max=200"`
	Summary           string                      `json:"summary,omitempty" validate:"max=1000"`
	Context           string                      `json:"context,omitempty" validate:"max=10000"`
	Approach          string                      `json:"approach,omitempty" validate:"max=10000"`
	Resources         string                      `json:"resources,omitempty" validate:"max=5000"`
	Outcomes          string                      `json:"outcomes,omitempty" validate:"max=10000"`
	Transferability   string                      `json:"transferability,omitempty" validate:"max=10000"`
	LessonsLearned    string                      `json:"lessons_learned,omitempty" validate:"max=10000"`
	LearningQuestions []string                    `json:"learning_questions,omitempty" validate:"max=10,dive,max=500"`
	Products          []productTranslationRequest `json:"products,omitempty" validate:"max=20,dive"`
}

func (r translationRequest) toDomain() domain.Translation {
	products := make([]domain.ProductTranslation, len(r.Products))
	for i, p := range r.Products {
		products[i] = domain.ProductTranslation{ID: p.ID, Name: p.Name, Description: p.Description}
	}
	return domain.Translation{Status: r.Status, Title: r.Title, Summary: r.Summary, Context: r.Context, Approach: r.Approach, Resources: r.Resources,
		Outcomes: r.Outcomes, Transferability: r.Transferability, LessonsLearned: r.LessonsLearned, LearningQuestions: lists.NonNil(r.LearningQuestions), Products: products}
}

type translationResponse struct {
	Language string `json:"language"`
	translationTextResponse
}

// translationTextResponse is a translation's text, shared by a practice's translations and
// the frozen ones of a revision.
type translationTextResponse struct {
	Status            string                       `json:"status"`
	Title             string                       `json:"title"`
	Summary           string                       `json:"summary"`
	Context           string                       `json:"context"`
	Approach          string                       `json:"approach"`
	Resources         string                       `json:"resources"`
	Outcomes          string                       `json:"outcomes"`
	Transferability   string                       `json:"transferability"`
	LessonsLearned    string                       `json:"lessons_learned"`
	LearningQuestions []string                     `json:"learning_questions"`
	Products          []productTranslationResponse `json:"products"`
	UpdatedAt         time.Time                    `json:"updated_at"`
}

// toTranslationTextResponse copies t as it is, nil lists and time zone included.
func toTranslationTextResponse(t domain.Translation) translationTextResponse {
	return translationTextResponse{Status: t.Status, Title: t.Title, Summary: t.Summary, Context: t.Context, Approach: t.Approach,
		Resources: t.Resources, Outcomes: t.Outcomes, Transferability: t.Transferability, LessonsLearned: t.LessonsLearned,
		LearningQuestions: t.LearningQuestions, Products: toProductTranslationResponses(t.Products), UpdatedAt: t.UpdatedAt}
}

type productTranslationResponse struct {
	ID          uuid.UUID `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
}

func toProductTranslationResponses(in []domain.ProductTranslation) []productTranslationResponse {
	return lists.Map(in, func(p domain.ProductTranslation) productTranslationResponse {
		return productTranslationResponse{ID: p.ID, Name: p.Name, Description: p.Description}
	})
}

// toTranslationResponse: a practice's translations have no null lists and times in UTC.
func toTranslationResponse(lang string, t domain.Translation) translationResponse {
	r := translationResponse{Language: lang, translationTextResponse: toTranslationTextResponse(t)}
	r.LearningQuestions = lists.NonNil(r.LearningQuestions)
	if r.Products == nil {
		r.Products = []productTranslationResponse{}
	}
	r.UpdatedAt = r.UpdatedAt.UTC()
	return r
}

type practiceResponse struct {
	ID            uuid.UUID       `json:"id"`
	ProgrammeID   uuid.UUID       `json:"programme_id"`
	ProgrammeName string          `json:"programme_name"`
	Organisation  organisationRef `json:"organisation"`
	practiceTextResponse
	CallID         *uuid.UUID                `json:"call_id"`
	Translations   []translationResponse     `json:"translations"`
	Status         domain.PracticeStatus     `json:"status"`
	Revision       int                       `json:"revision"`
	Decision       *practiceDecisionResponse `json:"decision"`
	Version        int                       `json:"version"`
	CreatedAt      time.Time                 `json:"created_at"`
	UpdatedAt      time.Time                 `json:"updated_at"`
	SubmittedAt    *time.Time                `json:"submitted_at"`
	PublishedAt    *time.Time                `json:"published_at"`
	AllowedActions []string                  `json:"allowed_actions"`
	// Missing is present (possibly empty) only for a caller who may submit the practice.
	Missing *[]string `json:"missing,omitempty"`
}

// languagesOf lists the languages of translations in order, never null.
func languagesOf(translations map[string]domain.Translation) []string {
	langs := make([]string, 0, len(translations))
	for l := range translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}

func toPracticeResponse(p domain.Practice, allowed []string) practiceResponse {
	langs := languagesOf(p.Translations)
	translations := make([]translationResponse, len(langs))
	for i, l := range langs {
		translations[i] = toTranslationResponse(l, p.Translations[l])
	}
	if allowed == nil {
		allowed = []string{}
	}
	return practiceResponse{ID: p.ID, ProgrammeID: p.ProgrammeID, ProgrammeName: p.ProgrammeName,
		Organisation:         organisationRef{ID: p.OrganisationID, Name: p.OrganisationName, Country: p.OrganisationCountry},
		practiceTextResponse: toPracticeTextResponse(p.PracticeText), CallID: p.CallID, Translations: translations,
		Status: p.Status, Revision: p.Revision, Decision: toPracticeDecisionResponse(p.Decision),
		Version: p.Version, CreatedAt: p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC(), SubmittedAt: p.SubmittedAt, PublishedAt: p.PublishedAt,
		AllowedActions: allowed}
}

// toPracticeViewResponse is the practice as its reader may act on it: what they may do and,
// for whoever may submit it, what submitting still needs.
func toPracticeViewResponse(v service.PracticeView) practiceResponse {
	r := toPracticeResponse(v.Practice, v.Allowed)
	if v.Missing != nil {
		missing := v.Missing
		r.Missing = &missing
	}
	return r
}

type practiceSummaryResponse struct {
	ID                    uuid.UUID             `json:"id"`
	ProgrammeID           uuid.UUID             `json:"programme_id"`
	ProgrammeName         string                `json:"programme_name"`
	Organisation          organisationRef       `json:"organisation"`
	Title                 string                `json:"title"`
	Summary               string                `json:"summary"`
	Language              string                `json:"language"`
	Country               string                `json:"country"`
	Themes                []string              `json:"themes"`
	TargetGroups          []string              `json:"target_groups"`
	Status                domain.PracticeStatus `json:"status"`
	EvidenceLevel         string                `json:"evidence_level"`
	TranslationsAvailable []string              `json:"translations_available"`
	ProductsCount         int                   `json:"products_count"`
	Rank                  float64               `json:"rank,omitempty"`
	Translation           *listedTranslation    `json:"translation,omitempty"`
	UpdatedAt             time.Time             `json:"updated_at"`
	PublishedAt           *time.Time            `json:"published_at"`
}

func toPracticeSummary(p domain.Practice) practiceSummaryResponse {
	l := domain.PracticeListing{EvidenceLevel: p.Content.Evidence.Level, TranslationLanguages: languagesOf(p.Translations), ProductsCount: len(p.Products)}
	if p.Listing != nil {
		l = *p.Listing
	}
	return practiceSummaryResponse{ID: p.ID, ProgrammeID: p.ProgrammeID, ProgrammeName: p.ProgrammeName,
		Organisation: organisationRef{ID: p.OrganisationID, Name: p.OrganisationName, Country: p.OrganisationCountry}, Title: p.Title, Summary: p.Summary,
		Language: p.Language, Country: p.Country, Themes: p.Themes, TargetGroups: p.TargetGroups, Status: p.Status,
		EvidenceLevel: l.EvidenceLevel, TranslationsAvailable: lists.NonNil(l.TranslationLanguages), ProductsCount: l.ProductsCount, Rank: p.Rank,
		Translation: toListedTranslation(l.Translation), UpdatedAt: p.UpdatedAt.UTC(), PublishedAt: p.PublishedAt}
}

// listedTranslation is a practice's head in the reader's language, with its marker.
type listedTranslation struct {
	Language string `json:"language"`
	Status   string `json:"status"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
}

func toListedTranslation(t *domain.ListedTranslation) *listedTranslation {
	if t == nil {
		return nil
	}
	return &listedTranslation{Language: t.Language, Status: t.Status, Title: t.Title, Summary: t.Summary}
}

type vocabularyResponse struct {
	Themes       []keyedResponse `json:"themes"`
	TargetGroups []keyedResponse `json:"target_groups"`
}

func toVocabularyResponse(v domain.Vocabulary) vocabularyResponse {
	return vocabularyResponse{Themes: nonNilKeyed(v.Themes), TargetGroups: nonNilKeyed(v.TargetGroups)}
}

type revisionSummaryResponse struct {
	Number    int       `json:"number"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy uuid.UUID `json:"created_by"`
}

type revisionResponse struct {
	Number    int              `json:"number"`
	CreatedAt time.Time        `json:"created_at"`
	Practice  snapshotResponse `json:"practice"`
	CompareTo *int             `json:"compare_to,omitempty"`
	Changes   []changeResponse `json:"changes,omitempty"`
}

func toRevisionResponse(r service.RevisionView) revisionResponse {
	out := revisionResponse{Number: r.Number, CreatedAt: r.CreatedAt.UTC(), Practice: toSnapshotResponse(r.Snapshot), CompareTo: r.CompareTo}
	if r.Previous != nil {
		out.Changes = compareSnapshots(toSnapshotResponse(*r.Previous), out.Practice)
	}
	return out
}

type commentRequest struct {
	Body     string     `json:"body" validate:"required,notblank,max=5000"`
	ParentID *uuid.UUID `json:"parent_id" nullable:"true"`
}

type commentUpdateRequest struct {
	Body string `json:"body" validate:"required,notblank,max=5000"`
}

type commentAuthor struct {
	ID           *uuid.UUID       `json:"id,omitempty"`
	Name         string           `json:"name"`
	Organisation *organisationRef `json:"organisation,omitempty"`
}

type commentResponse struct {
	ID          uuid.UUID     `json:"id"`
	SubjectType string        `json:"subject_type"`
	SubjectID   uuid.UUID     `json:"subject_id"`
	ParentID    *uuid.UUID    `json:"parent_id"`
	Body        string        `json:"body"`
	Author      commentAuthor `json:"author"`
	CreatedAt   time.Time     `json:"created_at"`
	EditedAt    *time.Time    `json:"edited_at"`
	Deleted     bool          `json:"deleted"`
	Version     int           `json:"version"`
	CanEdit     bool          `json:"can_edit"`
	CanDelete   bool          `json:"can_delete"`
}

func toCommentResponse(c service.CommentView) commentResponse {
	id := c.AuthorID
	author := commentAuthor{ID: &id, Name: c.AuthorName, Organisation: &organisationRef{ID: c.AuthorOrganisation, Name: c.AuthorOrgName, Country: c.AuthorOrgCountry}}
	if c.AnonymousAuthor {
		author = commentAuthor{Name: "Reviewer"}
	}
	return commentResponse{ID: c.ID, SubjectType: c.SubjectType, SubjectID: c.SubjectID, ParentID: c.ParentID, Body: c.Body,
		Author: author, CreatedAt: c.CreatedAt.UTC(), EditedAt: c.EditedAt, Deleted: c.Deleted(), Version: c.Version, CanEdit: c.CanEdit, CanDelete: c.CanDelete}
}

type scaleResponse struct {
	Participants *int `json:"participants"`
	Sites        *int `json:"sites"`
	SinceYear    *int `json:"since_year"`
}

func toScaleResponse(s domain.Scale) scaleResponse {
	return scaleResponse{Participants: s.Participants, Sites: s.Sites, SinceYear: s.SinceYear}
}

type evidenceResponse struct {
	Level       string   `json:"level"`
	Description string   `json:"description"`
	Indicators  []string `json:"indicators"`
}

func toEvidenceResponse(e domain.Evidence) evidenceResponse {
	return evidenceResponse{Level: e.Level, Description: e.Description, Indicators: e.Indicators}
}

type linkResponse struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

func toLinkResponses(in []domain.Link) []linkResponse {
	return lists.Map(in, func(l domain.Link) linkResponse { return linkResponse{Title: l.Title, URL: l.URL} })
}

type contactResponse struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

type productResponse struct {
	ID           uuid.UUID `json:"id"`
	Name         string    `json:"name"`
	Kind         string    `json:"kind"`
	Description  string    `json:"description"`
	CoreElements []string  `json:"core_elements"`
}

func toProductResponses(in []domain.Product) []productResponse {
	return lists.Map(in, func(p domain.Product) productResponse {
		return productResponse{ID: p.ID, Name: p.Name, Kind: p.Kind, Description: p.Description, CoreElements: p.CoreElements}
	})
}

type practiceDecisionResponse struct {
	Outcome   string    `json:"outcome"`
	Rationale string    `json:"rationale"`
	DecidedAt time.Time `json:"decided_at"`
	RoundID   uuid.UUID `json:"round_id"`
}

func toPracticeDecisionResponse(d *domain.Decision) *practiceDecisionResponse {
	if d == nil {
		return nil
	}
	return &practiceDecisionResponse{Outcome: d.Outcome, Rationale: d.Rationale, DecidedAt: d.DecidedAt, RoundID: d.RoundID}
}

// practiceTextResponse is the text of a practice, content sections beside the title, shared by
// a practice and a revision's frozen copy. Nil lists stay null.
type practiceTextResponse struct {
	Title             string            `json:"title"`
	Summary           string            `json:"summary"`
	Language          string            `json:"language"`
	Country           string            `json:"country"`
	Themes            []string          `json:"themes"`
	TargetGroups      []string          `json:"target_groups"`
	Context           string            `json:"context"`
	Approach          string            `json:"approach"`
	Resources         string            `json:"resources"`
	Scale             scaleResponse     `json:"scale"`
	Evidence          evidenceResponse  `json:"evidence"`
	Outcomes          string            `json:"outcomes"`
	Transferability   string            `json:"transferability"`
	LessonsLearned    string            `json:"lessons_learned"`
	LearningQuestions []string          `json:"learning_questions"`
	Links             []linkResponse    `json:"links"`
	Contact           contactResponse   `json:"contact"`
	Products          []productResponse `json:"products"`
}

func toPracticeTextResponse(t domain.PracticeText) practiceTextResponse {
	c := t.Content
	return practiceTextResponse{Title: t.Title, Summary: t.Summary, Language: t.Language, Country: t.Country, Themes: t.Themes, TargetGroups: t.TargetGroups,
		Context: c.Context, Approach: c.Approach, Resources: c.Resources, Scale: toScaleResponse(c.Scale), Evidence: toEvidenceResponse(c.Evidence),
		Outcomes: c.Outcomes, Transferability: c.Transferability, LessonsLearned: c.LessonsLearned, LearningQuestions: c.LearningQuestions,
		Links: toLinkResponses(c.Links), Contact: contactResponse(c.Contact), Products: toProductResponses(t.Products)}
}

// snapshotResponse is a revision's frozen text: the practice's fields as they were, with the
// content sections beside the title and translations keyed by language.
type snapshotResponse struct {
	practiceTextResponse
	Translations map[string]snapshotTranslationResponse `json:"translations"`
}

type snapshotTranslationResponse struct {
	translationTextResponse
	UpdatedBy uuid.UUID `json:"updated_by"`
}

// toSnapshotResponse keeps nil lists as null: a revision shows what was frozen, as it was.
func toSnapshotResponse(t domain.PracticeText) snapshotResponse {
	var translations map[string]snapshotTranslationResponse
	if t.Translations != nil {
		translations = make(map[string]snapshotTranslationResponse, len(t.Translations))
		for lang, tr := range t.Translations {
			translations[lang] = snapshotTranslationResponse{translationTextResponse: toTranslationTextResponse(tr), UpdatedBy: tr.UpdatedBy}
		}
	}
	return snapshotResponse{practiceTextResponse: toPracticeTextResponse(t), Translations: translations}
}
