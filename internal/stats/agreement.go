package stats

import "math"

// Agreement is one agreement figure of a round as SPEC §7.3 reports it: alpha, the amount of data
// behind it, its bootstrap interval, P(α < .667) and its reading. Alpha, CI95 and PBelow667 are
// NaN where alpha is undefined (no variation, no pairable values).
type Agreement struct {
	Alpha          float64
	Units          int // pairable units
	PairableValues int
	CI95           [2]float64
	PBelow667      float64
	Reading        Reading
}

// AgreementOfCoincidences is the agreement of a coincidence matrix at a level (ordinal for
// criteria, nominal for gates and recommendations) over the given number of pairable units, with
// Krippendorff's bootstrap (BootstrapAlpha).
func AgreementOfCoincidences(cells []Coincidence, level Level, units int, cfg BootstrapConfig) Agreement {
	alpha, err := AlphaFromCoincidences(cells, level)
	a := Agreement{Alpha: alpha, Units: units, PairableValues: PairableValuesOfCoincidences(cells)}
	a.Reading = ReadingOf(alpha, err, a.Units, a.PairableValues)
	if err != nil {
		return a.undefined()
	}
	b, _ := BootstrapAlpha(cells, level, units, cfg)
	a.CI95, a.PBelow667 = b.CI95, b.PBelow667
	return a
}

// AgreementOfMoments is the interval agreement of the weighted scores from per-practice
// moments, with the bootstrap that resamples practices (BootstrapIntervalAlpha).
func AgreementOfMoments(units []Moments, cfg BootstrapConfig) Agreement {
	alpha, err := IntervalAlpha(units)
	a := Agreement{Alpha: alpha}
	a.Units, a.PairableValues = PairableOfMoments(units)
	a.Reading = ReadingOf(alpha, err, a.Units, a.PairableValues)
	if err != nil {
		return a.undefined()
	}
	b, _ := BootstrapIntervalAlpha(units, cfg)
	a.CI95, a.PBelow667 = b.CI95, b.PBelow667
	return a
}

func (a Agreement) undefined() Agreement {
	a.Alpha, a.PBelow667 = math.NaN(), math.NaN()
	a.CI95 = [2]float64{math.NaN(), math.NaN()}
	return a
}

// AgreementOfUnitKinds is the agreement at a level of units given as kinds (distinct multisets
// of values with their counts), with the bootstrap that resamples units (BootstrapAlphaOfUnits).
func AgreementOfUnitKinds(kinds []UnitKind, level Level, cfg BootstrapConfig) Agreement {
	var a Agreement
	for _, kind := range kinds {
		m := 0
		for _, v := range kind.Values {
			if !math.IsNaN(v) {
				m++
			}
		}
		if m >= 2 && kind.Units > 0 {
			a.Units += kind.Units
			a.PairableValues += m * kind.Units
		}
	}
	b, err := BootstrapAlphaOfUnits(kinds, level, cfg)
	a.Alpha = b.Estimate
	a.Reading = ReadingOf(b.Estimate, err, a.Units, a.PairableValues)
	if err != nil {
		return a.undefined()
	}
	a.CI95, a.PBelow667 = b.CI95, b.PBelow667
	return a
}
