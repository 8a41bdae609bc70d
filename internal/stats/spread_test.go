package stats

import (
	"math"
	"math/rand"
	"testing"
)

// TestRangeQuantilePublished checks q(k) against the 95 % points of the studentized range for
// infinite degrees of freedom as printed in the usual tables (Harter 1960; Pearson & Hartley,
// Biometrika Tables for Statisticians, vol. 1, table 29), to the two decimals printed.
func TestRangeQuantilePublished(t *testing.T) {
	published := map[int]float64{2: 2.77, 3: 3.31, 4: 3.63, 5: 3.86, 6: 4.03, 7: 4.17, 8: 4.29, 9: 4.39, 10: 4.47, 20: 5.01}
	for k, want := range published {
		if got := RangeQuantile95(k); math.Round(got*100)/100 != want {
			t.Errorf("q(%d) = %.4f, want %.2f", k, got, want)
		}
	}
	if got, want := RangeQuantile95(2), 1.959964*math.Sqrt2; math.Abs(got-want) > 1e-5 {
		t.Errorf("q(2) = %.6f, want 1.96·√2 = %.6f", got, want)
	}
	if got := RangeQuantile95(25); math.Abs(got-5.2) > 0.05 { // beyond the table: computed directly
		t.Errorf("q(25) = %.4f", got)
	}
	if !math.IsNaN(RangeQuantile95(1)) {
		t.Error("q(1) should be NaN")
	}
}

func TestSEM(t *testing.T) {
	// Shrout & Fleiss (1979) Table 2: WMS = 6.26, so SEM = √6.26.
	got, err := SEM(momentsOfRows(shroutFleiss))
	if err != nil || math.Abs(got*got-6.2639) > 0.001 {
		t.Errorf("SEM = %v, %v; want √6.26", got, err)
	}
	if _, err := SEM([]Moments{{N: 1, Mean: 3}}); err != ErrNoPairableValues {
		t.Errorf("single values: error %v", err)
	}
	if got := SEMFromReliability(10, 0.75); got != 5 {
		t.Errorf("SEMFromReliability(10, .75) = %v, want 5", got)
	}
	if got := SEMFromReliability(10, -0.2); got != 10 {
		t.Errorf("negative reliability: %v, want 10", got)
	}
}

// TestSpreadFlagRateDoesNotGrowWithReviewers: in rounds where reviewers differ only by
// measurement error, about 5 % of practices are flagged whether they have two reviewers or six,
// while a fixed limit of 2.77·SEM flags more and more of them.
func TestSpreadFlagRateDoesNotGrowWithReviewers(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	for k := 2; k <= 6; k++ {
		const practices = 20000
		rows := make([][]float64, practices)
		for i := range rows {
			quality := 30 + rng.Float64()*50
			rows[i] = make([]float64, k)
			for j := range rows[i] {
				rows[i][j] = quality + rng.NormFloat64()*6
			}
		}
		sem, err := SEM(momentsOfRows(rows))
		if err != nil {
			t.Fatal(err)
		}
		flagged, fixed := 0, 0
		for _, row := range rows {
			if SpreadFlag(row, sem) {
				flagged++
			}
			if s := Describe(row); s.Max-s.Min > 2.77*sem {
				fixed++
			}
		}
		rate := float64(flagged) / practices
		if math.Abs(rate-0.05) > 0.008 {
			t.Errorf("%d reviewers: %.3f of error-only practices flagged, want about 0.05", k, rate)
		}
		if fixedRate := float64(fixed) / practices; k >= 3 && !(fixedRate > 0.1) {
			t.Errorf("%d reviewers: a fixed 2.77·SEM flags only %.3f", k, fixedRate)
		}
	}
}

func TestSpreadFlag(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		sem    float64
		want   bool
	}{
		{"two reviews inside 2.77·SEM", []float64{60, 87}, 10, false},
		{"two reviews beyond 2.77·SEM", []float64{60, 88}, 10, true},
		{"three reviews: limit 3.31·SEM", []float64{60, 70, 92}, 10, false},
		{"three reviews beyond it", []float64{60, 70, 94}, 10, true},
		{"missing score left out", []float64{60, nan, 88}, 10, true},
		{"one review", []float64{10}, 1, false},
		{"no SEM", []float64{10, 90}, math.NaN(), false},
		{"zero SEM", []float64{10, 90}, 0, false},
	}
	for _, tt := range tests {
		if got := SpreadFlag(tt.scores, tt.sem); got != tt.want {
			t.Errorf("%s: SpreadFlag = %v, want %v (limit %.2f)", tt.name, got, tt.want, SpreadLimit(len(tt.scores), tt.sem))
		}
	}
}
