package stats

import (
	"errors"
	"math"
	"math/rand"
	"testing"
)

// shroutFleiss is Table 2 of Shrout & Fleiss (1979): 6 targets rated by 4 judges. The paper's
// Table 4 gives BMS = 11.24, WMS = 6.26, ICC(1,1) = .17 and ICC(1,4) = .44.
var shroutFleiss = [][]float64{
	{9, 2, 5, 8},
	{6, 1, 3, 2},
	{8, 4, 6, 8},
	{7, 1, 2, 6},
	{10, 5, 6, 9},
	{6, 2, 4, 7},
}

func momentsOfRows(data [][]float64) []Moments {
	var units []Moments
	for _, row := range data {
		units = append(units, MomentsOf(row))
	}
	return units
}

func TestOneWayICCPublished(t *testing.T) {
	got, err := OneWayICC(momentsOfRows(shroutFleiss))
	if err != nil {
		t.Fatal(err)
	}
	round := func(x float64, places int) float64 { p := math.Pow(10, float64(places)); return math.Round(x*p) / p }
	checks := []struct {
		name      string
		got, want float64
		places    int
	}{
		{"BMS", got.MSB, 11.24, 2},
		{"WMS", got.MSW, 6.26, 2},
		{"ICC(1,1)", got.Single, 0.17, 2},
		{"ICC(1,4)", got.Average, 0.44, 2},
		{"k", got.K, 4, 12},
		{"k0", got.K0, 4, 12},
	}
	for _, c := range checks {
		if round(c.got, c.places) != c.want {
			t.Errorf("%s = %.6f, want %v", c.name, c.got, c.want)
		}
	}
	// Balanced data: Spearman–Brown of ICC(1,1) is exactly Shrout & Fleiss's (BMS − WMS)/BMS.
	if want := (got.MSB - got.MSW) / got.MSB; math.Abs(got.Average-want) > 1e-12 {
		t.Errorf("ICC(1,4) = %.15f, (BMS − WMS)/BMS = %.15f", got.Average, want)
	}
}

// denseICC is the textbook one-way ANOVA on raw values, written independently of OneWayICC.
func denseICC(data [][]float64) (msb, msw, k0 float64) {
	var all []float64
	for _, row := range data {
		for _, v := range row {
			if !math.IsNaN(v) {
				all = append(all, v)
			}
		}
	}
	grand := meanOf(all)
	var ssb, ssw, sumN2 float64
	a := 0.0
	for _, row := range data {
		var vs []float64
		for _, v := range row {
			if !math.IsNaN(v) {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			continue
		}
		a++
		m := meanOf(vs)
		for _, v := range vs {
			ssb += (m - grand) * (m - grand)
			ssw += (v - m) * (v - m)
		}
		sumN2 += float64(len(vs) * len(vs))
	}
	n := float64(len(all))
	return ssb / (a - 1), ssw / (n - a), (n - sumN2/n) / (a - 1)
}

// TestOneWayICCUnbalanced: with missing reviews the moments give the same mean squares as the
// raw values, k0 falls below the mean k, and ICC(1,1) uses k0.
func TestOneWayICCUnbalanced(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	data := randomData(rng, 200, 5, 0)
	got, err := OneWayICC(momentsOfRows(data))
	if err != nil {
		t.Fatal(err)
	}
	msb, msw, k0 := denseICC(data)
	if math.Abs(got.MSB-msb) > 1e-9 || math.Abs(got.MSW-msw) > 1e-9 || math.Abs(got.K0-k0) > 1e-12 {
		t.Errorf("MSB %v/%v, MSW %v/%v, k0 %v/%v", got.MSB, msb, got.MSW, msw, got.K0, k0)
	}
	if !(got.K0 < got.K) {
		t.Errorf("k0 = %v not below mean k = %v for unequal group sizes", got.K0, got.K)
	}
	if want := (msb - msw) / (msb + (k0-1)*msw); math.Abs(got.Single-want) > 1e-12 {
		t.Errorf("ICC(1,1) = %v, want %v", got.Single, want)
	}
	if want := SpearmanBrown(got.Single, got.K); got.Average != want || !(got.Average > got.Single) {
		t.Errorf("ICC(1,k) = %v, want %v (above ICC(1,1) = %v)", got.Average, want, got.Single)
	}
}

func TestOneWayICCErrors(t *testing.T) {
	tests := []struct {
		name string
		data [][]float64
		want error
	}{
		{"one unit", [][]float64{{1, 2, 3}}, ErrTooFewUnits},
		{"empty units only", [][]float64{{nan}, {}}, ErrTooFewUnits},
		{"one value per unit", [][]float64{{1}, {2}, {3}}, ErrNoPairableValues},
		{"all equal", [][]float64{{4, 4}, {4, 4, 4}}, ErrNoVariation},
	}
	for _, tt := range tests {
		if _, err := OneWayICC(momentsOfRows(tt.data)); !errors.Is(err, tt.want) {
			t.Errorf("%s: error = %v, want %v", tt.name, err, tt.want)
		}
	}
}
