package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// bidRequest is the body of PUT /rounds/{id}/bids/{practice_id}. A bid is cleared with DELETE,
// never with a null level.
type bidRequest struct {
	Level string `json:"level" validate:"required,oneof=eager willing neutral reluctant conflict"`
}

type bidResponse struct {
	RoundID    uuid.UUID `json:"round_id"`
	PracticeID uuid.UUID `json:"practice_id"`
	Level      string    `json:"level"`
}

func toBidResponse(b domain.Bid) bidResponse {
	return bidResponse{RoundID: b.RoundID, PracticeID: b.PracticeID, Level: b.Level}
}

// biddingPracticeResponse is all a bidder sees of a practice: these fields and no others.
type biddingPracticeResponse struct {
	ID               uuid.UUID `json:"id"`
	Title            string    `json:"title"`
	Summary          string    `json:"summary"`
	Themes           []string  `json:"themes"`
	Country          string    `json:"country"`
	Language         string    `json:"language"`
	OrganisationName string    `json:"organisation_name"`
	Bid              *string   `json:"bid"`
}

func toBiddingPracticeResponse(p domain.BiddingPractice) biddingPracticeResponse {
	out := biddingPracticeResponse{ID: p.ID, Title: p.Title, Summary: p.Summary, Themes: lists.NonNil(p.Themes), Country: p.Country,
		Language: p.Language, OrganisationName: p.OrganisationName}
	if p.Bid != "" {
		level := p.Bid
		out.Bid = &level
	}
	return out
}

// biddingRoundResponse is what a reviewer sees of a round they can bid in.
type biddingRoundResponse struct {
	ID            uuid.UUID `json:"id"`
	ProgrammeID   uuid.UUID `json:"programme_id"`
	Name          string    `json:"name"`
	Status        string    `json:"status"`
	DueAt         time.Time `json:"due_at"`
	PracticeCount int       `json:"practice_count"`
}

func toBiddingRoundResponse(r domain.Round) biddingRoundResponse {
	return biddingRoundResponse{ID: r.ID, ProgrammeID: r.ProgrammeID, Name: r.Name, Status: r.Status, DueAt: r.DueAt.UTC(), PracticeCount: r.PracticeCount}
}

type bidCountsResponse struct {
	Items []bidCountsItem `json:"items"`
}

type bidCountsItem struct {
	PracticeID uuid.UUID `json:"practice_id"`
	Eager      int       `json:"eager"`
	Willing    int       `json:"willing"`
	Neutral    int       `json:"neutral"`
	Reluctant  int       `json:"reluctant"`
	Conflict   int       `json:"conflict"`
}

func toBidCountsResponse(cs []domain.BidCounts) bidCountsResponse {
	return bidCountsResponse{Items: lists.NonNil(lists.Map(cs, func(c domain.BidCounts) bidCountsItem {
		return bidCountsItem{PracticeID: c.PracticeID, Eager: c.Eager, Willing: c.Willing, Neutral: c.Neutral, Reluctant: c.Reluctant, Conflict: c.Conflict}
	}))}
}
