package stats

import "math"

// Scores are averaged from unrounded values and rounded once, for display: rounding each
// review's score first and averaging the rounded scores drifts (reviews of 86.67, 86.67 and
// 76.67 average 83.33, shown 83.3; rounded first they give 86.7, 86.7, 76.7 and 83.4). A missing
// answer (n/a, unanswered) is NaN and is left out, never replaced by the mean of the other
// answers, which would count them twice.

// MeanOf is the mean of the values that are not NaN and how many there are; NaN when none are.
func MeanOf(values []float64) (mean float64, n int) {
	var sum float64
	for _, v := range values {
		if !math.IsNaN(v) {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.NaN(), 0
	}
	return sum / float64(n), n
}

// WeightedMeanOf is Σ w·v / Σ w over the answered values (not NaN) with a positive weight: the
// weights are renormalised over what was answered, so an n/a neither helps nor hurts (SPEC §7.3).
// NaN and false when nothing weighted was answered. values and weights are paired by index.
func WeightedMeanOf(values, weights []float64) (float64, bool) {
	var sum, total float64
	for i, v := range values {
		if i >= len(weights) || math.IsNaN(v) || !(weights[i] > 0) {
			continue
		}
		sum += weights[i] * v
		total += weights[i]
	}
	if total == 0 {
		return math.NaN(), false
	}
	return sum / total, true
}

// RoundTo rounds x to the given number of decimals, halves away from zero, once, for display.
func RoundTo(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

// DisplayMean is the mean of unrounded scores (NaN = missing, left out) rounded once to the
// given decimals; NaN when there are no scores.
func DisplayMean(scores []float64, decimals int) float64 {
	m, n := MeanOf(scores)
	if n == 0 {
		return math.NaN()
	}
	return RoundTo(m, decimals)
}
