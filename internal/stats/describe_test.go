package stats

import (
	"math"
	"testing"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		want   Summary
	}{
		{"nil", nil, Summary{}},
		{"empty", []float64{}, Summary{}},
		{"only NaN", []float64{nan, nan}, Summary{}},
		{"single value", []float64{4}, Summary{N: 1, Mean: 4, Median: 4, Min: 4, Max: 4, SD: 0}},
		// Odd count, unsorted: median is the middle value after sorting.
		// Deviations from 3: −2, 2, 0, −1, 1 → SS = 10, SD = √(10/4).
		{"odd count", []float64{1, 5, 3, 2, 4}, Summary{N: 5, Mean: 3, Median: 3, Min: 1, Max: 5, SD: math.Sqrt(2.5)}},
		// Even count: median averages the two middle values (2 and 4).
		// Mean 4, deviations −3, −2, 0, 5 → SS = 38, SD = √(38/3).
		{"even count", []float64{9, 1, 4, 2}, Summary{N: 4, Mean: 4, Median: 3, Min: 1, Max: 9, SD: math.Sqrt(38.0 / 3)}},
		// The classic sample 2,4,4,4,5,5,7,9: mean 5, SS = 32,
		// population SD 2 but sample SD √(32/7) — catches an n divisor.
		{"sample sd uses n-1", []float64{2, 4, 4, 4, 5, 5, 7, 9}, Summary{N: 8, Mean: 5, Median: 4.5, Min: 2, Max: 9, SD: math.Sqrt(32.0 / 7)}},
		// NaNs are dropped before anything is counted, so this equals {1, 5, 3}.
		{"NaNs ignored", []float64{nan, 1, 5, nan, 3, nan}, Summary{N: 3, Mean: 3, Median: 3, Min: 1, Max: 5, SD: 2}},
		{"negatives", []float64{-3, -1, -2}, Summary{N: 3, Mean: -2, Median: -2, Min: -3, Max: -1, SD: 1}},
		{"constant", []float64{7, 7, 7}, Summary{N: 3, Mean: 7, Median: 7, Min: 7, Max: 7, SD: 0}},
		// Large offset: the naive Σx² − n·mean² formula loses all precision here.
		{"large offset", []float64{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}, Summary{N: 4, Mean: 1e9 + 10, Median: 1e9 + 10, Min: 1e9 + 4, Max: 1e9 + 16, SD: math.Sqrt(30)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Describe(tt.values)
			if got.N != tt.want.N {
				t.Errorf("N = %d, want %d", got.N, tt.want.N)
			}
			fields := []struct {
				name      string
				got, want float64
			}{
				{"Mean", got.Mean, tt.want.Mean},
				{"Median", got.Median, tt.want.Median},
				{"Min", got.Min, tt.want.Min},
				{"Max", got.Max, tt.want.Max},
				{"SD", got.SD, tt.want.SD},
			}
			for _, f := range fields {
				if math.IsNaN(f.got) || math.Abs(f.got-f.want) > 1e-9 {
					t.Errorf("%s = %v, want %v", f.name, f.got, f.want)
				}
			}
		})
	}
}

// TestDescribeDoesNotModifyInput: Describe sorts a copy, never the caller's slice.
func TestDescribeDoesNotModifyInput(t *testing.T) {
	values := []float64{3, nan, 1, 2}
	Describe(values)
	if values[0] != 3 || !math.IsNaN(values[1]) || values[2] != 1 || values[3] != 2 {
		t.Errorf("input modified: %v", values)
	}
}
