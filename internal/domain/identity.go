package domain

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// OrganisationKinds is the closed vocabulary of organisation kinds.
var OrganisationKinds = []string{"social_profit", "employer", "public_agency", "university", "health_care", "insurer", "ngo", "other"}

// Organisation is a partner organisation; every user belongs to exactly one.
type Organisation struct {
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

// User is an account. PasswordHash never leaves the service layer.
type User struct {
	ID             uuid.UUID
	Email          string
	Name           string
	OrganisationID uuid.UUID
	Languages      []string
	Expertise      []string
	// Locale is the language of the person's e-mails, exports and server-written text.
	Locale       string
	IsAdmin      bool
	Disabled     bool
	PasswordHash string
	// ErasedAt is when the person's data was erased (SPEC §7.7); the account then carries a
	// pseudonym and cannot sign in.
	ErasedAt  *time.Time
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Actor is the authenticated caller, read from the database on every request.
type Actor struct {
	UserID         uuid.UUID
	SessionID      uuid.UUID
	OrganisationID uuid.UUID
	Country        string
	Name           string
	Email          string
	IsAdmin        bool
}

// Anonymous reports whether no one is signed in.
func (a *Actor) Anonymous() bool { return a == nil || a.UserID == uuid.Nil }

// Locales are the interface languages; a user's and an invitation's locale is one of them.
var Locales = []string{"en", "nl", "fr", "de"}

// DefaultLocale is the locale of an account nobody chose one for.
const DefaultLocale = "en"

// ValidLocale says whether l is one of the Locales.
func ValidLocale(l string) bool { return slices.Contains(Locales, l) }
