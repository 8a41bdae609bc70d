package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

type participantRequest struct {
	OrganisationID uuid.UUID `json:"organisation_id" validate:"required"`
	Role           string    `json:"role" validate:"required,oneof=host peer expert participant"`
	People         int       `json:"people" validate:"required,min=1,max=10000"`
}

type agendaItemRequest struct {
	At    time.Time `json:"at" validate:"required"`
	Title string    `json:"title" validate:"required,notblank,max=300"`
}

type followUpRequest struct {
	ID                  *uuid.UUID `json:"id"`
	Title               string     `json:"title" validate:"required,notblank,max=300"`
	OwnerOrganisationID uuid.UUID  `json:"owner_organisation_id" validate:"required"`
	DueOn               *string    `json:"due_on" nullable:"true" validate:"omitempty,datetime=2006-01-02"`
	Status              string     `json:"status,omitempty" validate:"omitempty,oneof=open done"`
}

func (r followUpRequest) toInput() service.FollowUpInput {
	return service.FollowUpInput{ID: r.ID, Title: r.Title, OwnerOrganisationID: r.OwnerOrganisationID, DueOn: parseDate(r.DueOn), Status: r.Status}
}

func participantsOf(in []participantRequest) []domain.ActivityParticipant {
	return lists.NonNil(lists.Map(in, func(p participantRequest) domain.ActivityParticipant {
		return domain.ActivityParticipant{OrganisationID: p.OrganisationID, Role: p.Role, People: p.People}
	}))
}

func agendaOf(in []agendaItemRequest) []domain.AgendaItem {
	return lists.NonNil(lists.Map(in, func(a agendaItemRequest) domain.AgendaItem { return domain.AgendaItem{At: a.At.UTC(), Title: a.Title} }))
}

func followUpsOf(in []followUpRequest) []service.FollowUpInput {
	return lists.NonNil(lists.Map(in, followUpRequest.toInput))
}

type activityRequest struct {
	Kind               string               `json:"kind" validate:"required,oneof=study_visit peer_review_meeting workshop webinar conference other"`
	Title              string               `json:"title" validate:"required,notblank,max=200"`
	Description        string               `json:"description,omitempty" validate:"max=10000"`
	HostOrganisationID uuid.UUID            `json:"host_organisation_id" validate:"required"`
	Country            string               `json:"country,omitempty" validate:"omitempty,country"`
	City               string               `json:"city,omitempty" validate:"max=120"`
	OnlineURL          string               `json:"online_url,omitempty" validate:"omitempty,max=500,http_url"`
	StartsAt           time.Time            `json:"starts_at" validate:"required"`
	EndsAt             time.Time            `json:"ends_at" validate:"required"`
	Status             string               `json:"status,omitempty" validate:"omitempty,oneof=planned held cancelled"`
	Minutes            string               `json:"minutes,omitempty" validate:"max=50000"`
	PracticeIDs        []uuid.UUID          `json:"practice_ids,omitempty" validate:"max=50,unique"`
	Participants       []participantRequest `json:"participants,omitempty" validate:"max=100,dive"`
	Agenda             []agendaItemRequest  `json:"agenda,omitempty" validate:"max=100,dive"`
	FollowUps          []followUpRequest    `json:"follow_ups,omitempty" validate:"max=100,dive"`
}

func (r activityRequest) toInput() service.ActivityInput {
	return service.ActivityInput{Kind: r.Kind, Title: r.Title, Description: r.Description, HostOrganisationID: r.HostOrganisationID,
		Country: r.Country, City: r.City, OnlineURL: r.OnlineURL, StartsAt: r.StartsAt, EndsAt: r.EndsAt, Status: r.Status, Minutes: r.Minutes,
		PracticeIDs: lists.NonNil(r.PracticeIDs), Participants: participantsOf(r.Participants), Agenda: agendaOf(r.Agenda), FollowUps: followUpsOf(r.FollowUps)}
}

type activityPatchRequest struct {
	Kind               *string               `json:"kind" validate:"omitempty,oneof=study_visit peer_review_meeting workshop webinar conference other"`
	Title              *string               `json:"title" validate:"omitempty,notblank,max=200"`
	Description        *string               `json:"description" validate:"omitempty,max=10000"`
	HostOrganisationID *uuid.UUID            `json:"host_organisation_id"`
	Country            *string               `json:"country" validate:"omitempty,country"`
	City               *string               `json:"city" validate:"omitempty,max=120"`
	OnlineURL          Nullable[string]      `json:"online_url"`
	StartsAt           *time.Time            `json:"starts_at"`
	EndsAt             *time.Time            `json:"ends_at"`
	Status             *string               `json:"status" validate:"omitempty,oneof=planned held cancelled"`
	Minutes            *string               `json:"minutes" validate:"omitempty,max=50000"`
	PracticeIDs        *[]uuid.UUID          `json:"practice_ids" validate:"omitempty,max=50,unique"`
	Participants       *[]participantRequest `json:"participants" validate:"omitempty,max=100,dive"`
	Agenda             *[]agendaItemRequest  `json:"agenda" validate:"omitempty,max=100,dive"`
	FollowUps          *[]followUpRequest    `json:"follow_ups" validate:"omitempty,max=100,dive"`
}

// checkRules holds an online address to the rules of the one on create (null clears it).
func (r *activityPatchRequest) checkRules() []domain.FieldError {
	if v := r.OnlineURL.Value; v != nil {
		if len(*v) > 500 {
			return []domain.FieldError{{Field: "online_url", Code: domain.FieldTooLong, Message: "must be at most 500 characters", Params: map[string]any{"max": 500}}}
		}
		if err := validate.Var(*v, "http_url"); err != nil {
			return []domain.FieldError{{Field: "online_url", Code: domain.FieldFormat, Message: "must be a web address", Params: map[string]any{"format": "url"}}}
		}
	}
	return nil
}

func (r activityPatchRequest) toPatch() service.ActivityPatch {
	p := service.ActivityPatch{Kind: r.Kind, Title: r.Title, Description: r.Description, HostOrganisationID: r.HostOrganisationID,
		Country: r.Country, City: r.City, StartsAt: r.StartsAt, EndsAt: r.EndsAt, Status: r.Status, Minutes: r.Minutes,
		PracticeIDs: r.PracticeIDs}
	if r.OnlineURL.Set {
		u := ""
		if r.OnlineURL.Value != nil {
			u = *r.OnlineURL.Value
		}
		p.OnlineURL = &u
	}
	if p.StartsAt != nil {
		t := p.StartsAt.UTC()
		p.StartsAt = &t
	}
	if p.EndsAt != nil {
		t := p.EndsAt.UTC()
		p.EndsAt = &t
	}
	if r.Participants != nil {
		ps := participantsOf(*r.Participants)
		p.Participants = &ps
	}
	if r.Agenda != nil {
		a := agendaOf(*r.Agenda)
		p.Agenda = &a
	}
	if r.FollowUps != nil {
		f := followUpsOf(*r.FollowUps)
		p.FollowUps = &f
	}
	return p
}

type followUpStatusRequest struct {
	Status string `json:"status" validate:"required,oneof=open done"`
}

type participantResponse struct {
	OrganisationID   uuid.UUID `json:"organisation_id"`
	OrganisationName string    `json:"organisation_name"`
	Country          string    `json:"country"`
	Role             string    `json:"role"`
	People           int       `json:"people"`
}

type agendaItemResponse struct {
	At    time.Time `json:"at"`
	Title string    `json:"title"`
}

type followUpResponse struct {
	ID                    uuid.UUID `json:"id"`
	Title                 string    `json:"title"`
	OwnerOrganisationID   uuid.UUID `json:"owner_organisation_id"`
	OwnerOrganisationName string    `json:"owner_organisation_name"`
	DueOn                 *string   `json:"due_on"`
	Status                string    `json:"status"`
	CanSetStatus          bool      `json:"can_set_status"`
}

type activityPracticeResponse struct {
	ID      uuid.UUID `json:"id"`
	Title   string    `json:"title"`
	Country string    `json:"country"`
}

type activityResponse struct {
	ID                   uuid.UUID                  `json:"id"`
	ProgrammeID          uuid.UUID                  `json:"programme_id"`
	Kind                 string                     `json:"kind"`
	Title                string                     `json:"title"`
	Description          string                     `json:"description"`
	HostOrganisationID   uuid.UUID                  `json:"host_organisation_id"`
	HostOrganisationName string                     `json:"host_organisation_name"`
	Country              *string                    `json:"country"`
	City                 string                     `json:"city"`
	OnlineURL            string                     `json:"online_url"`
	StartsAt             time.Time                  `json:"starts_at"`
	EndsAt               time.Time                  `json:"ends_at"`
	Status               string                     `json:"status"`
	Minutes              string                     `json:"minutes"`
	PracticeIDs          []uuid.UUID                `json:"practice_ids"`
	Practices            []activityPracticeResponse `json:"practices"`
	Participants         []participantResponse      `json:"participants"`
	Agenda               []agendaItemResponse       `json:"agenda"`
	FollowUps            []followUpResponse         `json:"follow_ups"`
	CanEdit              bool                       `json:"can_edit"`
	CanDelete            bool                       `json:"can_delete"`
	Version              int                        `json:"version"`
	CreatedAt            time.Time                  `json:"created_at"`
	UpdatedAt            time.Time                  `json:"updated_at"`
}

func toActivityResponse(v service.ActivityView) activityResponse {
	a := v.Activity
	out := activityResponse{ID: a.ID, ProgrammeID: a.ProgrammeID, Kind: a.Kind, Title: a.Title, Description: a.Description,
		HostOrganisationID: a.HostOrganisationID, HostOrganisationName: a.HostOrganisationName, City: a.City, OnlineURL: a.OnlineURL,
		StartsAt: a.StartsAt.UTC(), EndsAt: a.EndsAt.UTC(), Status: a.Status, Minutes: a.Minutes, PracticeIDs: lists.NonNil(a.PracticeIDs),
		CanEdit: v.CanEdit, CanDelete: v.CanDelete, Version: a.Version, CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC()}
	if a.Country != "" {
		c := a.Country
		out.Country = &c
	}
	out.Practices = lists.NonNil(lists.Map(a.Practices, func(p domain.ActivityPractice) activityPracticeResponse {
		return activityPracticeResponse{ID: p.ID, Title: p.Title, Country: p.Country}
	}))
	out.Participants = lists.NonNil(lists.Map(a.Participants, func(p domain.ActivityParticipant) participantResponse {
		return participantResponse{OrganisationID: p.OrganisationID, OrganisationName: p.OrganisationName, Country: p.Country, Role: p.Role, People: p.People}
	}))
	out.Agenda = lists.NonNil(lists.Map(a.Agenda, func(it domain.AgendaItem) agendaItemResponse {
		return agendaItemResponse{At: it.At.UTC(), Title: it.Title}
	}))
	out.FollowUps = lists.NonNil(lists.Map(a.FollowUps, func(f domain.FollowUp) followUpResponse {
		r := followUpResponse{ID: f.ID, Title: f.Title, OwnerOrganisationID: f.OwnerOrganisationID, OwnerOrganisationName: f.OwnerOrganisationName,
			Status: f.Status, CanSetStatus: v.CanSetFollowUp[f.ID]}
		if f.DueOn != nil {
			d := f.DueOn.Format(time.DateOnly)
			r.DueOn = &d
		}
		return r
	}))
	return out
}

// activitySummaryResponse is an activity in the programme's list: what the calendar shows, with
// the parts counted; GET /activities/{id} gives the parts.
type activitySummaryResponse struct {
	ID                       uuid.UUID `json:"id"`
	ProgrammeID              uuid.UUID `json:"programme_id"`
	Kind                     string    `json:"kind"`
	Title                    string    `json:"title"`
	HostOrganisationID       uuid.UUID `json:"host_organisation_id"`
	HostOrganisationName     string    `json:"host_organisation_name"`
	Country                  *string   `json:"country"`
	City                     string    `json:"city"`
	OnlineURL                string    `json:"online_url"`
	StartsAt                 time.Time `json:"starts_at"`
	EndsAt                   time.Time `json:"ends_at"`
	Status                   string    `json:"status"`
	ParticipantOrganisations int       `json:"participant_organisations"`
	People                   int       `json:"people"`
	PracticeCount            int       `json:"practice_count"`
	OpenFollowUps            int       `json:"open_follow_ups"`
	CanEdit                  bool      `json:"can_edit"`
	CanDelete                bool      `json:"can_delete"`
	Version                  int       `json:"version"`
	CreatedAt                time.Time `json:"created_at"`
	UpdatedAt                time.Time `json:"updated_at"`
}

func toActivitySummaryResponse(v service.ActivitySummaryView) activitySummaryResponse {
	a := v.ActivitySummary
	out := activitySummaryResponse{ID: a.ID, ProgrammeID: a.ProgrammeID, Kind: a.Kind, Title: a.Title, HostOrganisationID: a.HostOrganisationID,
		HostOrganisationName: a.HostOrganisationName, City: a.City, OnlineURL: a.OnlineURL, StartsAt: a.StartsAt.UTC(), EndsAt: a.EndsAt.UTC(),
		Status: a.Status, ParticipantOrganisations: a.ParticipantOrganisations, People: a.People, PracticeCount: a.PracticeCount,
		OpenFollowUps: a.OpenFollowUps, CanEdit: v.CanEdit, CanDelete: v.CanDelete, Version: a.Version, CreatedAt: a.CreatedAt.UTC(),
		UpdatedAt: a.UpdatedAt.UTC()}
	if a.Country != "" {
		c := a.Country
		out.Country = &c
	}
	return out
}

type calendarTokenResponse struct {
	Token     string    `json:"token"`
	URL       string    `json:"url"`
	CreatedAt time.Time `json:"created_at"`
}

// activityExport is an activity in export.json: as GET /activities/{id} answers it, without what
// the reader may do with it (an export is read away from the platform).
type activityExport struct {
	activityResponse
	CanEdit   *bool `json:"can_edit,omitempty"`
	CanDelete *bool `json:"can_delete,omitempty"`
}

func toActivityExport(a domain.Activity) activityExport {
	return activityExport{activityResponse: toActivityResponse(service.ActivityView{Activity: a})}
}
