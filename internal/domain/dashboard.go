package domain

import "github.com/google/uuid"

// DashboardCount is one cell of an aggregate: a dimension, a key (and a second key for matrices)
// and a count.
type DashboardCount struct {
	Dim   string
	Key   string
	Key2  string
	Count int64
}

// DashboardData are the raw aggregates of a programme's dashboard. The store reads each field
// with one statement, whatever the programme's size.
type DashboardData struct {
	Timeline    []DashboardCount // dim = output kind, key = YYYY-MM
	Practices   []DashboardCount // dim = status | country | theme (drafts excluded)
	Assignments []DashboardCount // dim = status | overdue
	Adaptations []DashboardCount // dim = stage | fidelity | reason_level | flow (key → key2) | barrier | facilitator
	Outcomes    OutcomeTotals
	Reviews     []Review // submitted reviews, for agreement per round
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
