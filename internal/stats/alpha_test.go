package stats

import (
	"errors"
	"math"
	"testing"
)

// nan marks a missing value ("." in Krippendorff's tables).
var nan = math.NaN()

// krippendorffC is the reliability data of section C ("nominal data, any
// number of observers, missing data") of K. Krippendorff, "Computing
// Krippendorff's Alpha-Reliability" (2011), transcribed as units × coders
// (the paper prints it as coders × units):
//
//	unit:   1  2  3  4  5  6  7  8  9 10 11 12
//	Obs A:  1  2  3  3  2  1  4  1  2  .  .  .
//	Obs B:  1  2  3  3  2  2  4  1  2  5  .  3
//	Obs C:  .  3  3  3  2  3  4  2  2  5  1  .
//	Obs D:  1  2  3  3  2  4  4  1  2  5  1  .
var krippendorffC = [][]float64{
	// A, B, C, D
	{1, 1, nan, 1},
	{2, 2, 3, 2},
	{3, 3, 3, 3},
	{3, 3, 3, 3},
	{2, 2, 2, 2},
	{1, 2, 3, 4},
	{4, 4, 4, 4},
	{1, 1, 2, 1},
	{2, 2, 2, 2},
	{nan, 5, 5, 5},
	{nan, nan, 1, 1},
	{nan, 3, nan, nan},
}

// krippendorffA is the binary data of section A ("binary data, two
// observers, no missing data") of the same paper, as units × coders.
//
//	Obs A: 0 1 0 0 0 0 0 0 1 0
//	Obs B: 1 1 1 0 0 1 0 0 0 0
var krippendorffA = [][]float64{
	{0, 1}, {1, 1}, {0, 1}, {0, 0}, {0, 0},
	{0, 1}, {0, 0}, {0, 0}, {1, 0}, {0, 0},
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// TestAlphaPublished checks against the values Krippendorff publishes for
// his own worked examples (2011, sections A and C).
func TestAlphaPublished(t *testing.T) {
	tests := []struct {
		name  string
		data  [][]float64
		level Level
		want  float64
	}{
		{"section A binary nominal", krippendorffA, Nominal, 0.095},
		{"section C nominal", krippendorffC, Nominal, 0.743},
		{"section C ordinal", krippendorffC, Ordinal, 0.815},
		{"section C interval", krippendorffC, Interval, 0.849},
		{"section C ratio", krippendorffC, Ratio, 0.797},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Alpha(tt.data, tt.level)
			if err != nil {
				t.Fatalf("Alpha: unexpected error %v", err)
			}
			if round3(got) != tt.want {
				t.Errorf("Alpha = %.6f (rounds to %.3f), want %.3f", got, round3(got), tt.want)
			}
		})
	}
}

// TestCoincidenceMatrixPublished compares the coincidence matrix built from
// the section C data with the one printed in the paper (values 1..5,
// n_c = 9, 13, 10, 5, 3, n = 40), so a fault is located before it is
// blurred by rounding alpha to three decimals.
func TestCoincidenceMatrixPublished(t *testing.T) {
	want := [][]float64{
		{7, 4.0 / 3, 1.0 / 3, 1.0 / 3, 0},
		{4.0 / 3, 10, 4.0 / 3, 1.0 / 3, 0},
		{1.0 / 3, 4.0 / 3, 8, 1.0 / 3, 0},
		{1.0 / 3, 1.0 / 3, 1.0 / 3, 4, 0},
		{0, 0, 0, 0, 3},
	}
	wantMarg := []float64{9, 13, 10, 5, 3}
	cm := newCoincidences(krippendorffC)
	if len(cm.values) != 5 {
		t.Fatalf("distinct values = %v, want 1..5", cm.values)
	}
	for c := range want {
		if cm.values[c] != float64(c+1) {
			t.Errorf("values[%d] = %v, want %d", c, cm.values[c], c+1)
		}
		if !approxEqual(cm.marg[c], wantMarg[c]) {
			t.Errorf("n_%d = %v, want %v", c+1, cm.marg[c], wantMarg[c])
		}
		for k := range want[c] {
			if !approxEqual(cm.o[c][k], want[c][k]) {
				t.Errorf("o[%d][%d] = %v, want %v", c+1, k+1, cm.o[c][k], want[c][k])
			}
		}
	}
	if !approxEqual(cm.n, 40) {
		t.Errorf("n = %v, want 40", cm.n)
	}
}

func TestAlphaErrors(t *testing.T) {
	tests := []struct {
		name string
		data [][]float64
		want error
	}{
		{"nil data", nil, ErrNoPairableValues},
		{"single coder", [][]float64{{1}, {2}, {3}, {4}}, ErrNoPairableValues},
		{"one value per unit after NaNs", [][]float64{{1, nan}, {nan, 2}, {3}}, ErrNoPairableValues},
		{"all missing", [][]float64{{nan, nan}, {nan, nan}}, ErrNoPairableValues},
		{"all values identical", [][]float64{{3, 3}, {3, 3, 3}, {3, nan}}, ErrNoVariation},
		{"identical pairable, lone value differs", [][]float64{{2, 2}, {2, 2}, {5, nan}}, ErrNoVariation},
	}
	for _, tt := range tests {
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			t.Run(tt.name+"/"+level.String(), func(t *testing.T) {
				got, err := Alpha(tt.data, level)
				if !errors.Is(err, tt.want) {
					t.Fatalf("Alpha error = %v, want %v", err, tt.want)
				}
				if !math.IsNaN(got) {
					t.Errorf("Alpha = %v on error, want NaN", got)
				}
			})
		}
	}
}

func TestAlphaUnknownLevel(t *testing.T) {
	if _, err := Alpha(krippendorffA, Level(42)); !errors.Is(err, ErrUnknownLevel) {
		t.Fatalf("error = %v, want ErrUnknownLevel", err)
	}
}

func TestAlphaPerfectAgreement(t *testing.T) {
	data := [][]float64{{1, 1, 1}, {2, 2, nan}, {4, 4, 4}, {nan, 3, 3}}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		t.Run(level.String(), func(t *testing.T) {
			got, err := Alpha(data, level)
			if err != nil {
				t.Fatal(err)
			}
			if got != 1 {
				t.Errorf("Alpha = %v, want 1", got)
			}
		})
	}
}

// TestAlphaSystematicDisagreement: two coders who always disagree on a
// binary item give alpha = 1 − (n−1)/(n/2) < 0, i.e. worse than chance.
func TestAlphaSystematicDisagreement(t *testing.T) {
	data := [][]float64{{0, 1}, {1, 0}, {0, 1}, {1, 0}}
	got, err := Alpha(data, Nominal)
	if err != nil {
		t.Fatal(err)
	}
	// n = 8, o_01 = o_10 = 4, n_0 = n_1 = 4: 1 − 7·8/32 = −0.75.
	if want := -0.75; math.Abs(got-want) > 1e-12 {
		t.Errorf("Alpha = %v, want %v", got, want)
	}
}

// TestAlphaIgnoresLoneValues: a unit with one value is not pairable, so
// adding it, whatever its value, must leave every level unchanged — even a
// value never seen elsewhere, which would shift the ordinal ranks if it were
// wrongly counted.
func TestAlphaIgnoresLoneValues(t *testing.T) {
	extras := [][]float64{
		{nan, nan, 7, nan},
		{nan, nan, nan, 2.5},
		{1, nan, nan, nan},
		{nan, nan, nan, nan},
		{},
	}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		t.Run(level.String(), func(t *testing.T) {
			base := mustAlpha(t, krippendorffC, level)
			data := append(append([][]float64{}, krippendorffC...), extras...)
			if got := mustAlpha(t, data, level); !approxEqual(got, base) {
				t.Errorf("with lone units Alpha = %.15f, want %.15f", got, base)
			}
		})
	}
}

// TestAlphaOrderInvariant: alpha depends only on the multiset of values per
// unit, so permuting coders (columns) or units (rows) must not change it.
func TestAlphaOrderInvariant(t *testing.T) {
	reversedUnits := make([][]float64, len(krippendorffC))
	for i, row := range krippendorffC {
		reversedUnits[len(krippendorffC)-1-i] = row
	}
	permutedCoders := make([][]float64, len(krippendorffC))
	for i, row := range krippendorffC {
		permutedCoders[i] = []float64{row[3], row[1], row[0], row[2]} // D, B, A, C
	}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		t.Run(level.String(), func(t *testing.T) {
			base := mustAlpha(t, krippendorffC, level)
			for name, data := range map[string][][]float64{
				"units reversed":  reversedUnits,
				"coders permuted": permutedCoders,
			} {
				if got := mustAlpha(t, data, level); !approxEqual(got, base) {
					t.Errorf("%s: Alpha = %.15f, want %.15f", name, got, base)
				}
			}
		})
	}
}

// TestAlphaOrdinalUsesRanksOnly: the ordinal metric depends on the order of
// values, not their spacing, so a monotone relabelling keeps ordinal alpha
// while interval alpha changes.
func TestAlphaOrdinalUsesRanksOnly(t *testing.T) {
	relabel := map[float64]float64{1: -10, 2: 0.5, 3: 0.75, 4: 100, 5: 1e6}
	stretched := make([][]float64, len(krippendorffC))
	for i, row := range krippendorffC {
		stretched[i] = make([]float64, len(row))
		for j, v := range row {
			if math.IsNaN(v) {
				stretched[i][j] = v
			} else {
				stretched[i][j] = relabel[v]
			}
		}
	}
	if got, want := mustAlpha(t, stretched, Ordinal), mustAlpha(t, krippendorffC, Ordinal); !approxEqual(got, want) {
		t.Errorf("ordinal after monotone relabel = %.15f, want %.15f", got, want)
	}
	if got, was := mustAlpha(t, stretched, Interval), mustAlpha(t, krippendorffC, Interval); approxEqual(got, was) {
		t.Errorf("interval alpha unchanged by relabel (%.6f); metric not applied", got)
	}
}

// TestAlphaRaggedRows: rows shorter than others behave as if padded with
// missing values.
func TestAlphaRaggedRows(t *testing.T) {
	ragged := [][]float64{{1, 1}, {2, 3, 2}, {3}, {4, 4, 3}}
	padded := [][]float64{{1, 1, nan}, {2, 3, 2}, {3, nan, nan}, {4, 4, 3}}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		if got, want := mustAlpha(t, ragged, level), mustAlpha(t, padded, level); !approxEqual(got, want) {
			t.Errorf("%v: ragged = %.15f, padded = %.15f", level, got, want)
		}
	}
}

// TestAlphaDoesNotModifyInput guards callers that reuse their score matrix.
func TestAlphaDoesNotModifyInput(t *testing.T) {
	data := [][]float64{{3, 1, nan}, {2, 2, 1}}
	if _, err := Alpha(data, Ordinal); err != nil {
		t.Fatal(err)
	}
	if data[0][0] != 3 || data[0][1] != 1 || !math.IsNaN(data[0][2]) || data[1][2] != 1 {
		t.Errorf("input modified: %v", data)
	}
}

func mustAlpha(t *testing.T, data [][]float64, level Level) float64 {
	t.Helper()
	a, err := Alpha(data, level)
	if err != nil {
		t.Fatalf("Alpha(%v): %v", level, err)
	}
	return a
}

func approxEqual(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
