package stats

import (
	"math"
	"sort"
)

// Alpha does not depend on which coder gave which value, only on the values each unit received.
// The functions here compute it from per-unit aggregates that a database can build with GROUP BY,
// so a round's agreement never needs a units × coders matrix.

// Moments summarises the values one unit received: how many, their mean and their sum of squared
// deviations from that mean (Σ(v − mean)², which a database gives as var_samp × (N − 1)).
type Moments struct {
	N    int
	Mean float64
	SS   float64
}

// MomentsOf summarises a unit's values; NaN marks a missing value.
func MomentsOf(values []float64) Moments {
	var m Moments
	var sum float64
	for _, v := range values {
		if !math.IsNaN(v) {
			m.N++
			sum += v
		}
	}
	if m.N == 0 {
		return m
	}
	m.Mean = sum / float64(m.N)
	for _, v := range values {
		if !math.IsNaN(v) {
			d := v - m.Mean
			m.SS += d * d
		}
	}
	return m
}

// IntervalAlpha is Krippendorff's interval alpha computed from per-unit moments; it equals
// Alpha(data, Interval) for the same values. Units with fewer than two values are left out.
//
// With δ²(c, k) = (c − k)², the observed disagreement of a unit is Σ_{i≠j}(v_i − v_j)²/(m−1) =
// 2·m·SS/(m−1), and the expected one over all n pairable values is 2·n·Σ(v − mean)², so
//
//	alpha = 1 − (n−1)/n · Σ_u m_u·SS_u/(m_u−1) / Σ_u (SS_u + m_u·(mean_u − mean)²)
//
// Errors as Alpha: ErrNoPairableValues, ErrNoVariation.
func IntervalAlpha(units []Moments) (float64, error) {
	var n, sum float64
	for _, u := range units {
		if u.N >= 2 {
			n += float64(u.N)
			sum += float64(u.N) * u.Mean
		}
	}
	if n < 2 {
		return math.NaN(), ErrNoPairableValues
	}
	mean := sum / n
	var observed, total float64
	for _, u := range units {
		if u.N < 2 {
			continue
		}
		m := float64(u.N)
		observed += m * u.SS / (m - 1)
		d := u.Mean - mean
		total += u.SS + m*d*d
	}
	if total == 0 {
		return math.NaN(), ErrNoVariation
	}
	return 1 - (n-1)/n*observed/total, nil
}

// Coincidence is one cell of a coincidence matrix: o_ck, the weighted count of pairs (C, K) of
// values from different coders within a unit. A unit with m_u values, n_uc of them equal to c,
// adds n_uc·n_uk/(m_u−1) to the cell (c, k) for c ≠ k and n_uc·(n_uc−1)/(m_u−1) to (c, c).
type Coincidence struct {
	C, K float64
	O    float64
}

// UnitCoincidences adds one unit's value counts (value → how many coders gave it) to cells, as the
// SQL that builds a coincidence matrix does; units with fewer than two values add nothing.
func UnitCoincidences(counts map[float64]int, cells map[[2]float64]float64) {
	m := 0
	for _, n := range counts {
		m += n
	}
	if m < 2 {
		return
	}
	w := 1 / float64(m-1)
	for c, nc := range counts {
		for k, nk := range counts {
			pairs := float64(nc * nk)
			if c == k {
				pairs = float64(nc * (nc - 1))
			}
			if pairs != 0 {
				cells[[2]float64{c, k}] += pairs * w
			}
		}
	}
}

// AlphaFromCoincidences is Krippendorff's alpha computed from a coincidence matrix given as its
// non-zero cells (each ordered pair once; the matrix is symmetric). It equals Alpha(data, level)
// for the reliability data the matrix was built from. Errors as Alpha.
func AlphaFromCoincidences(cells []Coincidence, level Level) (float64, error) {
	if level < Nominal || level > Ratio {
		return math.NaN(), ErrUnknownLevel
	}
	return matrixOf(cells).alpha(level)
}

// matrixOf assembles a coincidence matrix, marginals included, from its non-zero cells.
func matrixOf(cells []Coincidence) *coincidences {
	seen := map[float64]bool{}
	var values []float64
	for _, c := range cells {
		for _, v := range [2]float64{c.C, c.K} {
			if !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
	}
	sort.Float64s(values)
	cm, index := emptyCoincidences(values)
	for _, c := range cells {
		cm.o[index[c.C]][index[c.K]] += c.O
	}
	for c := range cm.o {
		for k := range cm.o[c] {
			cm.marg[c] += cm.o[c][k]
		}
		cm.n += cm.marg[c]
	}
	return cm
}

// alpha applies the coincidence-matrix formula; shared by Alpha and AlphaFromCoincidences.
func (cm *coincidences) alpha(level Level) (float64, error) {
	if cm.n < 2 {
		return math.NaN(), ErrNoPairableValues
	}
	delta := cm.differenceFunc(level)
	var observed, expected float64
	for c := range cm.values {
		for k := range cm.values {
			if c == k {
				continue // δ²_cc is zero at every level
			}
			d := delta(c, k)
			observed += cm.o[c][k] * d
			expected += cm.marg[c] * cm.marg[k] * d
		}
	}
	if expected == 0 {
		return math.NaN(), ErrNoVariation
	}
	return 1 - (cm.n-1)*observed/expected, nil
}
