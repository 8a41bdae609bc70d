package stats

import (
	"errors"
	"math"
)

// Reading is what an alpha says to a coordinator, in one word (SPEC §7.3).
type Reading string

// Readings of an agreement.
const (
	ReadingGood        Reading = "good"          // α ≥ GoodAlpha
	ReadingTentative   Reading = "tentative"     // TentativeAlpha ≤ α < GoodAlpha
	ReadingLow         Reading = "low"           // α < TentativeAlpha on enough data
	ReadingTooFewUnits Reading = "too_few_units" // too few pairable units or values to say
	ReadingNoVariation Reading = "no_variation"  // every pairable value identical: α is 0/0
)

// Krippendorff's thresholds: rely on data with α ≥ .800, draw only tentative conclusions from
// .667 ≤ α < .800 (Krippendorff, "Content Analysis: An Introduction to Its Methodology", 2nd ed.,
// 2004, p. 241). The minimum amounts of data are SPEC §7.3's.
const (
	GoodAlpha         = 0.800
	TentativeAlpha    = 0.667
	MinUnits          = 5  // pairable units (practices with two reviews or more)
	MinPairableValues = 10 // values in those units
)

// ReadingOf reads an alpha as returned by IntervalAlpha, AlphaFromCoincidences or Alpha (its error
// included) for a round with the given numbers of pairable units and pairable values.
//
// No variation is checked first: reviewers who all gave the same value agree perfectly, and that
// must read neither as missing data nor as low agreement, however few the units. Then, below
// MinUnits pairable units or MinPairableValues pairable values, alpha says nothing yet: one
// practice whose two reviewers are one level apart has α = 0, which is too few units, not low
// agreement. Only then do the thresholds apply.
func ReadingOf(alpha float64, err error, units, pairableValues int) Reading {
	switch {
	case errors.Is(err, ErrNoVariation):
		return ReadingNoVariation
	case err != nil, math.IsNaN(alpha), units < MinUnits, pairableValues < MinPairableValues:
		return ReadingTooFewUnits
	case alpha >= GoodAlpha:
		return ReadingGood
	case alpha >= TentativeAlpha:
		return ReadingTentative
	default:
		return ReadingLow
	}
}

// PairableOfMoments counts the pairable units (two values or more) and their values.
func PairableOfMoments(units []Moments) (pairableUnits, pairableValues int) {
	for _, u := range units {
		if u.N >= 2 {
			pairableUnits++
			pairableValues += u.N
		}
	}
	return pairableUnits, pairableValues
}

// PairableValuesOfCoincidences is n, the number of pairable values behind a coincidence matrix
// (the sum of its cells, rounded: each unit adds exactly its number of values).
func PairableValuesOfCoincidences(cells []Coincidence) int {
	var n float64
	for _, c := range cells {
		n += c.O
	}
	return int(math.Round(n))
}
