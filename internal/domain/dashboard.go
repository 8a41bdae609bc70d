package domain

import "github.com/google/uuid"

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

// DashboardData are the aggregates of a programme's dashboard. Each figure group is one SQL
// statement, whatever the programme's size.
type DashboardData struct {
	Timeline    []MonthOutputs // by month, oldest first
	Practices   PracticeFigures
	Assignments AssignmentFigures
	Adaptations AdaptationFigures
	Outcomes    OutcomeTotals
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
