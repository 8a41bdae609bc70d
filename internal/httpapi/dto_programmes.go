package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

type keyedRequest struct {
	Key    string            `json:"key" validate:"required,key"`
	Title  string            `json:"title" validate:"required,notblank,max=200"`
	Titles map[string]string `json:"titles,omitempty" validate:"max=20,dive,keys,lang,endkeys,max=200"`
}

func toKeyed(in []keyedRequest) []domain.Keyed {
	out := make([]domain.Keyed, len(in))
	for i, k := range in {
		out[i] = domain.Keyed{Key: k.Key, Title: k.Title, Titles: copyMap(k.Titles, func(t string) string { return t })}
	}
	return out
}

// programmeTextRequest is a programme's texts in one language; a blank member is "not translated".
type programmeTextRequest struct {
	Name        string `json:"name,omitempty" validate:"max=200"`
	Description string `json:"description,omitempty" validate:"max=5000"`
	Objective   string `json:"objective,omitempty" validate:"max=2000"`
}

func toProgrammeTexts(in map[string]programmeTextRequest) map[string]domain.ProgrammeText {
	return copyMap(in, func(t programmeTextRequest) domain.ProgrammeText { return domain.ProgrammeText(t) })
}

// copyMap converts a map's values; a nil map stays nil (absent in a PATCH).
func copyMap[A, B any](in map[string]A, f func(A) B) map[string]B {
	if in == nil {
		return nil
	}
	out := make(map[string]B, len(in))
	for k, v := range in {
		out[k] = f(v)
	}
	return out
}

type programmeCreateRequest struct {
	Name            string                          `json:"name" validate:"required,notblank,max=200"`
	Description     string                          `json:"description,omitempty" validate:"max=5000"`
	Objective       string                          `json:"objective,omitempty" validate:"max=2000"`
	Translations    map[string]programmeTextRequest `json:"translations,omitempty" validate:"max=20,dive,keys,lang,endkeys"`
	Themes          []keyedRequest                  `json:"themes,omitempty" validate:"max=30,dive"`
	TargetGroups    []keyedRequest                  `json:"target_groups,omitempty" validate:"max=30,dive"`
	Languages       []string                        `json:"languages,omitempty" validate:"max=20,unique,dive,lang"`
	PublicCatalogue bool                            `json:"public_catalogue,omitempty"`
	StartsOn        *string                         `json:"starts_on" nullable:"true" validate:"omitempty,datetime=2006-01-02"`
	EndsOn          *string                         `json:"ends_on" nullable:"true" validate:"omitempty,datetime=2006-01-02"`
}

func (r programmeCreateRequest) toInput() service.ProgrammeInput {
	return service.ProgrammeInput{Name: r.Name, Description: r.Description, Objective: r.Objective, Translations: toProgrammeTexts(r.Translations), Themes: toKeyed(r.Themes),
		TargetGroups: toKeyed(r.TargetGroups), Languages: lists.NonNil(r.Languages), PublicCatalogue: r.PublicCatalogue,
		StartsOn: parseDate(r.StartsOn), EndsOn: parseDate(r.EndsOn)}
}

type programmeUpdateRequest struct {
	Name            *string                          `json:"name" validate:"omitempty,notblank,max=200"`
	Description     *string                          `json:"description" validate:"omitempty,max=5000"`
	Objective       *string                          `json:"objective" validate:"omitempty,max=2000"`
	Translations    *map[string]programmeTextRequest `json:"translations" validate:"omitempty,max=20,dive,keys,lang,endkeys"`
	Themes          *[]keyedRequest                  `json:"themes" validate:"omitempty,max=30,dive"`
	TargetGroups    *[]keyedRequest                  `json:"target_groups" validate:"omitempty,max=30,dive"`
	Languages       *[]string                        `json:"languages" validate:"omitempty,max=20,unique,dive,lang"`
	PublicCatalogue *bool                            `json:"public_catalogue"`
	StartsOn        Nullable[string]                 `json:"starts_on"`
	EndsOn          Nullable[string]                 `json:"ends_on"`
}

func (r programmeUpdateRequest) toPatch() (service.ProgrammePatch, error) {
	p := service.ProgrammePatch{Name: r.Name, Description: r.Description, Objective: r.Objective, Languages: r.Languages, PublicCatalogue: r.PublicCatalogue}
	if r.Translations != nil {
		t := toProgrammeTexts(*r.Translations)
		if t == nil {
			t = map[string]domain.ProgrammeText{}
		}
		p.Translations = &t
	}
	if r.Themes != nil {
		t := toKeyed(*r.Themes)
		p.Themes = &t
	}
	if r.TargetGroups != nil {
		t := toKeyed(*r.TargetGroups)
		p.TargetGroups = &t
	}
	var err error
	if p.StartsOn, err = nullableDate("starts_on", r.StartsOn); err != nil {
		return p, err
	}
	if p.EndsOn, err = nullableDate("ends_on", r.EndsOn); err != nil {
		return p, err
	}
	return p, nil
}

type programmeResponse struct {
	ID              uuid.UUID                        `json:"id"`
	Name            string                           `json:"name"`
	Description     string                           `json:"description"`
	Objective       string                           `json:"objective"`
	Translations    map[string]programmeTextResponse `json:"translations"`
	Themes          []keyedResponse                  `json:"themes"`
	TargetGroups    []keyedResponse                  `json:"target_groups"`
	Languages       []string                         `json:"languages"`
	PublicCatalogue bool                             `json:"public_catalogue"`
	StartsOn        *string                          `json:"starts_on"`
	EndsOn          *string                          `json:"ends_on"`
	Version         int                              `json:"version"`
	CreatedAt       time.Time                        `json:"created_at"`
	UpdatedAt       time.Time                        `json:"updated_at"`
	MyRoles         []domain.Role                    `json:"my_roles"`
}

func toProgrammeResponse(p domain.Programme) programmeResponse {
	roles := p.MyRoles
	if roles == nil {
		roles = []domain.Role{}
	}
	texts := copyMap(p.Translations, func(t domain.ProgrammeText) programmeTextResponse { return programmeTextResponse(t) })
	if texts == nil {
		texts = map[string]programmeTextResponse{}
	}
	return programmeResponse{ID: p.ID, Name: p.Name, Description: p.Description, Objective: p.Objective, Translations: texts, Themes: nonNilKeyed(p.Themes),
		TargetGroups: nonNilKeyed(p.TargetGroups), Languages: lists.NonNil(p.Languages), PublicCatalogue: p.PublicCatalogue,
		StartsOn: formatDate(p.StartsOn), EndsOn: formatDate(p.EndsOn), Version: p.Version, CreatedAt: p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC(), MyRoles: roles}
}

type membershipPutRequest struct {
	Roles []string `json:"roles" validate:"required,min=1,max=3,unique,dive,role"`
}

func (r membershipPutRequest) toRoles() []domain.Role {
	out := make([]domain.Role, len(r.Roles))
	for i, x := range r.Roles {
		out[i] = domain.Role(x)
	}
	return out
}

type memberResponse struct {
	UserID       uuid.UUID       `json:"user_id"`
	Name         string          `json:"name"`
	Email        string          `json:"email,omitempty"`
	Organisation organisationRef `json:"organisation"`
	Roles        []domain.Role   `json:"roles"`
	CreatedAt    time.Time       `json:"created_at"`
}

func toMemberResponse(m domain.Member, showEmail bool) memberResponse {
	r := memberResponse{UserID: m.UserID, Name: m.Name, Organisation: organisationRef{ID: m.OrganisationID, Name: m.OrganisationName, Country: m.OrganisationCountry},
		Roles: m.Roles, CreatedAt: m.CreatedAt.UTC()}
	if showEmail {
		r.Email = m.Email
	}
	return r
}

type invitationCreateRequest struct {
	Email          string    `json:"email" validate:"required,email,max=254"`
	Name           string    `json:"name,omitempty" validate:"max=200"`
	OrganisationID uuid.UUID `json:"organisation_id" validate:"required"`
	ProgrammeID    uuid.UUID `json:"programme_id" validate:"required"`
	Roles          []string  `json:"roles" validate:"required,min=1,max=3,unique,dive,role"`
	Locale         string    `json:"locale,omitempty" validate:"omitempty,oneof=en nl fr de"`
}

func (r invitationCreateRequest) toInput() service.InvitationInput {
	return service.InvitationInput{Email: r.Email, Name: r.Name, OrganisationID: r.OrganisationID, ProgrammeID: r.ProgrammeID,
		Roles: membershipPutRequest{Roles: r.Roles}.toRoles(), Locale: r.Locale}
}

type invitationResponse struct {
	ID             uuid.UUID     `json:"id"`
	Email          string        `json:"email"`
	Name           string        `json:"name"`
	OrganisationID uuid.UUID     `json:"organisation_id"`
	ProgrammeID    uuid.UUID     `json:"programme_id"`
	Roles          []domain.Role `json:"roles"`
	Locale         string        `json:"locale"`
	CreatedAt      time.Time     `json:"created_at"`
	ExpiresAt      time.Time     `json:"expires_at"`
	AcceptedAt     *time.Time    `json:"accepted_at"`
	Status         string        `json:"status"`
	InviteURL      string        `json:"invite_url,omitempty"`
}

func toInvitationResponse(inv domain.Invitation, now time.Time) invitationResponse {
	return invitationResponse{ID: inv.ID, Email: inv.Email, Name: inv.Name, OrganisationID: inv.OrganisationID, ProgrammeID: inv.ProgrammeID,
		Roles: inv.Roles, Locale: inv.Locale, CreatedAt: inv.CreatedAt.UTC(), ExpiresAt: inv.ExpiresAt.UTC(), AcceptedAt: inv.AcceptedAt, Status: inv.Status(now)}
}

type invitationPreviewResponse struct {
	Email            string        `json:"email"`
	Name             string        `json:"name"`
	ProgrammeName    string        `json:"programme_name"`
	OrganisationName string        `json:"organisation_name"`
	Roles            []domain.Role `json:"roles"`
	Locale           string        `json:"locale"`
	ExpiresAt        time.Time     `json:"expires_at"`
	ExistingAccount  bool          `json:"existing_account"`
}

type acceptInvitationRequest struct {
	Name     string `json:"name,omitempty" validate:"max=200"`
	Password string `json:"password" validate:"required,max=200"`
}

type keyedResponse struct {
	Key    string            `json:"key"`
	Title  string            `json:"title"`
	Titles map[string]string `json:"titles"`
}

// programmeTextResponse always carries all three members; an empty one is not translated.
type programmeTextResponse struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Objective   string `json:"objective"`
}

func nonNilKeyed(v []domain.Keyed) []keyedResponse {
	return lists.NonNil(lists.Map(v, func(k domain.Keyed) keyedResponse {
		titles := copyMap(k.Titles, func(t string) string { return t })
		if titles == nil {
			titles = map[string]string{}
		}
		return keyedResponse{Key: k.Key, Title: k.Title, Titles: titles}
	}))
}

func formatDate(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}
