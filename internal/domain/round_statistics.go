package domain

import (
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/stats"
)

// AgreementFigure is one agreement figure of a round (SPEC §7.3): Krippendorff's alpha, the data
// behind it, its bootstrap interval, P(α < .667) and a reading. Alpha, CI95 and PBelow667 are nil
// where alpha is undefined (too few values, no variation).
type AgreementFigure struct {
	Alpha          *float64
	Units          int // units (practices) with at least two values
	PairableValues int
	CI95           *[2]float64
	PBelow667      *float64
	Reading        string // good, tentative, low, too_few_units, no_variation
}

// CriterionAgreement is the agreement (ordinal) on one scored criterion of a round.
type CriterionAgreement struct {
	Key string
	AgreementFigure
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
	WeightedScore                           AgreementFigure // interval
	Criteria                                []CriterionAgreement
	Gates                                   AgreementFigure // nominal, on each review's "passes every gate"
	Recommendation                          AgreementFigure // nominal
	// ICC is the one-way intraclass correlation of the weighted scores; nil where undefined.
	ICC *ICCFigure
	// SEM is the round's standard error of measurement of a weighted score, √ of the
	// within-practice mean square (unrounded: each practice's spread flag is computed from it);
	// nil when no practice has two reviews.
	SEM *float64
	// ReviewerEffects are each reviewer's effect in the additive model of the weighted scores
	// (score = practice effect + reviewer effect), centred within each group of practices and
	// reviewers connected through shared reviews. A practice's reviewer-adjusted score is the mean
	// of its reviews' scores less their reviewers' effects. Never shown: they say which reviewer
	// is harsh.
	ReviewerEffects map[uuid.UUID]float64
}

// ICCFigure is ICC(1,1), the reliability of one review's weighted score, and ICC(1,k), that of
// the mean of k reviews, k the mean number of reviews per practice (Shrout & Fleiss 1979), to three
// decimals.
type ICCFigure struct {
	Single, Average float64
	K               float64 // mean reviews per practice, to two decimals
}

// Unit keys of RoundAggregates.Kinds besides the criterion keys.
const (
	UnitGatesPassed    = "#gates_passed"   // 1 when the review passed every gate, else 0
	UnitRecommendation = "#recommendation" // the recommendation's position in the rubric's options, from 1
)

// RoundAggregates are what the database aggregates from a round's rows, the input of its
// statistics: per-practice moments of the weighted scores and, per scored criterion, gate
// outcome and recommendation, the distinct multisets of the practices' answers with how many
// practices gave each (never the reviews themselves).
type RoundAggregates struct {
	Practices, Decided                      int
	Assigned, Accepted, Declined, Submitted int
	Reviews                                 int
	ScoreUnits                              []stats.Moments // practices with at least two weighted scores
	// ScoreRatings are every weighted score of the round's practices with its reviewer.
	ScoreRatings []stats.Rating[uuid.UUID, uuid.UUID]
	Kinds        map[string][]stats.UnitKind
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
