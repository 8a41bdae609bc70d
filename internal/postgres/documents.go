package postgres

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// The types in this file are the JSON documents stored in jsonb columns. Their member names are
// fixed by the rows already in the database, not by the domain or the API: renaming a field of
// either must leave these alone, so every document has its own type and a converter each way.
// Where a document has exactly the domain type's fields, the converter is a type conversion
// (struct tags do not count): it stops compiling, rather than dropping a member, the day the two
// differ, and then it is written out field by field.

// docList stores a list of documents as a jsonb array, never null.
func docList[A, B any](in []A, f func(A) B) JSON[[]B] { return List(lists.Map(in, f)) }

type practiceContentDoc struct {
	Context           string      `json:"context"`
	Approach          string      `json:"approach"`
	Resources         string      `json:"resources"`
	Scale             scaleDoc    `json:"scale"`
	Evidence          evidenceDoc `json:"evidence"`
	Outcomes          string      `json:"outcomes"`
	Transferability   string      `json:"transferability"`
	LessonsLearned    string      `json:"lessons_learned"`
	LearningQuestions []string    `json:"learning_questions"`
	Links             []linkDoc   `json:"links"`
	Contact           contactDoc  `json:"contact"`
}

type scaleDoc struct {
	Participants *int `json:"participants"`
	Sites        *int `json:"sites"`
	SinceYear    *int `json:"since_year"`
}

type evidenceDoc struct {
	Level       string   `json:"level"`
	Description string   `json:"description"`
	Indicators  []string `json:"indicators"`
}

type linkDoc struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

type contactDoc struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

func toContentDoc(c domain.PracticeContent) practiceContentDoc {
	return practiceContentDoc{Context: c.Context, Approach: c.Approach, Resources: c.Resources,
		Scale: scaleDoc(c.Scale), Evidence: evidenceDoc(c.Evidence),
		Outcomes: c.Outcomes, Transferability: c.Transferability, LessonsLearned: c.LessonsLearned, LearningQuestions: c.LearningQuestions,
		Links: lists.Map(c.Links, func(l domain.Link) linkDoc { return linkDoc(l) }), Contact: contactDoc(c.Contact)}
}

func (d practiceContentDoc) toDomain() domain.PracticeContent {
	return domain.PracticeContent{Context: d.Context, Approach: d.Approach, Resources: d.Resources,
		Scale: domain.Scale(d.Scale), Evidence: domain.Evidence(d.Evidence),
		Outcomes: d.Outcomes, Transferability: d.Transferability, LessonsLearned: d.LessonsLearned, LearningQuestions: d.LearningQuestions,
		Links: lists.Map(d.Links, func(l linkDoc) domain.Link { return domain.Link(l) }), Contact: domain.Contact(d.Contact)}
}

type productDoc struct {
	ID           uuid.UUID `json:"id"`
	Name         string    `json:"name"`
	Kind         string    `json:"kind"`
	Description  string    `json:"description"`
	CoreElements []string  `json:"core_elements"`
}

func toProductDoc(p domain.Product) productDoc { return productDoc(p) }

func (d productDoc) toDomain() domain.Product { return domain.Product(d) }

type translationDoc struct {
	Status            string                  `json:"status"`
	Title             string                  `json:"title"`
	Summary           string                  `json:"summary"`
	Context           string                  `json:"context"`
	Approach          string                  `json:"approach"`
	Resources         string                  `json:"resources"`
	Outcomes          string                  `json:"outcomes"`
	Transferability   string                  `json:"transferability"`
	LessonsLearned    string                  `json:"lessons_learned"`
	LearningQuestions []string                `json:"learning_questions"`
	Products          []productTranslationDoc `json:"products"`
	UpdatedAt         time.Time               `json:"updated_at"`
	UpdatedBy         uuid.UUID               `json:"updated_by"`
}

type productTranslationDoc struct {
	ID          uuid.UUID `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
}

func toTranslationDoc(t domain.Translation) translationDoc {
	return translationDoc{Status: t.Status, Title: t.Title, Summary: t.Summary, Context: t.Context, Approach: t.Approach, Resources: t.Resources,
		Outcomes: t.Outcomes, Transferability: t.Transferability, LessonsLearned: t.LessonsLearned, LearningQuestions: t.LearningQuestions,
		Products:  lists.Map(t.Products, func(p domain.ProductTranslation) productTranslationDoc { return productTranslationDoc(p) }),
		UpdatedAt: t.UpdatedAt, UpdatedBy: t.UpdatedBy}
}

func (d translationDoc) toDomain() domain.Translation {
	return domain.Translation{Status: d.Status, Title: d.Title, Summary: d.Summary, Context: d.Context, Approach: d.Approach, Resources: d.Resources,
		Outcomes: d.Outcomes, Transferability: d.Transferability, LessonsLearned: d.LessonsLearned, LearningQuestions: d.LearningQuestions,
		Products:  lists.Map(d.Products, func(p productTranslationDoc) domain.ProductTranslation { return domain.ProductTranslation(p) }),
		UpdatedAt: d.UpdatedAt, UpdatedBy: d.UpdatedBy}
}

func toTranslationDocs(in map[string]domain.Translation) map[string]translationDoc {
	if in == nil {
		return nil
	}
	out := make(map[string]translationDoc, len(in))
	for k, t := range in {
		out[k] = toTranslationDoc(t)
	}
	return out
}

func translationsFromDocs(in map[string]translationDoc) map[string]domain.Translation {
	if in == nil {
		return nil
	}
	out := make(map[string]domain.Translation, len(in))
	for k, t := range in {
		out[k] = t.toDomain()
	}
	return out
}

type decisionDoc struct {
	Outcome   string    `json:"outcome"`
	Rationale string    `json:"rationale"`
	DecidedAt time.Time `json:"decided_at"`
	RoundID   uuid.UUID `json:"round_id"`
}

func toDecisionDoc(d domain.Decision) decisionDoc { return decisionDoc(d) }

func (d decisionDoc) toDomain() domain.Decision { return domain.Decision(d) }

// snapshotDoc is a revision's frozen text. Rows written since revisions exist have exactly these
// members, with the content sections at the top level beside the title.
type snapshotDoc struct {
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	Language     string   `json:"language"`
	Country      string   `json:"country"`
	Themes       []string `json:"themes"`
	TargetGroups []string `json:"target_groups"`
	practiceContentDoc
	Products     []productDoc              `json:"products"`
	Translations map[string]translationDoc `json:"translations"`
}

func toSnapshotDoc(t domain.PracticeText) snapshotDoc {
	return snapshotDoc{Title: t.Title, Summary: t.Summary, Language: t.Language, Country: t.Country, Themes: t.Themes, TargetGroups: t.TargetGroups,
		practiceContentDoc: toContentDoc(t.Content), Products: lists.Map(t.Products, toProductDoc), Translations: toTranslationDocs(t.Translations)}
}

func (d snapshotDoc) toDomain() domain.PracticeText {
	return domain.PracticeText{Title: d.Title, Summary: d.Summary, Language: d.Language, Country: d.Country, Themes: d.Themes, TargetGroups: d.TargetGroups,
		Content: d.practiceContentDoc.toDomain(), Products: lists.Map(d.Products, productDoc.toDomain), Translations: translationsFromDocs(d.Translations)}
}

type criterionDoc struct {
	Key         string     `json:"key"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Tier        string     `json:"tier"`
	Weight      float64    `json:"weight"`
	Scale       rangeDoc   `json:"scale"`
	Levels      []levelDoc `json:"levels"`
	AllowNA     bool       `json:"allow_na"`
	// Translations is left out while empty, so that rubrics without any read as before.
	Translations map[string]criterionTextDoc `json:"translations,omitempty"`
}

type criterionTextDoc struct {
	Title       string     `json:"title,omitempty"`
	Description string     `json:"description,omitempty"`
	Levels      []levelDoc `json:"levels,omitempty"`
}

func toCriterionTextDoc(t domain.CriterionText) criterionTextDoc {
	return criterionTextDoc{Title: t.Title, Description: t.Description, Levels: lists.Map(t.Levels, func(l domain.Level) levelDoc { return levelDoc(l) })}
}

func (d criterionTextDoc) toDomain() domain.CriterionText {
	return domain.CriterionText{Title: d.Title, Description: d.Description, Levels: lists.Map(d.Levels, func(l levelDoc) domain.Level { return domain.Level(l) })}
}

// mapValues converts the values of a map, keeping nil as nil.
func mapValues[K comparable, A, B any](in map[K]A, f func(A) B) map[K]B {
	if in == nil {
		return nil
	}
	out := make(map[K]B, len(in))
	for k, v := range in {
		out[k] = f(v)
	}
	return out
}

type rangeDoc struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

type levelDoc struct {
	Value      int    `json:"value"`
	Label      string `json:"label"`
	Descriptor string `json:"descriptor"`
}

func toCriterionDoc(c domain.Criterion) criterionDoc {
	return criterionDoc{Key: c.Key, Title: c.Title, Description: c.Description, Tier: c.Tier, Weight: c.Weight,
		Scale: rangeDoc(c.Scale), Levels: lists.Map(c.Levels, func(l domain.Level) levelDoc { return levelDoc(l) }),
		AllowNA: c.AllowNA, Translations: mapValues(c.Translations, toCriterionTextDoc)}
}

func (d criterionDoc) toDomain() domain.Criterion {
	return domain.Criterion{Key: d.Key, Title: d.Title, Description: d.Description, Tier: d.Tier, Weight: d.Weight,
		Scale: domain.Range(d.Scale), Levels: lists.Map(d.Levels, func(l levelDoc) domain.Level { return domain.Level(l) }),
		AllowNA: d.AllowNA, Translations: nonNilMap(mapValues(d.Translations, criterionTextDoc.toDomain))}
}

type scoreDoc struct {
	CriterionKey string   `json:"criterion_key"`
	Value        *float64 `json:"value"`
	Comment      string   `json:"comment"`
}

func toScoreDoc(s domain.Score) scoreDoc { return scoreDoc(s) }

func (d scoreDoc) toDomain() domain.Score { return domain.Score(d) }

type transferabilityDoc struct {
	Rating     *int   `json:"rating"`
	Conditions string `json:"conditions"`
}

func toTransferabilityDoc(t domain.Transferability) transferabilityDoc {
	return transferabilityDoc(t)
}

func (d transferabilityDoc) toDomain() domain.Transferability { return domain.Transferability(d) }

type answerDoc struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

func toAnswerDoc(a domain.Answer) answerDoc { return answerDoc(a) }

func (d answerDoc) toDomain() domain.Answer { return domain.Answer(d) }

type frameDoc struct {
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

func toFrameDoc(f domain.Frame) frameDoc { return frameDoc(f) }

func (d frameDoc) toDomain() domain.Frame { return domain.Frame(d) }

type keyedDoc struct {
	Key    string            `json:"key"`
	Title  string            `json:"title"`
	Titles map[string]string `json:"titles,omitempty"`
}

func toKeyedDoc(k domain.Keyed) keyedDoc { return keyedDoc(k) }

func (d keyedDoc) toDomain() domain.Keyed {
	d.Titles = nonNilMap(d.Titles)
	return domain.Keyed(d)
}

type programmeTextDoc struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	Objective   string `json:"objective,omitempty"`
}

func toProgrammeTextDoc(t domain.ProgrammeText) programmeTextDoc { return programmeTextDoc(t) }

func (d programmeTextDoc) toDomain() domain.ProgrammeText { return domain.ProgrammeText(d) }

func nonNilMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return m
}

// Document encodes a domain value exactly as the store writes it into its jsonb column, for
// tools that write rows in bulk (the benchmark data set) rather than through the store.
func Document(v any) ([]byte, error) {
	switch x := v.(type) {
	case domain.PracticeContent:
		return json.Marshal(toContentDoc(x))
	case []domain.Product:
		return json.Marshal(docList(x, toProductDoc).V)
	case map[string]domain.Translation:
		return json.Marshal(toTranslationDocs(x))
	case domain.Decision:
		return json.Marshal(toDecisionDoc(x))
	case domain.PracticeText:
		return json.Marshal(toSnapshotDoc(x))
	case []domain.Criterion:
		return json.Marshal(docList(x, toCriterionDoc).V)
	case []domain.Score:
		return json.Marshal(docList(x, toScoreDoc).V)
	case domain.Transferability:
		return json.Marshal(toTransferabilityDoc(x))
	case []domain.Answer:
		return json.Marshal(docList(x, toAnswerDoc).V)
	case domain.Frame:
		return json.Marshal(toFrameDoc(x))
	case []domain.Keyed:
		return json.Marshal(docList(x, toKeyedDoc).V)
	}
	return nil, fmt.Errorf("postgres.Document: %T is not a stored document", v)
}
