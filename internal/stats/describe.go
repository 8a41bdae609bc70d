package stats

import (
	"math"
	"sort"
)

// Summary describes a sample.
type Summary struct {
	N                          int
	Mean, Median, Min, Max, SD float64
}

// Describe ignores NaN values; SD is the sample standard deviation (n−1), 0 when N < 2. N == 0 gives a zero Summary.
func Describe(values []float64) Summary {
	sorted := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			sorted = append(sorted, v)
		}
	}
	if len(sorted) == 0 {
		return Summary{}
	}
	sort.Float64s(sorted)
	n := len(sorted)
	mean := meanOf(sorted)
	return Summary{
		N:      n,
		Mean:   mean,
		Median: medianOfSorted(sorted),
		Min:    sorted[0],
		Max:    sorted[n-1],
		SD:     sampleSD(sorted, mean),
	}
}

func meanOf(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

func medianOfSorted(xs []float64) float64 {
	mid := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[mid]
	}
	return (xs[mid-1] + xs[mid]) / 2
}

// sampleSD uses the two-pass formula, which avoids the cancellation error of
// the Σx² − n·mean² shortcut.
func sampleSD(xs []float64, mean float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var ss float64
	for _, x := range xs {
		d := x - mean
		ss += d * d
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}
