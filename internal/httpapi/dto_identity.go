package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

// Request types list exactly the fields a caller may set; everything else in a body is ignored.

type loginRequest struct {
	Email    string `json:"email" validate:"required,max=254"`
	Password string `json:"password" validate:"required,max=200"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token" validate:"required,max=200"`
}

type passwordChangeRequest struct {
	CurrentPassword string `json:"current_password" validate:"required,max=200"`
	NewPassword     string `json:"new_password" validate:"required,min=12,max=200"`
}

type meUpdateRequest struct {
	Name      *string   `json:"name" validate:"omitempty,notblank,max=200"`
	Languages *[]string `json:"languages" validate:"omitempty,max=20,unique,dive,lang"`
	Expertise *[]string `json:"expertise" validate:"omitempty,max=30,unique,dive,key"`
	Locale    *string   `json:"locale" validate:"omitempty,oneof=en nl fr de"`
}

func (r meUpdateRequest) toPatch() service.MePatch {
	return service.MePatch{Name: r.Name, Languages: r.Languages, Expertise: r.Expertise, Locale: r.Locale}
}

type organisationCreateRequest struct {
	Name    string `json:"name" validate:"required,notblank,max=200"`
	Country string `json:"country" validate:"required,country"`
	Kind    string `json:"kind" validate:"required,orgkind"`
	City    string `json:"city,omitempty" validate:"max=100"`
	Website string `json:"website,omitempty" validate:"omitempty,max=300,http_url"`
}

func (r organisationCreateRequest) toInput() service.OrganisationInput {
	return service.OrganisationInput{Name: r.Name, Country: r.Country, Kind: r.Kind, City: r.City, Website: r.Website}
}

type organisationUpdateRequest struct {
	Name    *string `json:"name" validate:"omitempty,notblank,max=200"`
	Country *string `json:"country" validate:"omitempty,country"`
	Kind    *string `json:"kind" validate:"omitempty,orgkind"`
	City    *string `json:"city" validate:"omitempty,max=100"`
	Website *string `json:"website" validate:"omitempty,max=300"`
}

func (r organisationUpdateRequest) toPatch() (service.OrganisationPatch, error) {
	if r.Website != nil && *r.Website != "" {
		if err := validate.Var(*r.Website, "http_url"); err != nil {
			return service.OrganisationPatch{}, domain.Invalid(domain.FieldError{Field: "website", Message: "must be an http(s) URL"})
		}
	}
	return service.OrganisationPatch{Name: r.Name, Country: r.Country, Kind: r.Kind, City: r.City, Website: r.Website}, nil
}

type userCreateRequest struct {
	Email          string    `json:"email" validate:"required,email,max=254"`
	Name           string    `json:"name" validate:"required,notblank,max=200"`
	OrganisationID uuid.UUID `json:"organisation_id" validate:"required"`
	Password       string    `json:"password" validate:"required,min=12,max=200"`
	Languages      []string  `json:"languages,omitempty" validate:"max=20,unique,dive,lang"`
	Expertise      []string  `json:"expertise,omitempty" validate:"max=30,unique,dive,key"`
	Locale         string    `json:"locale,omitempty" validate:"omitempty,oneof=en nl fr de"`
	IsAdmin        bool      `json:"is_admin,omitempty"`
}

func (r userCreateRequest) toInput() service.UserInput {
	return service.UserInput{Email: r.Email, Name: r.Name, OrganisationID: r.OrganisationID, Password: r.Password,
		Languages: lists.NonNil(r.Languages), Expertise: lists.NonNil(r.Expertise), Locale: r.Locale, IsAdmin: r.IsAdmin}
}

type userUpdateRequest struct {
	Name           *string    `json:"name" validate:"omitempty,notblank,max=200"`
	OrganisationID *uuid.UUID `json:"organisation_id"`
	Languages      *[]string  `json:"languages" validate:"omitempty,max=20,unique,dive,lang"`
	Expertise      *[]string  `json:"expertise" validate:"omitempty,max=30,unique,dive,key"`
	Locale         *string    `json:"locale" validate:"omitempty,oneof=en nl fr de"`
	IsAdmin        *bool      `json:"is_admin"`
	Disabled       *bool      `json:"disabled"`
}

func (r userUpdateRequest) toPatch() service.UserPatch {
	return service.UserPatch{Name: r.Name, OrganisationID: r.OrganisationID, Languages: r.Languages, Expertise: r.Expertise, Locale: r.Locale, IsAdmin: r.IsAdmin, Disabled: r.Disabled}
}

// Response types.

type organisationResponse struct {
	ID        uuid.UUID `json:"id"`
	Name      string    `json:"name"`
	Country   string    `json:"country"`
	Kind      string    `json:"kind"`
	City      string    `json:"city"`
	Website   string    `json:"website"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func toOrganisationResponse(o domain.Organisation) organisationResponse {
	return organisationResponse{ID: o.ID, Name: o.Name, Country: o.Country, Kind: o.Kind, City: o.City, Website: o.Website,
		Version: o.Version, CreatedAt: o.CreatedAt.UTC(), UpdatedAt: o.UpdatedAt.UTC()}
}

type organisationRef struct {
	ID      uuid.UUID `json:"id"`
	Name    string    `json:"name"`
	Country string    `json:"country"`
}

type userResponse struct {
	ID             uuid.UUID        `json:"id"`
	Email          string           `json:"email"`
	Name           string           `json:"name"`
	OrganisationID uuid.UUID        `json:"organisation_id"`
	Organisation   *organisationRef `json:"organisation,omitempty"`
	Languages      []string         `json:"languages"`
	Expertise      []string         `json:"expertise"`
	Locale         string           `json:"locale"`
	IsAdmin        bool             `json:"is_admin"`
	Disabled       bool             `json:"disabled"`
	ErasedAt       *time.Time       `json:"erased_at,omitempty"`
	Version        int              `json:"version"`
	CreatedAt      time.Time        `json:"created_at"`
	UpdatedAt      time.Time        `json:"updated_at"`
}

// toUserResponse never includes the password hash: the type has no field for it.
func toUserResponse(u domain.User) userResponse {
	return userResponse{ID: u.ID, Email: u.Email, Name: u.Name, OrganisationID: u.OrganisationID, Languages: lists.NonNil(u.Languages),
		Expertise: lists.NonNil(u.Expertise), Locale: u.Locale, IsAdmin: u.IsAdmin, Disabled: u.Disabled, ErasedAt: utcPtr(u.ErasedAt), Version: u.Version,
		CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.UpdatedAt.UTC()}
}

func withOrganisation(r userResponse, orgs map[uuid.UUID]domain.Organisation) userResponse {
	if o, ok := orgs[r.OrganisationID]; ok {
		r.Organisation = &organisationRef{ID: o.ID, Name: o.Name, Country: o.Country}
	}
	return r
}

type tokenResponse struct {
	AccessToken  string       `json:"access_token"`
	RefreshToken string       `json:"refresh_token"`
	TokenType    string       `json:"token_type"`
	ExpiresIn    int          `json:"expires_in"`
	User         userResponse `json:"user"`
}

func toTokenResponse(t service.Tokens) tokenResponse {
	return tokenResponse{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, TokenType: "Bearer", ExpiresIn: t.ExpiresIn, User: toUserResponse(t.User)}
}
