package domain

// Pagination bounds of SPEC §4: page sizes above MaxPageSize are capped, not refused.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageRequest is a validated page of a list and an allow-listed sort key ("name" or "-name").
type PageRequest struct {
	Page int
	Size int
	Sort string
}

// Offset is the number of rows before this page.
func (p PageRequest) Offset() int { return (p.Page - 1) * p.Size }

// Page is one page of a list with the total count for the same filters.
type Page[T any] struct {
	Items []T
	Page  int
	Size  int
	Total int64
}

// Sort allow-lists per list; the storage layer maps each key to an ORDER BY clause.
var (
	OrganisationSorts = []string{"name", "country", "created_at"}
	UserSorts         = []string{"name", "email", "created_at"}
	ProgrammeSorts    = []string{"name", "created_at", "starts_on"}
	MemberSorts       = []string{"name", "organisation", "country"}
)
