package domain

import "github.com/google/uuid"

// Filters say which objects a listing wants. The use cases build them; the store turns them into
// queries. Each list still applies the visibility rule of its object (SPEC §2).

// OrganisationFilter narrows the organisation list.
type OrganisationFilter struct {
	Query   string
	Country string
}

// UserFilter narrows the user list.
type UserFilter struct {
	Query          string
	OrganisationID *uuid.UUID
}

// MemberFilter narrows a programme's member list.
type MemberFilter struct {
	Role   Role
	UserID *uuid.UUID
}

// PracticeFilter narrows a practice search. Viewer decides what may be seen.
type PracticeFilter struct {
	ProgrammeID    *uuid.UUID
	Public         bool // only published practices of programmes with a public catalogue
	Query          string
	Country        string
	Theme          string
	TargetGroup    string
	Status         string
	EvidenceLevel  string
	Language       string
	OrganisationID *uuid.UUID
	// Label keeps the practices whose decision has this outcome (the public catalogue's label).
	Label  string
	Viewer PracticeSearchViewer
	// ReadingLanguage asks a list for each practice's translation into this language, where
	// there is one (the public catalogue reads it in the reader's language).
	ReadingLanguage string
}

// PracticeSearchViewer is who is searching, for the visibility rule a search applies in bulk
// (the per-object rule is CanSeePractice).
type PracticeSearchViewer struct {
	Admin          bool
	Coordinator    bool
	OrganisationID uuid.UUID
	UserID         uuid.UUID
}

// AssignmentFilter narrows an assignment list.
type AssignmentFilter struct {
	RoundID    *uuid.UUID
	ReviewerID *uuid.UUID
	PracticeID *uuid.UUID
	Statuses   []string
	// OpenRoundsOnly hides assignments of rounds that are still drafts (a reviewer's inbox).
	OpenRoundsOnly bool
}

// AdaptationFilter narrows the adaptation list.
type AdaptationFilter struct {
	ProgrammeID      uuid.UUID
	Stage            string
	Country          string
	SourcePracticeID *uuid.UUID
	OrganisationID   *uuid.UUID
	Fidelity         string
}

// AuditFilter narrows the audit listing.
type AuditFilter struct {
	ProgrammeID uuid.UUID
	ObjectType  string
	ObjectID    *uuid.UUID
	ActorID     *uuid.UUID
	Action      string
}
