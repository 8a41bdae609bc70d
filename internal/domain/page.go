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

// Page is one page of a list with the total count for the same filters; TotalIsEstimate says
// the total is the planner's estimate of a large result rather than an exact count.
type Page[T any] struct {
	Items           []T
	Page            int
	Size            int
	Total           int64
	TotalIsEstimate bool
}

// Sort allow-lists per list; the storage layer maps each key to an ORDER BY clause.
var (
	OrganisationSorts = []string{"name", "country", "created_at"}
	UserSorts         = []string{"name", "email", "created_at"}
	ProgrammeSorts    = []string{"name", "created_at", "starts_on"}
	MemberSorts       = []string{"name", "organisation", "country"}
)

// Total is the number of objects a list's filter matches. Estimated totals come from the
// planner, for filters too broad to count on every request; they are never below the exact
// threshold the store counted to, unless the rows read since say the filter matches fewer.
type Total struct {
	N         int64
	Estimated bool
}

// Seen corrects an estimated total by the page that was read for it: a page that is not full
// and not past the end ends the list, so the total is exact; a full page means at least its
// end; an empty page past the start means at most its offset.
func (t Total) Seen(offset, rows, size int) Total {
	if !t.Estimated {
		return t
	}
	switch {
	case rows < size && (rows > 0 || offset == 0):
		return Total{N: int64(offset + rows)}
	case rows == size:
		t.N = max(t.N, int64(offset+size))
	case rows == 0:
		t.N = min(t.N, int64(offset))
	}
	return t
}
