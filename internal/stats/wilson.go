package stats

import "math"

// Z95 is the standard normal quantile for a two-sided 95 % interval.
const Z95 = 1.959963984540054

// Wilson is the Wilson score interval for a binomial proportion, successes out of n, at the normal
// quantile z (Z95 for 95 %), without continuity correction: method 3 of Newcombe (1998), the
// interval Brown, Cai & DasGupta (2001) recommend for small n. Unlike the Wald interval it stays
// within [0, 1] and does not collapse to a point at 0 or n successes, which matters for the small
// cohorts of a return-to-work adaptation.
//
// ok is false when n is 0 (no participants: no proportion, so no interval) or when the counts
// are impossible (negative, or more successes than n).
func Wilson(successes, n int64, z float64) (low, high float64, ok bool) {
	if n <= 0 || successes < 0 || successes > n || !(z > 0) {
		return 0, 0, false
	}
	nf := float64(n)
	p := float64(successes) / nf
	z2 := z * z
	d := 1 + z2/nf
	centre := (p + z2/(2*nf)) / d
	half := z / d * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	low, high = centre-half, centre+half
	// At 0 or n successes one limit is exactly 0 or 1; floating point may land a hair outside.
	if successes == 0 {
		low = 0
	}
	if successes == n {
		high = 1
	}
	return math.Max(0, low), math.Min(1, high), true
}
