package domain

import (
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/stats"
)

// CriterionAgreement is Krippendorff's alpha (ordinal) for one scored criterion of a round.
type CriterionAgreement struct {
	Key   string
	Alpha *float64
	Units int
}

// RoundStatistics are the figures of a round that depend on all of its reviews and assignments.
// They are computed in SQL aggregates inside one snapshot and cached under the round's data
// version, which every write that changes them bumps in its own transaction.
type RoundStatistics struct {
	DataVersion                             int64
	Practices, Decided                      int
	Assigned, Accepted, Declined, Submitted int
	Reviews                                 int // submitted reviews of the round's practices
	WeightedScoreAlpha                      *float64
	Criteria                                []CriterionAgreement
}

// RoundAggregates are what the database aggregates from a round's rows, the input of its
// statistics: per-practice moments of the weighted scores and, per scored criterion, the
// coincidence matrix of the answers (never the reviews themselves).
type RoundAggregates struct {
	Practices, Decided                      int
	Assigned, Accepted, Declined, Submitted int
	Reviews                                 int
	ScoreUnits                              []stats.Moments
	Coincidences                            map[string][]stats.Coincidence
	PairableUnits                           map[string]int
}

// CachedStatistics is a round's current data version and the statistics cached for it, if any
// (nil when none is cached or the cache is for an older version).
type CachedStatistics struct {
	RoundID     uuid.UUID
	DataVersion int64
	Statistics  *RoundStatistics
}

// PracticeReviews is one practice of a results page with its submitted reviews in the round
// (scores and the stored outcome only).
type PracticeReviews struct {
	PracticeID uuid.UUID
	Title      string
	Country    string
	Decision   string
	Reviews    []Review
}
