package stats

import (
	"math"
	"sync"
)

// A practice's reviewers disagree beyond measurement error when the range of their scores is
// larger than the range that error alone produces in 95 % of practices. Measurement error is the
// standard error of measurement of the round (SEM). For k reviews with independent normal errors
// of SD σ the range exceeds q(k)·σ with probability 5 %, q(k) being the 95 % point of the range
// of k standard normal values (the studentized range with infinite degrees of freedom). For two
// reviews q(2) = 1.96·√2 = 2.77, SPEC §7.3's "95 % limit for the difference of two
// measurements"; for more reviews the limit widens with k, so that the share of practices
// flagged by error alone stays 5 % however many reviewers a practice has, instead of growing with
// them as a fixed limit does (a fixed 2.77·SEM flags 12 % of practices with three error-only
// reviews and 29 % with five).

// SEM is the standard error of measurement of a round: the square root of the within-practice
// mean square Σ SS_i / (N − a) over practices with reviews (SPEC §7.3). It equals
// SD·√(1 − reliability) of classical test theory when the reliability is the one-way ICC; see
// SEMFromReliability. Error: ErrNoPairableValues when no practice has two reviews.
func SEM(units []Moments) (float64, error) {
	var within, df float64
	for _, u := range units {
		if u.N > 0 {
			within += u.SS
			df += float64(u.N - 1)
		}
	}
	if df == 0 {
		return math.NaN(), ErrNoPairableValues
	}
	return math.Sqrt(within / df), nil
}

// SEMFromReliability is the classical SEM = SD·√(1 − reliability) (e.g. Harvill, "Standard error
// of measurement", Educational Measurement: Issues and Practice 10(2), 1991), with the
// reliability clamped to [0, 1].
func SEMFromReliability(sd, reliability float64) float64 {
	return sd * math.Sqrt(1-math.Max(0, math.Min(1, reliability)))
}

// RangeQuantile95 is q(k), the 95 % point of the range of k independent standard normal
// values: 2.772 for k = 2, 3.314 for 3, 3.633 for 4, … (the studentized range for infinite
// degrees of freedom, as tabled by H. L. Harter, "Tables of range and studentized range",
// Annals of Mathematical Statistics 31(4), 1960). NaN for k < 2.
func RangeQuantile95(k int) float64 {
	if k < 2 {
		return math.NaN()
	}
	if t := rangeQuantiles(); k < len(t) {
		return t[k]
	}
	return rangeQuantile(k, 0.95)
}

// rangeQuantiles tables q(k) for the usual numbers of reviewers, computed once.
var rangeQuantiles = sync.OnceValue(func() []float64 {
	t := make([]float64, 21)
	for k := 2; k < len(t); k++ {
		t[k] = rangeQuantile(k, 0.95)
	}
	return t
})

// rangeQuantile solves P(range of k standard normals ≤ w) = p for w by bisection, with
//
//	P(R ≤ w) = k ∫ φ(x) [Φ(x + w) − Φ(x)]^(k−1) dx
//
// integrated by Simpson's rule over [−8, 8] (the integrand is smooth; the error is far below the
// tables' 1e-3).
func rangeQuantile(k int, p float64) float64 {
	const steps, from, to = 400, -8.0, 8.0
	h := (to - from) / steps
	cdf := func(w float64) float64 {
		var sum float64
		for i := 0; i <= steps; i++ {
			x := from + float64(i)*h
			f := math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) * math.Pow(normalCDF(x+w)-normalCDF(x), float64(k-1))
			switch {
			case i == 0 || i == steps:
				sum += f
			case i%2 == 1:
				sum += 4 * f
			default:
				sum += 2 * f
			}
		}
		return float64(k) * sum * h / 3
	}
	lo, hi := 0.0, 12.0
	for range 40 {
		mid := (lo + hi) / 2
		if cdf(mid) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// SpreadLimit is the largest range of k reviews' scores that measurement error explains:
// RangeQuantile95(k)·sem.
func SpreadLimit(k int, sem float64) float64 { return RangeQuantile95(k) * sem }

// SpreadFlag says a practice's reviewers disagree beyond measurement error: the range of its
// scores (NaN for a missing score) exceeds SpreadLimit(k, sem), k the number of scores. Fewer
// than two scores, or a SEM that is not a positive number, never flag.
func SpreadFlag(scores []float64, sem float64) bool {
	s := Describe(scores)
	if s.N < 2 || !(sem > 0) {
		return false
	}
	return s.Max-s.Min > SpreadLimit(s.N, sem)
}
