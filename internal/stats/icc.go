package stats

import (
	"errors"
	"math"
)

// ErrTooFewUnits means fewer than two units have values, so there is no between-unit variance.
var ErrTooFewUnits = errors.New("stats: fewer than two units")

// ICC holds the intraclass correlations of a one-way random-effects model, ICC(1,1) and
// ICC(1,k) of P. E. Shrout & J. L. Fleiss, "Intraclass correlations: uses in assessing rater
// reliability", Psychological Bulletin 86(2), 1979, with the mean squares they come from.
type ICC struct {
	Single  float64 // ICC(1,1): reliability of one review
	Average float64 // ICC(1,k): reliability of the mean of K reviews
	K       float64 // mean number of values per unit
	K0      float64 // the k0 of the unbalanced one-way ANOVA (equals K when balanced)
	MSB     float64 // between-units mean square (BMS)
	MSW     float64 // within-units mean square (WMS)
	Units   int     // units with at least one value
}

// OneWayICC computes ICC(1,1) and ICC(1,k) from per-unit moments (n, mean, Σ(v − mean)²), so that
// a round needs only a GROUP BY per practice. Each unit (practice) is rated by its own set of
// reviewers, which is Shrout & Fleiss's case 1 (one-way random effects):
//
//	MSB = Σ n_i (mean_i − mean)² / (a − 1),   MSW = Σ SS_i / (N − a)
//	ICC(1,1) = (MSB − MSW) / (MSB + (k0 − 1)·MSW)
//
// With unequal numbers of reviews per practice, k in ICC(1,1) is replaced by the standard
// k0 = (N − Σ n_i²/N) / (a − 1) of the unbalanced one-way ANOVA (A. Donner, "A review of
// inference procedures for the intraclass correlation coefficient in the one-way random effects
// model", International Statistical Review 54(1), 1986), which equals k when all n_i are equal.
// ICC(1,k) is the reliability of the mean of K = N/a reviews (SPEC §7.3: k is the mean number of
// reviews per practice), by Spearman–Brown: K·ICC(1,1) / (1 + (K − 1)·ICC(1,1)); with equal n_i
// this is Shrout & Fleiss's (MSB − MSW)/MSB.
//
// Units without values are left out; units with one value count towards the between-units
// mean square only. Errors: ErrTooFewUnits (fewer than two units), ErrNoPairableValues (no unit
// with two values, so no within-unit variance), ErrNoVariation (all values equal).
func OneWayICC(units []Moments) (ICC, error) {
	var r ICC
	var n, sum, sumSquares float64
	for _, u := range units {
		if u.N > 0 {
			r.Units++
			n += float64(u.N)
			sum += float64(u.N) * u.Mean
			sumSquares += float64(u.N) * float64(u.N)
		}
	}
	a := float64(r.Units)
	if r.Units < 2 {
		return r, ErrTooFewUnits
	}
	if n <= a {
		return r, ErrNoPairableValues
	}
	mean := sum / n
	var between, within float64
	for _, u := range units {
		if u.N > 0 {
			d := u.Mean - mean
			between += float64(u.N) * d * d
			within += u.SS
		}
	}
	r.MSB = between / (a - 1)
	r.MSW = within / (n - a)
	r.K = n / a
	r.K0 = (n - sumSquares/n) / (a - 1)
	denominator := r.MSB + (r.K0-1)*r.MSW
	if denominator == 0 {
		return r, ErrNoVariation
	}
	r.Single = (r.MSB - r.MSW) / denominator
	r.Average = SpearmanBrown(r.Single, r.K)
	return r, nil
}

// SpearmanBrown is the reliability of the mean of k measurements each of reliability r.
func SpearmanBrown(r, k float64) float64 {
	d := 1 + (k-1)*r
	if d == 0 {
		return math.NaN()
	}
	return k * r / d
}
