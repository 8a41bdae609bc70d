package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

// learningProfileRequest is the body of PUT /programmes/{id}/learning-profile: the whole profile;
// a theme left out says nothing.
type learningProfileRequest struct {
	Themes []learningThemeRequest `json:"themes" validate:"required,max=100,dive"`
}

type learningThemeRequest struct {
	Key       string   `json:"key" validate:"required,key"`
	Offers    bool     `json:"offers,omitempty"`
	Wants     string   `json:"wants,omitempty" validate:"omitempty,oneof=none some high"`
	Questions []string `json:"questions,omitempty" validate:"max=5,unique,dive,notblank,min=3,max=300"`
}

func (r learningProfileRequest) toInput() []service.LearningThemeInput {
	out := make([]service.LearningThemeInput, len(r.Themes))
	for i, t := range r.Themes {
		out[i] = service.LearningThemeInput{Key: t.Key, Offers: t.Offers, Wants: domain.Want(t.Wants), Questions: lists.NonNil(t.Questions)}
	}
	return out
}

type learningThemeResponse struct {
	Key       string   `json:"key"`
	Offers    bool     `json:"offers"`
	Wants     string   `json:"wants"`
	Questions []string `json:"questions"`
}

type organisationRefResponse struct {
	ID      uuid.UUID `json:"id"`
	Name    string    `json:"name"`
	Country string    `json:"country"`
}

type learningProfileResponse struct {
	ProgrammeID  uuid.UUID               `json:"programme_id"`
	Organisation organisationRefResponse `json:"organisation"`
	Themes       []learningThemeResponse `json:"themes"`
	Version      int                     `json:"version"`
	UpdatedAt    *time.Time              `json:"updated_at"`
}

func toLearningProfileResponse(v service.LearningProfileView) learningProfileResponse {
	out := learningProfileResponse{ProgrammeID: v.ProgrammeID, Version: v.Version, Themes: make([]learningThemeResponse, len(v.Themes)),
		Organisation: organisationRefResponse{ID: v.Organisation.ID, Name: v.Organisation.Name, Country: v.Organisation.Country}}
	if v.UpdatedAt != nil {
		at := v.UpdatedAt.UTC()
		out.UpdatedAt = &at
	}
	for i, t := range v.Themes {
		out.Themes[i] = learningThemeResponse{Key: t.Key, Offers: t.Offers, Wants: string(t.Wants), Questions: lists.NonNil(t.Questions)}
	}
	return out
}

type reasonResponse struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params"`
}

func toReasonResponse(r domain.Reason) reasonResponse {
	params := r.Params
	if params == nil {
		params = map[string]string{}
	}
	return reasonResponse{Code: r.Code, Params: params}
}

type suggestedPracticeResponse struct {
	ID       uuid.UUID `json:"id"`
	Title    string    `json:"title"`
	Summary  string    `json:"summary"`
	Language string    `json:"language"`
	Themes   []string  `json:"themes"`
	Status   string    `json:"status"`
	Outcome  *string   `json:"outcome"`
}

type suggestionResponse struct {
	Kind         string                     `json:"kind"`
	Organisation organisationRefResponse    `json:"organisation"`
	Practice     *suggestedPracticeResponse `json:"practice,omitempty"`
	Offers       []string                   `json:"offers,omitempty"`
	Wants        []string                   `json:"wants,omitempty"`
	Reciprocal   bool                       `json:"reciprocal"`
	Score        int                        `json:"score"`
	Reasons      []reasonResponse           `json:"reasons"`
}

type matchesResponse struct {
	Organisation organisationRefResponse `json:"organisation"`
	Suggestions  []suggestionResponse    `json:"suggestions"`
}

func toMatchesResponse(m service.Matches) matchesResponse {
	out := matchesResponse{Organisation: organisationRefResponse{ID: m.Organisation.ID, Name: m.Organisation.Name, Country: m.Organisation.Country},
		Suggestions: make([]suggestionResponse, len(m.Suggestions))}
	for i, s := range m.Suggestions {
		r := suggestionResponse{Kind: s.Kind, Organisation: organisationRefResponse{ID: s.Organisation.ID, Name: s.Organisation.Name, Country: s.Organisation.Country},
			Reciprocal: s.Reciprocal, Score: s.Score, Reasons: lists.NonNil(lists.Map(s.Reasons, toReasonResponse))}
		if p := s.Practice; p != nil {
			sp := &suggestedPracticeResponse{ID: p.ID, Title: p.Title, Summary: p.Summary, Language: p.Language, Themes: lists.NonNil(p.Themes), Status: string(p.Status)}
			if p.Decision != nil {
				outcome := p.Decision.Outcome
				sp.Outcome = &outcome
			}
			r.Practice = sp
		} else {
			r.Offers, r.Wants = lists.NonNil(s.Offers), lists.NonNil(s.Wants)
		}
		out.Suggestions[i] = r
	}
	return out
}

type learningCellResponse struct {
	Theme     string `json:"theme"`
	Country   string `json:"country"`
	Offers    int    `json:"offers"`
	WantsSome int    `json:"wants_some"`
	WantsHigh int    `json:"wants_high"`
}

type countryPairResponse struct {
	Countries [2]string `json:"countries"`
	AOffersB  []string  `json:"a_offers_b"`
	BOffersA  []string  `json:"b_offers_a"`
	Themes    int       `json:"themes"`
}

type learningMapResponse struct {
	Themes    []string               `json:"themes"`
	Countries []string               `json:"countries"`
	Cells     []learningCellResponse `json:"cells"`
	Pairs     []countryPairResponse  `json:"pairs"`
}

func toLearningMapResponse(m domain.LearningMap, themes []domain.Keyed) learningMapResponse {
	out := learningMapResponse{Themes: lists.NonNil(lists.Map(themes, func(k domain.Keyed) string { return k.Key })), Countries: lists.NonNil(m.Countries),
		Cells: make([]learningCellResponse, len(m.Cells)), Pairs: make([]countryPairResponse, len(m.Pairs))}
	for i, c := range m.Cells {
		out.Cells[i] = learningCellResponse{Theme: c.Theme, Country: c.Country, Offers: c.Offers, WantsSome: c.WantsSome, WantsHigh: c.WantsHigh}
	}
	for i, p := range m.Pairs {
		out.Pairs[i] = countryPairResponse{Countries: [2]string{p.A, p.B}, AOffersB: lists.NonNil(p.AOffersB), BOffersA: lists.NonNil(p.BOffersA), Themes: p.Themes}
	}
	return out
}
