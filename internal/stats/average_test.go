package stats

import (
	"math"
	"testing"
)

// TestDisplayMeanRoundsOnce: three reviews scoring 86.67, 86.67 and 76.67 (260/3, 260/3, 230/3)
// have a mean of 83.33, shown as 83.3, where averaging the scores rounded to one decimal gives
// 83.4 (the drift of issue 12).
func TestDisplayMeanRoundsOnce(t *testing.T) {
	scores := []float64{260.0 / 3, 260.0 / 3, 230.0 / 3}
	if got := DisplayMean(scores, 1); got != 83.3 {
		t.Errorf("DisplayMean = %v, want 83.3", got)
	}
	rounded := []float64{RoundTo(scores[0], 1), RoundTo(scores[1], 1), RoundTo(scores[2], 1)}
	if got := DisplayMean(rounded, 1); got != 83.4 {
		t.Errorf("rounding first gives %v; the test no longer shows the drift", got)
	}
	if got := DisplayMean([]float64{nan, nan}, 1); !math.IsNaN(got) {
		t.Errorf("no scores: %v, want NaN", got)
	}
	if got := DisplayMean([]float64{80, nan, 90}, 0); got != 85 {
		t.Errorf("missing score: %v, want 85", got)
	}
}

func TestMeanOf(t *testing.T) {
	tests := []struct {
		values []float64
		mean   float64
		n      int
	}{
		{[]float64{1, 2, 3}, 2, 3},
		{[]float64{1, nan, 3}, 2, 2},
		{[]float64{nan}, math.NaN(), 0},
		{nil, math.NaN(), 0},
	}
	for _, tt := range tests {
		m, n := MeanOf(tt.values)
		if n != tt.n || !(m == tt.mean || math.IsNaN(m) && math.IsNaN(tt.mean)) {
			t.Errorf("MeanOf(%v) = %v, %d; want %v, %d", tt.values, m, n, tt.mean, tt.n)
		}
	}
}

// TestWeightedMeanOfLeavesOutMissing: an n/a answer is left out and the weights renormalised
// over the answered criteria; filling it with the mean of the other answers gives a different,
// wrong figure when the weights differ.
func TestWeightedMeanOfLeavesOutMissing(t *testing.T) {
	tests := []struct {
		name            string
		values, weights []float64
		want            float64
		ok              bool
	}{
		{"all answered", []float64{1, 0.5, 0}, []float64{2, 1, 1}, 0.625, true},
		// 2·1 + 1·0.5 over weights 3; the mean fill would add 1·0.75 over 4: 0.8125.
		{"n/a left out", []float64{1, 0.5, nan}, []float64{2, 1, 1}, 2.5 / 3, true},
		{"zero weight ignored", []float64{1, 0}, []float64{1, 0}, 1, true},
		{"nothing answered", []float64{nan, nan}, []float64{1, 1}, math.NaN(), false},
		{"no weights", []float64{1}, nil, math.NaN(), false},
	}
	for _, tt := range tests {
		got, ok := WeightedMeanOf(tt.values, tt.weights)
		if ok != tt.ok || !(math.Abs(got-tt.want) < 1e-12 || math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("%s: WeightedMeanOf = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
	filled := (2*1 + 1*0.5 + 1*0.75) / 4.0
	if got, _ := WeightedMeanOf([]float64{1, 0.5, nan}, []float64{2, 1, 1}); math.Abs(got-filled) < 1e-9 {
		t.Errorf("n/a was filled with the mean of the other answers (%v)", got)
	}
}

func TestRoundTo(t *testing.T) {
	tests := []struct {
		x    float64
		d    int
		want float64
	}{
		{83.333, 1, 83.3}, {83.35, 1, 83.4}, {-2.5, 0, -3}, {0.8125, 3, 0.813}, {12.5, 0, 13},
	}
	for _, tt := range tests {
		if got := RoundTo(tt.x, tt.d); got != tt.want {
			t.Errorf("RoundTo(%v, %d) = %v, want %v", tt.x, tt.d, got, tt.want)
		}
	}
}
