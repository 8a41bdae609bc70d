package stats

import (
	"errors"
	"math"
	"math/rand"
	"testing"
)

// fromUnits builds what the database hands over: per-unit moments and the coincidence cells.
func fromUnits(data [][]float64) ([]Moments, []Coincidence) {
	var moments []Moments
	cells := map[[2]float64]float64{}
	for _, row := range data {
		moments = append(moments, MomentsOf(row))
		counts := map[float64]int{}
		for _, v := range row {
			if !math.IsNaN(v) {
				counts[v]++
			}
		}
		UnitCoincidences(counts, cells)
	}
	var list []Coincidence
	for ck, o := range cells {
		list = append(list, Coincidence{C: ck[0], K: ck[1], O: o})
	}
	return moments, list
}

// randomData is units × coders with about a third of the values missing, drawn from levels
// (ordinal answers) or, when levels is 0, from weighted scores on 0–100 with one decimal.
func randomData(rng *rand.Rand, units, coders, levels int) [][]float64 {
	data := make([][]float64, units)
	for i := range data {
		data[i] = make([]float64, coders)
		base := rng.Float64()
		for j := range data[i] {
			switch {
			case rng.Intn(3) == 0:
				data[i][j] = nan
			case levels == 0:
				data[i][j] = math.Round((base*70+rng.Float64()*30)*10) / 10
			default:
				data[i][j] = float64(int(base*float64(levels)+rng.Float64()*2) % levels)
			}
		}
	}
	return data
}

func TestAggregateAlphaEqualsMatrixAlpha(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	tests := []struct {
		name                  string
		units, coders, levels int
	}{
		{"two coders, five levels", 40, 2, 5},
		{"three coders, five levels", 300, 3, 5},
		{"many coders, binary", 120, 9, 2},
		{"few units, four levels", 6, 4, 4},
		{"weighted scores, three coders", 500, 3, 0},
		{"weighted scores, many coders", 80, 12, 0},
	}
	for _, tt := range tests {
		for rep := 0; rep < 5; rep++ {
			data := randomData(rng, tt.units, tt.coders, tt.levels)
			moments, cells := fromUnits(data)
			want, err := Alpha(data, Interval)
			if err != nil {
				t.Fatalf("%s: Alpha: %v", tt.name, err)
			}
			got, err := IntervalAlpha(moments)
			if err != nil || math.Abs(got-want) > 1e-12 {
				t.Errorf("%s: IntervalAlpha = %.15f, %v; want %.15f", tt.name, got, err, want)
			}
			for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
				want, err := Alpha(data, level)
				if err != nil {
					t.Fatalf("%s %v: Alpha: %v", tt.name, level, err)
				}
				got, err := AlphaFromCoincidences(cells, level)
				if err != nil || math.Abs(got-want) > 1e-12 {
					t.Errorf("%s %v: AlphaFromCoincidences = %.15f, %v; want %.15f", tt.name, level, got, err, want)
				}
			}
		}
	}
}

func TestAggregateAlphaPublished(t *testing.T) {
	moments, cells := fromUnits(krippendorffC)
	tests := []struct {
		name  string
		level Level
		want  float64
	}{
		{"section C nominal", Nominal, 0.743},
		{"section C ordinal", Ordinal, 0.815},
		{"section C interval", Interval, 0.849},
		{"section C ratio", Ratio, 0.797},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AlphaFromCoincidences(cells, tt.level)
			if err != nil || round3(got) != tt.want {
				t.Errorf("AlphaFromCoincidences = %.6f, %v; want %.3f", got, err, tt.want)
			}
		})
	}
	got, err := IntervalAlpha(moments)
	if err != nil || round3(got) != 0.849 {
		t.Errorf("IntervalAlpha = %.6f, %v; want 0.849", got, err)
	}
	_, cellsA := fromUnits(krippendorffA)
	if got, err := AlphaFromCoincidences(cellsA, Nominal); err != nil || round3(got) != 0.095 {
		t.Errorf("section A: AlphaFromCoincidences = %.6f, %v; want 0.095", got, err)
	}
}

func TestAggregateAlphaUndefined(t *testing.T) {
	tests := []struct {
		name string
		data [][]float64
		want error
	}{
		{"no data", nil, ErrNoPairableValues},
		{"lone values only", [][]float64{{1, nan}, {nan, 2}}, ErrNoPairableValues},
		{"no variation", [][]float64{{3, 3}, {3, 3, 3}, {3, nan}}, ErrNoVariation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			moments, cells := fromUnits(tt.data)
			if _, err := IntervalAlpha(moments); !errors.Is(err, tt.want) {
				t.Errorf("IntervalAlpha error = %v, want %v", err, tt.want)
			}
			if _, err := AlphaFromCoincidences(cells, Ordinal); !errors.Is(err, tt.want) {
				t.Errorf("AlphaFromCoincidences error = %v, want %v", err, tt.want)
			}
			if _, err := AlphaFromCoincidences(cells, Level(9)); !errors.Is(err, ErrUnknownLevel) {
				t.Errorf("unknown level: error = %v", err)
			}
		})
	}
}
