package domain

import (
	"time"

	"github.com/google/uuid"
)

// ReportNotesMaxLength bounds each of the coordinators' report texts, in characters.
const ReportNotesMaxLength = 20000

// ReportNotes are the coordinators' conclusions and policy lessons for a programme's report
// (SPEC §7.6), versioned like every shared text. A programme nobody wrote notes for has empty
// notes at version 1.
type ReportNotes struct {
	ProgrammeID   uuid.UUID
	Conclusions   string
	PolicyLessons string
	Version       int
	UpdatedBy     *uuid.UUID
	UpdatedAt     *time.Time
}

// Resumption counts work resumption over the latest follow-up of each adaptation in a group
// (follow-ups report running totals, so earlier ones are already in the latest).
type Resumption struct {
	Adaptations    int64 // adaptations with at least one follow-up
	Participants   int64
	ReturnedToWork int64
	// InWorkParticipants are the participants of the latest follow-ups that report who is in work
	// after six months (the figure is optional): the denominator of InWorkAfter6Months, so that a
	// follow-up too early to say does not count as nobody in work.
	InWorkParticipants int64
	InWorkAfter6Months int64
}

// Plus adds the counts of two groups of follow-ups.
func (r Resumption) Plus(o Resumption) Resumption {
	return Resumption{Adaptations: r.Adaptations + o.Adaptations, Participants: r.Participants + o.Participants,
		ReturnedToWork: r.ReturnedToWork + o.ReturnedToWork, InWorkParticipants: r.InWorkParticipants + o.InWorkParticipants,
		InWorkAfter6Months: r.InWorkAfter6Months + o.InWorkAfter6Months}
}

// PracticeResumption is the work resumption of the adaptations of one practice.
type PracticeResumption struct {
	PracticeID uuid.UUID
	Title      string // in the report's language where the practice has a translation into it
	Country    string
	Resumption
}

// CountryResumption is the work resumption of the adaptations in one adopting country.
type CountryResumption struct {
	Country string
	Resumption
}

// TransferabilityPair is the mean of the transferability ratings that reviewers from one country
// gave practices from another (or the same) country, over submitted reviews. Countries and counts
// only: never who rated.
type TransferabilityPair struct {
	PracticeCountry, ReviewerCountry string
	Ratings                          int64
	Mean                             float64
}

// FlowFidelity is the adaptations of one country flow with a given fidelity.
type FlowFidelity struct {
	From, To, Fidelity string
	Count              int64
}

// ReportHeldActivitiesLimit bounds the held activities the report lists in its table; the counts
// cover every one.
const ReportHeldActivitiesLimit = 500

// HeldActivity is one held exchange activity as the report's table lists it. Its host country is
// the host organisation's: the country whose practice a peer-review meeting discusses.
type HeldActivity struct {
	ID                            uuid.UUID
	StartsAt                      time.Time
	Kind, Title                   string
	HostOrganisation, HostCountry string
}

// ActivityParticipation counts, over the held activities, the organisations of one country that
// took part in one role (each organisation once) and the people they sent.
type ActivityParticipation struct {
	Country, Role         string
	Organisations, People int64
}

// ReportActivities are the programme's held exchange activities by country (SPEC §7.6): planned
// and cancelled ones do not count.
type ReportActivities struct {
	Held          int64
	ByKind        []KeyCount              // most first
	ByHostCountry []KeyCount              // most first
	Participation []ActivityParticipation // by country, then role in the order of ParticipantRoles
	List          []HeldActivity          // by date, at most ReportHeldActivitiesLimit
}

// ReportFigures are the aggregates the programme report adds to the dashboard's figures, each
// computed in SQL.
type ReportFigures struct {
	ResumptionByPractice []PracticeResumption // most participants first, at most a bounded number
	ResumptionPractices  int                  // every practice with a follow-up, listed or not
	ResumptionByCountry  []CountryResumption  // by country
	ResumptionTotal      Resumption
	FlowFidelity         []FlowFidelity // by from, to, fidelity
	// Barriers and Facilitators are every one named, most frequent first (the dashboard shows ten).
	Barriers, Facilitators []KeyCount
	Transferability        []TransferabilityPair // by practice country, reviewer country
	// Decisions counts each round's decisions by outcome.
	Decisions map[uuid.UUID][]KeyCount
	// Activities are the held exchange activities by kind and country, with their participants.
	Activities ReportActivities
}
