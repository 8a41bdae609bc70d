package httpapi

import (
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

// recognitionResponse is the label of the decision that published a practice, with the round
// it was recorded in (null for a decision taken outside a round).
type recognitionResponse struct {
	Label     string                    `json:"label"`
	DecidedAt time.Time                 `json:"decided_at"`
	Round     *recognitionRoundResponse `json:"round"`
}

type recognitionRoundResponse struct {
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
}

func toRecognitionResponse(r *domain.Recognition) *recognitionResponse {
	if r == nil {
		return nil
	}
	out := &recognitionResponse{Label: r.Label, DecidedAt: r.DecidedAt.UTC()}
	if r.Round != nil {
		out.Round = &recognitionRoundResponse{ID: r.Round.ID, Name: r.Round.Name}
	}
	return out
}

// publicPracticeSummaryResponse is a practice in the public catalogue's list.
type publicPracticeSummaryResponse struct {
	practiceSummaryResponse
	Recognition *recognitionResponse `json:"recognition"`
}

func toPublicPracticeSummary(p domain.Practice) publicPracticeSummaryResponse {
	r := publicPracticeSummaryResponse{practiceSummaryResponse: toPracticeSummary(p)}
	if p.Listing != nil {
		r.Recognition = toRecognitionResponse(p.Listing.Recognition)
	}
	return r
}

// publicPracticeResponse is a practice as the public catalogue shows it. It leaves out what the
// catalogue never shows: the contact's e-mail address (contact_available says whether the
// contact form reaches someone), the decision's rationale and who took it, anything to do with
// reviews, and the call it answered.
type publicPracticeResponse struct {
	practiceResponse
	Recognition      *recognitionResponse `json:"recognition"`
	ContactAvailable bool                 `json:"contact_available"`
	// Translation is the practice in the reader's language (?lang=), when it has a translation
	// there and was not written in it.
	Translation *translationResponse `json:"translation,omitempty"`
}

func toPublicPracticeResponse(v service.PublicPracticeView, lang string) publicPracticeResponse {
	r := publicPracticeResponse{practiceResponse: toPracticeResponse(v.Practice, nil), Recognition: toRecognitionResponse(v.Recognition),
		ContactAvailable: v.ContactAvailable}
	r.Contact.Email = ""
	r.Decision = nil
	r.CallID = nil // calls are the programme's own business
	if t, ok := v.Translations[lang]; ok && lang != v.Language {
		tr := toTranslationResponse(lang, t)
		r.Translation = &tr
	}
	return r
}

// publicKeyedResponse is a theme or target group with its title in the reader's language
// (label: the title in ?lang= where it has one, else the original title).
type publicKeyedResponse struct {
	keyedResponse
	Label string `json:"label"`
}

func toPublicKeyed(ks []domain.Keyed, lang string) []publicKeyedResponse {
	return lists.NonNil(lists.Map(nonNilKeyed(ks), func(k keyedResponse) publicKeyedResponse {
		label := k.Title
		if t := strings.TrimSpace(k.Titles[lang]); t != "" {
			label = t
		}
		return publicKeyedResponse{keyedResponse: k, Label: label}
	}))
}

// publicProgrammeResponse is what the public catalogue shows of a programme: its description
// and the vocabularies its practices are filtered by. Members, dates and settings stay inside.
type publicProgrammeResponse struct {
	ID           uuid.UUID                        `json:"id"`
	Name         string                           `json:"name"`
	Description  string                           `json:"description"`
	Objective    string                           `json:"objective"`
	Languages    []string                         `json:"languages"`
	Translations map[string]programmeTextResponse `json:"translations"`
	Themes       []publicKeyedResponse            `json:"themes"`
	TargetGroups []publicKeyedResponse            `json:"target_groups"`
	// Translation is the programme's text in the reader's language, when it has one.
	Translation *publicProgrammeTextResponse `json:"translation,omitempty"`
}

type publicProgrammeTextResponse struct {
	Language string `json:"language"`
	programmeTextResponse
}

func toPublicProgrammeResponse(p domain.Programme, lang string) publicProgrammeResponse {
	texts := copyMap(p.Translations, func(t domain.ProgrammeText) programmeTextResponse { return programmeTextResponse(t) })
	if texts == nil {
		texts = map[string]programmeTextResponse{}
	}
	r := publicProgrammeResponse{ID: p.ID, Name: p.Name, Description: p.Description, Objective: p.Objective, Languages: lists.NonNil(p.Languages),
		Translations: texts, Themes: toPublicKeyed(p.Themes, lang), TargetGroups: toPublicKeyed(p.TargetGroups, lang)}
	if t, ok := texts[lang]; ok && strings.TrimSpace(t.Name) != "" {
		r.Translation = &publicProgrammeTextResponse{Language: lang, programmeTextResponse: t}
	}
	return r
}

// publicContactRequest is a visitor's message to a practice's contact. Website is a honeypot:
// the form hides it from people.
type publicContactRequest struct {
	Name    string `json:"name" validate:"required,notblank,max=100"`
	Email   string `json:"email" validate:"required,email,max=254"`
	Message string `json:"message" validate:"required,notblank,min=10,max=5000"`
	Website string `json:"website,omitempty" validate:"max=200"`
}

// checkRules refuses a name that could break out of a line (a header, in an e-mail).
func (r publicContactRequest) checkRules() []domain.FieldError {
	if strings.ContainsFunc(r.Name, func(c rune) bool { return unicode.IsControl(c) || c == '\u2028' || c == '\u2029' }) {
		return []domain.FieldError{{Field: "name", Code: domain.FieldInvalid, Message: "must be a single line without control characters"}}
	}
	return nil
}

func (r publicContactRequest) toInput() service.ContactInput {
	return service.ContactInput{Name: r.Name, Email: r.Email, Message: r.Message, Website: r.Website}
}
