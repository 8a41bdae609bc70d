package stats

import (
	"errors"
	"math"
	"sort"
)

// Level is the metric of the values being compared.
type Level int

// Levels of measurement supported by Alpha. Each selects the difference
// function δ² used to weigh a disagreement between two values.
const (
	Nominal Level = iota
	Ordinal
	Interval
	Ratio
)

// String returns the lower-case name of the level.
func (l Level) String() string {
	switch l {
	case Nominal:
		return "nominal"
	case Ordinal:
		return "ordinal"
	case Interval:
		return "interval"
	case Ratio:
		return "ratio"
	default:
		return "unknown"
	}
}

var (
	// ErrNoPairableValues means fewer than two values sit in units that
	// have at least two values, so no disagreement can be observed.
	ErrNoPairableValues = errors.New("stats: fewer than two pairable values")
	// ErrNoVariation means all pairable values are equal; the expected
	// disagreement is zero and alpha is undefined (0/0).
	ErrNoVariation = errors.New("stats: no variation in pairable values")
	// ErrUnknownLevel means the level is not one of the defined constants.
	ErrUnknownLevel = errors.New("stats: unknown level of measurement")
)

// Alpha computes Krippendorff's alpha for reliability data given as units × coders; math.NaN() marks a missing value.
// Units with fewer than two values are not pairable and are left out, exactly as Krippendorff defines.
// It returns ErrNoPairableValues when fewer than two pairable values remain (or no unit has two values),
// and ErrNoVariation when the expected disagreement is zero (all pairable values equal); alpha is then undefined.
//
// The computation follows the coincidence-matrix formulation of
// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011):
//
//	alpha = 1 − (n−1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
//
// Rows may have different lengths; a missing cell and a NaN are the same.
// Infinite values are not meaningful and should not be passed.
func Alpha(data [][]float64, level Level) (float64, error) {
	if level < Nominal || level > Ratio {
		return math.NaN(), ErrUnknownLevel
	}
	return newCoincidences(data).alpha(level)
}

// coincidences is the coincidence matrix of the pairable values, indexed by
// the position of each distinct value in ascending order.
type coincidences struct {
	values []float64   // distinct pairable values, ascending
	o      [][]float64 // o[c][k]: coincidences of values[c] with values[k]
	marg   []float64   // n_c: row sums of o, i.e. pairable count of values[c]
	n      float64     // total number of pairable values
}

// emptyCoincidences is a zero matrix over the sorted distinct values, with each value's index.
func emptyCoincidences(values []float64) (*coincidences, map[float64]int) {
	index := make(map[float64]int, len(values))
	for i, v := range values {
		index[v] = i
	}
	cm := &coincidences{values: values, o: make([][]float64, len(values)), marg: make([]float64, len(values))}
	for i := range cm.o {
		cm.o[i] = make([]float64, len(values))
	}
	return cm, index
}

func newCoincidences(data [][]float64) *coincidences {
	units := pairableUnits(data)
	cm, index := emptyCoincidences(distinctSorted(units))
	for _, unit := range units {
		cm.addUnit(unit, index)
	}
	for c := range cm.o {
		for k := range cm.o[c] {
			cm.marg[c] += cm.o[c][k]
		}
		cm.n += cm.marg[c]
	}
	return cm
}

// addUnit adds every ordered pair of values from different coders, each
// weighted 1/(m_u−1), so that a unit contributes exactly m_u to n.
func (cm *coincidences) addUnit(unit []float64, index map[float64]int) {
	w := 1 / float64(len(unit)-1)
	for i, a := range unit {
		for j, b := range unit {
			if i != j {
				cm.o[index[a]][index[b]] += w
			}
		}
	}
}

// pairableUnits drops missing values and keeps only units left with at least
// two values; lone values cannot be compared and do not count towards n.
func pairableUnits(data [][]float64) [][]float64 {
	var units [][]float64
	for _, row := range data {
		var unit []float64
		for _, v := range row {
			if !math.IsNaN(v) {
				unit = append(unit, v)
			}
		}
		if len(unit) >= 2 {
			units = append(units, unit)
		}
	}
	return units
}

func distinctSorted(units [][]float64) []float64 {
	seen := make(map[float64]bool)
	var values []float64
	for _, unit := range units {
		for _, v := range unit {
			if !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
	}
	sort.Float64s(values)
	return values
}

// differenceFunc returns δ²(c, k) for value indices c and k at the level.
func (cm *coincidences) differenceFunc(level Level) func(c, k int) float64 {
	switch level {
	case Ordinal:
		return cm.ordinalDelta
	case Interval:
		return func(c, k int) float64 {
			d := cm.values[c] - cm.values[k]
			return d * d
		}
	case Ratio:
		return func(c, k int) float64 {
			a, b := cm.values[c], cm.values[k]
			if a+b == 0 {
				// Ratio values are non-negative, so this means both are zero.
				return 0
			}
			d := (a - b) / (a + b)
			return d * d
		}
	default:
		return func(c, k int) float64 {
			if c == k {
				return 0
			}
			return 1
		}
	}
}

// ordinalDelta uses the marginals rather than the values themselves: the
// distance between two ranks is the number of pairable values between them,
// counting the two end categories as half each.
func (cm *coincidences) ordinalDelta(c, k int) float64 {
	if c > k {
		c, k = k, c
	}
	var sum float64
	for g := c; g <= k; g++ {
		sum += cm.marg[g]
	}
	d := sum - (cm.marg[c]+cm.marg[k])/2
	return d * d
}
