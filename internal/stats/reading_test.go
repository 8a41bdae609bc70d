package stats

import (
	"errors"
	"math"
	"testing"
)

func TestReadingOf(t *testing.T) {
	tests := []struct {
		name string
		data [][]float64
		want Reading
	}{
		// α = 0 here, which used to show as red "low agreement".
		{"one practice, two reviewers one level apart", [][]float64{{2, 3}}, ReadingTooFewUnits},
		{"one practice, perfect agreement", [][]float64{{3, 3, 3}}, ReadingNoVariation},
		{"many practices, all the same value", [][]float64{{4, 4}, {4, 4}, {4, 4, 4}, {4, 4}, {4, 4}, {4, 4}}, ReadingNoVariation},
		{"no pairable values", [][]float64{{1, nan}, {nan, 2}}, ReadingTooFewUnits},
		{"perfect agreement on four units", [][]float64{{1, 1}, {2, 2}, {3, 3}, {4, 4, 4}}, ReadingTooFewUnits},
		{"four units with ten values", [][]float64{{1, 1}, {2, 2}, {3, 3}, {4, 4, 4, 4}}, ReadingTooFewUnits},
		{"perfect agreement, enough data", [][]float64{{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5, 5}}, ReadingGood},
		// Krippendorff (2011) section C: ordinal α = .815, nominal .743.
		{"Krippendorff section C", krippendorffC, ReadingGood},
		{"systematic disagreement", [][]float64{{0, 1}, {1, 0}, {0, 1}, {1, 0}, {0, 1, 1}, {1, 0}}, ReadingLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			moments, cells := fromUnits(tt.data)
			units, values := PairableOfMoments(moments)
			if n := PairableValuesOfCoincidences(cells); n != values {
				t.Errorf("pairable values: %d from coincidences, %d from moments", n, values)
			}
			alpha, err := AlphaFromCoincidences(cells, Ordinal)
			if got := ReadingOf(alpha, err, units, values); got != tt.want {
				t.Errorf("ReadingOf(%.3f, %v, %d, %d) = %s, want %s", alpha, err, units, values, got, tt.want)
			}
		})
	}
}

func TestReadingThresholds(t *testing.T) {
	tests := []struct {
		alpha float64
		want  Reading
	}{
		{1, ReadingGood}, {0.800, ReadingGood}, {0.7999, ReadingTentative}, {0.667, ReadingTentative},
		{0.6669, ReadingLow}, {0, ReadingLow}, {-0.5, ReadingLow}, {math.NaN(), ReadingTooFewUnits},
	}
	for _, tt := range tests {
		if got := ReadingOf(tt.alpha, nil, 50, 150); got != tt.want {
			t.Errorf("ReadingOf(%v) = %s, want %s", tt.alpha, got, tt.want)
		}
	}
	if got := ReadingOf(math.NaN(), errors.Join(ErrNoVariation), 1, 2); got != ReadingNoVariation {
		t.Errorf("wrapped ErrNoVariation read as %s", got)
	}
}
