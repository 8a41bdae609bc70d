package postgres

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type organisationRow struct {
	ID        uuid.UUID
	Name      string
	Country   string
	Kind      string
	City      string
	Website   string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (organisationRow) TableName() string { return "organisations" }

func organisationToRow(o domain.Organisation) organisationRow {
	return organisationRow{ID: o.ID, Name: o.Name, Country: o.Country, Kind: o.Kind, City: o.City, Website: o.Website, Version: o.Version, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
}

func (r organisationRow) toDomain() domain.Organisation {
	return domain.Organisation{ID: r.ID, Name: r.Name, Country: r.Country, Kind: r.Kind, City: r.City, Website: r.Website, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

type userRow struct {
	ID             uuid.UUID
	Email          string
	Name           string
	OrganisationID uuid.UUID
	PasswordHash   string
	Languages      JSON[[]string]
	Expertise      JSON[[]string]
	Locale         string
	IsAdmin        bool
	Disabled       bool
	ErasedAt       *time.Time
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (userRow) TableName() string { return "users" }

func userToRow(u domain.User) userRow {
	return userRow{ID: u.ID, Email: u.Email, Name: u.Name, OrganisationID: u.OrganisationID, PasswordHash: u.PasswordHash,
		Languages: List(u.Languages), Expertise: List(u.Expertise), Locale: localeOrDefault(u.Locale), IsAdmin: u.IsAdmin, Disabled: u.Disabled,
		Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

func (r userRow) toDomain() domain.User {
	return domain.User{ID: r.ID, Email: r.Email, Name: r.Name, OrganisationID: r.OrganisationID, PasswordHash: r.PasswordHash,
		Languages: lists.NonNil(r.Languages.V), Expertise: lists.NonNil(r.Expertise.V), Locale: localeOrDefault(r.Locale), IsAdmin: r.IsAdmin, Disabled: r.Disabled,
		ErasedAt: r.ErasedAt, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

type programmeRow struct {
	ID              uuid.UUID
	Name            string
	Description     string
	Objective       string
	Translations    JSON[map[string]programmeTextDoc]
	Themes          JSON[[]keyedDoc]
	TargetGroups    JSON[[]keyedDoc]
	Languages       JSON[[]string]
	PublicCatalogue bool
	StartsOn        *time.Time
	EndsOn          *time.Time
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	// MyRoles is read from a join with the caller's membership, never written.
	MyRoles JSON[[]domain.Role] `gorm:"->"`
}

func (programmeRow) TableName() string { return "programmes" }

func programmeToRow(p domain.Programme) programmeRow {
	return programmeRow{ID: p.ID, Name: p.Name, Description: p.Description, Objective: p.Objective,
		Translations: JSON[map[string]programmeTextDoc]{V: nonNilMap(mapValues(p.Translations, toProgrammeTextDoc))}, Themes: docList(p.Themes, toKeyedDoc),
		TargetGroups: docList(p.TargetGroups, toKeyedDoc), Languages: List(p.Languages), PublicCatalogue: p.PublicCatalogue,
		StartsOn: p.StartsOn, EndsOn: p.EndsOn, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func (r programmeRow) toDomain() domain.Programme {
	return domain.Programme{ID: r.ID, Name: r.Name, Description: r.Description, Objective: r.Objective,
		Translations: nonNilMap(mapValues(r.Translations.V, programmeTextDoc.toDomain)), Themes: lists.NonNil(lists.Map(r.Themes.V, keyedDoc.toDomain)),
		TargetGroups: lists.NonNil(lists.Map(r.TargetGroups.V, keyedDoc.toDomain)), Languages: lists.NonNil(r.Languages.V), PublicCatalogue: r.PublicCatalogue,
		StartsOn: dateOnly(r.StartsOn), EndsOn: dateOnly(r.EndsOn), Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		MyRoles: lists.NonNil(r.MyRoles.V)}
}

type membershipRow struct {
	ProgrammeID uuid.UUID
	UserID      uuid.UUID
	Roles       JSON[[]domain.Role]
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (membershipRow) TableName() string { return "memberships" }

func (r membershipRow) toDomain() domain.Membership {
	return domain.Membership{ProgrammeID: r.ProgrammeID, UserID: r.UserID, Roles: lists.NonNil(r.Roles.V), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

type invitationRow struct {
	ID             uuid.UUID
	TokenHash      []byte
	Email          string
	Name           string
	OrganisationID uuid.UUID
	ProgrammeID    uuid.UUID
	Roles          JSON[[]domain.Role]
	Locale         string
	InvitedBy      uuid.UUID
	CreatedAt      time.Time
	ExpiresAt      time.Time
	AcceptedAt     *time.Time
	AcceptedUserID *uuid.UUID
	// Read from joins for display, never written.
	ProgrammeName    string `gorm:"->"`
	OrganisationName string `gorm:"->"`
}

func (invitationRow) TableName() string { return "invitations" }

func (r invitationRow) toDomain() domain.Invitation {
	return domain.Invitation{ID: r.ID, Email: r.Email, Name: r.Name, OrganisationID: r.OrganisationID, ProgrammeID: r.ProgrammeID,
		Roles: lists.NonNil(r.Roles.V), Locale: localeOrDefault(r.Locale), InvitedBy: r.InvitedBy, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, AcceptedAt: r.AcceptedAt,
		ProgrammeName: r.ProgrammeName, OrganisationName: r.OrganisationName}
}

// localeOrDefault reads a locale column; rows read without it (a partial select) are English.
func localeOrDefault(l string) string {
	if l == "" {
		return domain.DefaultLocale
	}
	return l
}

// dateOnly drops the time zone a date column comes back with, so dates print as written.
func dateOnly(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return &d
}
