package stats

import (
	"errors"
	"math"
	"testing"
)

// countsOf turns units × coders into per-unit answer counts, relabelled by label.
func countsOf[C comparable](data [][]float64, label func(float64) C) []map[C]int {
	units := make([]map[C]int, len(data))
	for i, row := range data {
		units[i] = map[C]int{}
		for _, v := range row {
			if !math.IsNaN(v) {
				units[i][label(v)]++
			}
		}
	}
	return units
}

// TestNominalAlphaPublished checks against Krippendorff, "Computing Krippendorff's
// Alpha-Reliability" (2011): section C (4 observers × 12 units, missing data) has nominal
// α = 0.743, section A (binary, 2 observers × 10 units) α = 0.095. The answers are relabelled as
// words, as recommendations and gates are, which must not change a nominal alpha.
func TestNominalAlphaPublished(t *testing.T) {
	words := map[float64]string{1: "reject", 2: "major", 3: "minor", 4: "accept", 5: "withdraw"}
	recommendations := countsOf(krippendorffC, func(v float64) string { return words[v] })
	got, err := NominalAlpha(recommendations)
	if err != nil || round3(got) != 0.743 {
		t.Errorf("section C as words: NominalAlpha = %.6f, %v; want 0.743", got, err)
	}
	if want := mustAlpha(t, krippendorffC, Nominal); math.Abs(got-want) > 1e-12 {
		t.Errorf("section C: %.15f from counts, %.15f from the matrix", got, want)
	}
	cells, categories, units := CategoryCoincidences(recommendations)
	if units != 11 || len(categories) != 5 || categories[0] != "accept" {
		t.Errorf("pairable units %d, categories %v", units, categories)
	}
	if n := PairableValuesOfCoincidences(cells); n != 40 {
		t.Errorf("pairable values = %d, want 40", n)
	}

	gates := countsOf(krippendorffA, func(v float64) string { return map[float64]string{0: "fails", 1: "passes"}[v] })
	if got, err := NominalAlpha(gates); err != nil || round3(got) != 0.095 {
		t.Errorf("section A as gates: NominalAlpha = %.6f, %v; want 0.095", got, err)
	}
}

func TestNominalAlphaEdges(t *testing.T) {
	tests := []struct {
		name  string
		units []map[string]int
		want  float64
		err   error
	}{
		{"no units", nil, 0, ErrNoPairableValues},
		{"lone answers only", []map[string]int{{"passes": 1}, {"fails": 1}, {}}, 0, ErrNoPairableValues},
		{"all pass", []map[string]int{{"passes": 3}, {"passes": 2}}, 0, ErrNoVariation},
		{"zero counts ignored", []map[string]int{{"passes": 2, "fails": 0}, {"fails": 2}}, 1, nil},
		// n = 4, o_pf = o_fp = 2, n_p = n_f = 2: 1 − 3·4/8 = −0.5.
		{"always split", []map[string]int{{"passes": 1, "fails": 1}, {"passes": 1, "fails": 1}}, -0.5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NominalAlpha(tt.units)
			if !errors.Is(err, tt.err) || (err == nil && math.Abs(got-tt.want) > 1e-12) {
				t.Errorf("NominalAlpha = %v, %v; want %v, %v", got, err, tt.want, tt.err)
			}
		})
	}
}
