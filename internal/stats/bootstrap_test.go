package stats

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// modelData is units × coders whose values are a unit's true level plus coder noise, on levels
// 1..5 (rounded, clamped): noise 0 gives perfect agreement, large noise almost none.
func modelData(rng *rand.Rand, units, coders int, noise float64) [][]float64 {
	data := make([][]float64, units)
	for i := range data {
		truth := 1 + rng.Float64()*4
		data[i] = make([]float64, coders)
		for j := range data[i] {
			v := math.Round(truth + rng.NormFloat64()*noise)
			data[i][j] = math.Max(1, math.Min(5, v))
		}
	}
	return data
}

// bootstrapBoth runs both bootstraps of interval alpha on the same data.
func bootstrapBoth(t *testing.T, data [][]float64) (pairs, units Bootstrap, alpha float64) {
	t.Helper()
	moments, cells := fromUnits(data)
	pu, _ := PairableOfMoments(moments)
	var err error
	if pairs, err = BootstrapAlpha(cells, Interval, pu, BootstrapConfig{}); err != nil {
		t.Fatalf("BootstrapAlpha: %v", err)
	}
	if units, err = BootstrapIntervalAlpha(moments, BootstrapConfig{}); err != nil {
		t.Fatalf("BootstrapIntervalAlpha: %v", err)
	}
	return pairs, units, mustAlpha(t, data, Interval)
}

func TestBootstrapDeterministic(t *testing.T) {
	moments, cells := fromUnits(krippendorffC)
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		a, _ := BootstrapAlpha(cells, level, 11, BootstrapConfig{})
		b, _ := BootstrapAlpha(cells, level, 11, BootstrapConfig{Replicates: DefaultReplicates, Seed: DefaultSeed})
		if a != b {
			t.Errorf("%v: same data and seed gave %+v and %+v", level, a, b)
		}
		if c, _ := BootstrapAlpha(cells, level, 11, BootstrapConfig{Seed: 99}); c == a {
			t.Errorf("%v: another seed gave the very same %+v", level, c)
		}
	}
	a, _ := BootstrapIntervalAlpha(moments, BootstrapConfig{})
	b, _ := BootstrapIntervalAlpha(moments, BootstrapConfig{})
	if a != b || a.Replicates != DefaultReplicates {
		t.Errorf("units: %+v then %+v", a, b)
	}
}

// TestBootstrapContainsEstimate: for typical data the interval holds the point estimate, at
// every level and for both resamplings.
func TestBootstrapContainsEstimate(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	sets := map[string][][]float64{
		"Krippendorff section C": krippendorffC,
		"model, 40 × 3":          modelData(rng, 40, 3, 0.6),
		"model, 300 × 2":         modelData(rng, 300, 2, 0.8),
		"random, 200 × 3":        randomData(rng, 200, 3, 5),
		"weighted scores":        randomData(rng, 150, 3, 0),
	}
	for name, data := range sets {
		moments, cells := fromUnits(data)
		pu, _ := PairableOfMoments(moments)
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			alpha := mustAlpha(t, data, level)
			b, err := BootstrapAlpha(cells, level, pu, BootstrapConfig{})
			if err != nil || !(b.CI95[0] <= alpha && alpha <= b.CI95[1]) {
				t.Errorf("%s %v: alpha %.3f outside %v (%v)", name, level, alpha, b.CI95, err)
			}
		}
		alpha := mustAlpha(t, data, Interval)
		b, err := BootstrapIntervalAlpha(moments, BootstrapConfig{})
		if err != nil || !(b.CI95[0] <= alpha && alpha <= b.CI95[1]) {
			t.Errorf("%s units: alpha %.3f outside %v (%v)", name, alpha, b.CI95, err)
		}
	}
}

// TestBootstrapNarrowsWithUnits: the same agreement measured on ten times the units gives a
// clearly narrower interval, also beyond MaxResampleSize.
func TestBootstrapNarrowsWithUnits(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	width := func(b Bootstrap) float64 { return b.CI95[1] - b.CI95[0] }
	var lastPairs, lastUnits float64 = math.Inf(1), math.Inf(1)
	for _, units := range []int{30, 300, 3000, 30000} {
		pairs, byUnits, _ := bootstrapBoth(t, modelData(rng, units, 3, 0.7))
		if w := width(pairs); !(w < lastPairs/2) {
			t.Errorf("%d units: pair interval width %.4f, not under half of %.4f", units, w, lastPairs)
		} else {
			lastPairs = w
		}
		if w := width(byUnits); !(w < lastUnits/2) {
			t.Errorf("%d units: unit interval width %.4f, not under half of %.4f", units, w, lastUnits)
		} else {
			lastUnits = w
		}
	}
}

// TestBootstrapBelowTentative: P(α < .667) is about 0 for near-perfect agreement, about 1 for
// coders who ignore the units, and in between when alpha sits at .667 on few units.
func TestBootstrapBelowTentative(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	tests := []struct {
		name   string
		data   [][]float64
		lo, hi float64
	}{
		{"near-perfect agreement", modelData(rng, 60, 3, 0.15), 0, 0.01},
		{"no agreement", randomData(rng, 60, 3, 5), 0.99, 1},
	}
	for _, tt := range tests {
		pairs, units, alpha := bootstrapBoth(t, tt.data)
		for name, b := range map[string]Bootstrap{"pairs": pairs, "units": units} {
			if b.PBelow667 < tt.lo || b.PBelow667 > tt.hi {
				t.Errorf("%s (α = %.3f) %s: p_below_667 = %.3f, want in [%v, %v]", tt.name, alpha, name, b.PBelow667, tt.lo, tt.hi)
			}
		}
	}
}

// TestBootstrapResamplingsAgree: with two values per unit a pair is a unit, so Krippendorff's
// resampling of pairs and the resampling of units should give about the same interval.
func TestBootstrapResamplingsAgree(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	pairs, units, _ := bootstrapBoth(t, modelData(rng, 400, 2, 0.8))
	for i := range 2 {
		if math.Abs(pairs.CI95[i]-units.CI95[i]) > 0.03 {
			t.Errorf("bound %d: pairs %.4f, units %.4f", i, pairs.CI95[i], units.CI95[i])
		}
	}
}

func TestBootstrapUndefined(t *testing.T) {
	moments, cells := fromUnits([][]float64{{3, 3}, {3, 3, 3}})
	if b, err := BootstrapAlpha(cells, Ordinal, 2, BootstrapConfig{}); err != ErrNoVariation || b != (Bootstrap{}) {
		t.Errorf("BootstrapAlpha = %+v, %v; want ErrNoVariation", b, err)
	}
	if _, err := BootstrapIntervalAlpha(moments, BootstrapConfig{}); err != ErrNoVariation {
		t.Errorf("BootstrapIntervalAlpha error = %v, want ErrNoVariation", err)
	}
	if _, err := BootstrapAlpha(nil, Nominal, 0, BootstrapConfig{}); err != ErrNoPairableValues {
		t.Errorf("no data: error = %v", err)
	}
	if _, err := BootstrapAlpha(cells, Level(7), 2, BootstrapConfig{}); err != ErrUnknownLevel {
		t.Errorf("unknown level: error = %v", err)
	}
}

// TestBootstrapNoVariationCorrection: on two units that agree perfectly on different values,
// most resamples of two pairs hold one value only; Krippendorff's correction counts about
// Σ p_cc^M of the replicates as α = 0 instead of 1.
func TestBootstrapNoVariationCorrection(t *testing.T) {
	_, cells := fromUnits([][]float64{{1, 1}, {2, 2}, {1, 1}, {2, 2}})
	b, err := BootstrapAlpha(cells, Nominal, 4, BootstrapConfig{})
	if err != nil {
		t.Fatal(err)
	}
	// M = 4 pairs, p_11 = p_22 = ½: a share 2·(½)⁴ = 1/8 of the replicates reads 0, the rest 1.
	if b.CI95 != [2]float64{0, 1} || b.PBelow667 != 0.125 {
		t.Errorf("got %+v, want CI [0, 1] and p_below_667 0.125", b)
	}
}

// kindsOf groups units × coders into kinds: each distinct multiset of values with its count.
func kindsOf(data [][]float64) []UnitKind {
	var kinds []UnitKind
	index := map[string]int{}
	for _, row := range data {
		var vs []float64
		for _, v := range row {
			if !math.IsNaN(v) {
				vs = append(vs, v)
			}
		}
		slices.Sort(vs)
		key := fmt.Sprint(vs)
		if i, ok := index[key]; ok {
			kinds[i].Units++
			continue
		}
		index[key] = len(kinds)
		kinds = append(kinds, UnitKind{Values: vs, Units: 1})
	}
	return kinds
}

// TestBootstrapOfUnits: resampling units from their kinds holds the estimate at every level, is
// deterministic, and at the interval level gives about the interval of the resampling of
// units from moments (the same bootstrap from another aggregate).
func TestBootstrapOfUnits(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	sets := map[string][][]float64{
		"Krippendorff section C": krippendorffC,
		"model, 400 × 3":         modelData(rng, 400, 3, 0.7),
		"model, 5,000 × 3":       modelData(rng, 5000, 3, 0.7),
	}
	for name, data := range sets {
		kinds := kindsOf(data)
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			alpha := mustAlpha(t, data, level)
			b, err := BootstrapAlphaOfUnits(kinds, level, BootstrapConfig{})
			if err != nil || !(b.CI95[0] <= alpha && alpha <= b.CI95[1]) {
				t.Errorf("%s %v: alpha %.3f outside %v (%v)", name, level, alpha, b.CI95, err)
			}
			if again, _ := BootstrapAlphaOfUnits(kinds, level, BootstrapConfig{}); again != b {
				t.Errorf("%s %v: %+v then %+v", name, level, b, again)
			}
		}
		if len(data) < 100 {
			continue
		}
		moments, _ := fromUnits(data)
		byKinds, _ := BootstrapAlphaOfUnits(kinds, Interval, BootstrapConfig{})
		byMoments, _ := BootstrapIntervalAlpha(moments, BootstrapConfig{})
		for i := range 2 {
			if d := math.Abs(byKinds.CI95[i] - byMoments.CI95[i]); d > 0.2*(byMoments.CI95[1]-byMoments.CI95[0]) {
				t.Errorf("%s bound %d: kinds %.4f, moments %.4f", name, i, byKinds.CI95[i], byMoments.CI95[i])
			}
		}
	}
	if _, err := BootstrapAlphaOfUnits([]UnitKind{{Values: []float64{2, 2}, Units: 9}, {Values: []float64{2, nan}, Units: 3}}, Ordinal, BootstrapConfig{}); err != ErrNoVariation {
		t.Errorf("no variation: error %v", err)
	}
	if _, err := BootstrapAlphaOfUnits(nil, Level(8), BootstrapConfig{}); err != ErrUnknownLevel {
		t.Errorf("unknown level: error %v", err)
	}
}

// BenchmarkBootstrapRound is a round of 7,000 practices with three reviews each.
func BenchmarkBootstrapRound(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	data := modelData(rng, 7000, 3, 0.7)
	scores := randomData(rng, 7000, 3, 0)
	_, cells := fromUnits(data)
	moments, _ := fromUnits(scores)
	b.Run("pairs, ordinal", func(b *testing.B) {
		for b.Loop() {
			BootstrapAlpha(cells, Ordinal, 7000, BootstrapConfig{})
		}
	})
	kinds := kindsOf(data)
	b.Run("unit kinds, ordinal", func(b *testing.B) {
		for b.Loop() {
			BootstrapAlphaOfUnits(kinds, Ordinal, BootstrapConfig{})
		}
	})
	b.Run("units, interval", func(b *testing.B) {
		for b.Loop() {
			BootstrapIntervalAlpha(moments, BootstrapConfig{})
		}
	})
}
