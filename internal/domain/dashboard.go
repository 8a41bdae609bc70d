package domain

import (
	"time"

	"github.com/google/uuid"
)

// KeyCount is one bar of a chart.
type KeyCount struct {
	Key   string
	Count int64
}

// CountryFlow is the number of adaptations in country To of practices from country From.
type CountryFlow struct {
	From, To string
	Count    int64
}

// MonthOutputs are the four outputs of one month (YYYY-MM), or of the whole programme.
type MonthOutputs struct {
	Month                                                                 string
	InformationExchanged, PracticesReviewed, ProductsAdapted, NewProducts int64
}

// PracticeFigures count the practices past their draft, most frequent first.
type PracticeFigures struct {
	ByStatus, ByCountry, ByTheme []KeyCount
}

// AssignmentFigures count assignments by status, and those overdue in open rounds.
type AssignmentFigures struct {
	Assigned, Accepted, Declined, Submitted, Overdue int64
}

// AdaptationFigures count adaptations, most frequent first; barriers and facilitators are the
// ten most named; flows are ordered by country.
type AdaptationFigures struct {
	ByStage, ByFidelity, ByReasonLevel []KeyCount
	Flow                               []CountryFlow
	Barriers, Facilitators             []KeyCount
}

// ActivityFigures count the exchange activities held, and the people who took part in them by
// the country of their organisation, most first.
type ActivityFigures struct {
	Held                  int64
	ParticipantsByCountry []KeyCount
}

// DashboardData are the aggregates of a programme's dashboard. Each figure group is one SQL
// statement, whatever the programme's size.
type DashboardData struct {
	Timeline    []MonthOutputs // by month, oldest first
	Practices   PracticeFigures
	Assignments AssignmentFigures
	Adaptations AdaptationFigures
	Outcomes    OutcomeTotals
	Activities  ActivityFigures
	Rubrics     map[uuid.UUID]Rubric
	Rounds      []Round
}

// OutcomeTotals sum the latest follow-up of each adaptation (follow-ups report running totals).
type OutcomeTotals struct {
	Adaptations        int64
	Participants       int64
	ReturnedToWork     int64
	InWorkAfter6Months int64
	PlacementsOffered  int64
	SatisfactionMean   *float64
}

// RoundAgreement is the agreement of one round's reviewers on the weighted score.
type RoundAgreement struct {
	RoundID            uuid.UUID
	RoundName          string
	Status             string
	WeightedScoreAlpha *float64
	Reviews            int
	// WeightedScore is the round's agreement figure on the weighted score: alpha with its
	// interval, P(alpha < .667) and reading, from the round's cached statistics.
	WeightedScore AgreementFigure
}

// ProgrammeFigures are a programme's dashboard figures as of one data version: everything but the
// overdue assignments, which depend on the clock.
type ProgrammeFigures struct {
	Timeline    []MonthOutputs
	Practices   PracticeFigures
	Assignments AssignmentFigures // Overdue left at 0
	Adaptations AdaptationFigures
	Outcomes    OutcomeTotals
	Agreement   []RoundAgreement
	Activities  ActivityFigures
}

// CachedFigures are a programme's data version, the figures cached for it, and the assignments
// overdue now.
type CachedFigures struct {
	ProgrammeID uuid.UUID
	DataVersion int64
	Figures     *ProgrammeFigures // cached for DataVersion; nil when none are
	Earlier     *EarlierFigures   // the figures cached for an earlier version, when those are all there is
	ComputedAt  time.Time         // when the cached figures (current or earlier) were computed
	Overdue     int64
}

// EarlierFigures are figures cached for a data version the programme has since moved past.
type EarlierFigures struct {
	Figures     ProgrammeFigures
	DataVersion int64
	ComputedAt  time.Time
}
