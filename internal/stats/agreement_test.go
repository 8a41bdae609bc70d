package stats

import (
	"math"
	"testing"
)

func TestAgreementOf(t *testing.T) {
	moments, cells := fromUnits(krippendorffC)
	ordinal := AgreementOfCoincidences(cells, Ordinal, 11, BootstrapConfig{})
	// Krippendorff (2011) section C: ordinal α = 0.815 on 11 pairable units, 40 values.
	if round3(ordinal.Alpha) != 0.815 || ordinal.Units != 11 || ordinal.PairableValues != 40 || ordinal.Reading != ReadingGood {
		t.Errorf("ordinal: %+v", ordinal)
	}
	if !(ordinal.CI95[0] < ordinal.Alpha && ordinal.Alpha < ordinal.CI95[1]) || ordinal.PBelow667 <= 0 || ordinal.PBelow667 >= 0.5 {
		t.Errorf("ordinal interval %v, p_below_667 %v", ordinal.CI95, ordinal.PBelow667)
	}
	interval := AgreementOfMoments(moments, BootstrapConfig{})
	if round3(interval.Alpha) != 0.849 || interval.Units != 11 || interval.PairableValues != 40 || interval.Reading != ReadingGood {
		t.Errorf("interval: %+v", interval)
	}

	_, same := fromUnits([][]float64{{3, 3}, {3, 3}})
	none := AgreementOfCoincidences(same, Ordinal, 2, BootstrapConfig{})
	if none.Reading != ReadingNoVariation || !math.IsNaN(none.Alpha) || !math.IsNaN(none.CI95[0]) || !math.IsNaN(none.PBelow667) {
		t.Errorf("no variation: %+v", none)
	}
	one := AgreementOfMoments([]Moments{MomentsOf([]float64{2, 3})}, BootstrapConfig{})
	if one.Reading != ReadingTooFewUnits || one.Alpha != 0 {
		t.Errorf("one practice one level apart: %+v", one)
	}

	kinds := AgreementOfUnitKinds(kindsOf(krippendorffC), Ordinal, BootstrapConfig{})
	if kinds.Alpha != ordinal.Alpha && math.Abs(kinds.Alpha-ordinal.Alpha) > 1e-12 || kinds.Units != 11 || kinds.PairableValues != 40 || kinds.Reading != ReadingGood {
		t.Errorf("kinds: %+v, want alpha %v", kinds, ordinal.Alpha)
	}
	if k := AgreementOfUnitKinds([]UnitKind{{Values: []float64{3, 3}, Units: 4}}, Nominal, BootstrapConfig{}); k.Reading != ReadingNoVariation || !math.IsNaN(k.Alpha) {
		t.Errorf("kinds without variation: %+v", k)
	}
}
