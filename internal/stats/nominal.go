package stats

import (
	"cmp"
	"slices"
)

// Gates (passes / fails) and recommendations (accept, revise, reject, …) are categories, so
// their agreement is nominal alpha. These helpers take what a database gives with GROUP BY: per
// practice, how many reviewers gave each answer; an n/a or unanswered review is simply not
// counted.

// CategoryCoincidences is the coincidence matrix of categorical answers, given per unit as
// counts (answer → reviewers who gave it), with the categories numbered 0, 1, … in ascending
// order (categories[i] is the answer numbered i), and the number of pairable units (two answers
// or more). Its cells feed AlphaFromCoincidences(cells, Nominal) and BootstrapAlpha.
func CategoryCoincidences[C cmp.Ordered](units []map[C]int) (cells []Coincidence, categories []C, pairableUnits int) {
	seen := map[C]bool{}
	for _, u := range units {
		for c, n := range u {
			if n > 0 && !seen[c] {
				seen[c] = true
				categories = append(categories, c)
			}
		}
	}
	slices.Sort(categories)
	index := make(map[C]float64, len(categories))
	for i, c := range categories {
		index[c] = float64(i)
	}
	matrix := map[[2]float64]float64{}
	for _, u := range units {
		counts := make(map[float64]int, len(u))
		m := 0
		for c, n := range u {
			if n > 0 {
				counts[index[c]] = n
				m += n
			}
		}
		if m >= 2 {
			pairableUnits++
			UnitCoincidences(counts, matrix)
		}
	}
	// Cells in a fixed order, so that sums over them do not depend on map iteration.
	for i := range categories {
		for k := range categories {
			if o := matrix[[2]float64{float64(i), float64(k)}]; o != 0 {
				cells = append(cells, Coincidence{C: float64(i), K: float64(k), O: o})
			}
		}
	}
	return cells, categories, pairableUnits
}

// NominalAlpha is Krippendorff's nominal alpha of categorical answers given per unit as counts
// (see CategoryCoincidences). Errors as Alpha.
func NominalAlpha[C cmp.Ordered](units []map[C]int) (float64, error) {
	cells, _, _ := CategoryCoincidences(units)
	return AlphaFromCoincidences(cells, Nominal)
}
