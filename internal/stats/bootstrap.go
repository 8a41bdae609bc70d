package stats

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Bootstrap summarises the distribution of alpha over resamples of the reliability data.
type Bootstrap struct {
	Estimate   float64    // alpha of the data themselves
	CI95       [2]float64 // 2.5th and 97.5th percentiles of the resampled alphas
	PBelow667  float64    // share of resampled alphas below TentativeAlpha (.667)
	Replicates int
}

// BootstrapConfig fixes the resampling. The zero value means DefaultReplicates and
// DefaultSeed: a fixed seed, so the same data always give the same interval.
type BootstrapConfig struct {
	Replicates int
	Seed       uint64
}

// Defaults of the bootstrap. MaxResampleSize bounds the work of one replicate; see resampleSize.
const (
	DefaultReplicates = 2000
	DefaultSeed       = 2007
	MaxResampleSize   = 1000
)

func (c BootstrapConfig) withDefaults() BootstrapConfig {
	if c.Replicates <= 0 {
		c.Replicates = DefaultReplicates
	}
	if c.Seed == 0 {
		c.Seed = DefaultSeed
	}
	return c
}

// resampleSize bounds the draws of a replicate. A replicate's statistic is a mean over its
// draws (of pairs, or of units), whose spread shrinks as 1/√size; when the data hold more than
// MaxResampleSize draws' worth, a replicate draws MaxResampleSize and its deviation from the
// estimate is shrunk by √(MaxResampleSize/size): the m-out-of-n bootstrap with its rescaling
// (Bickel, Götze & van Zwet, Statistica Sinica 7, 1997). It bounds a replicate's work whatever
// the round's size (2,000 replicates cost some 15–25 ms of CPU for 7,000 practices × 3 reviews),
// and the interval still narrows with every unit added.
func resampleSize(size int) (draws int, shrink float64) {
	if size <= MaxResampleSize {
		return size, 1
	}
	return MaxResampleSize, math.Sqrt(float64(MaxResampleSize) / float64(size))
}

// BootstrapAlpha is Krippendorff's bootstrap of alpha from a coincidence matrix (given as its
// non-zero cells, as for AlphaFromCoincidences) of reliability data with the given number of
// pairable units. It follows K. Krippendorff, "Algorithm for bootstrapping a distribution of
// cα" (2006, rev. 2011), the method of A. F. Hayes & K. Krippendorff, "Answering the call for a
// standard reliability measure for coding data", Communication Methods and Measures 1 (2007):
//
//   - the pairs of values are resampled, not the units: each draw is a pair (c, k) taken with
//     probability o_ck/n.. (c = k) or 2·o_ck/n.. (c < k) and costs its δ²_ck;
//   - a replicate draws M pairs, M = n..·(m̄ − 1)/2 with m̄ = n../units the mean number of values
//     per unit (Krippendorff's (m−1)·n../2, exact when every unit has m values), and gives
//     α* = 1 − mean(δ²)/D_e with the expected disagreement D_e of the data held fixed;
//   - replicates whose pairs all fall in one diagonal cell have no variation (α* = 0/0);
//     Krippendorff counts round(R·Σ_c (o_cc/n..)^M) of them as α* = 0, and so does this.
//
// Krippendorff caps M at a practical limit; here the cap is MaxResampleSize with the rescaling
// of resampleSize, so large rounds keep narrow intervals.
// Resampling pairs treats the pairs of a unit with three or more values as independent and holds
// D_e fixed, so the interval is narrower than a resampling of units gives, as Gwet (2015) and
// Zapf et al. (2016) point out; BootstrapAlphaOfUnits and BootstrapIntervalAlpha resample units.
//
// Errors as AlphaFromCoincidences; with an error the Bootstrap is zero.
func BootstrapAlpha(cells []Coincidence, level Level, units int, cfg BootstrapConfig) (Bootstrap, error) {
	if level < Nominal || level > Ratio {
		return Bootstrap{}, ErrUnknownLevel
	}
	cm := matrixOf(cells)
	estimate, err := cm.alpha(level)
	if err != nil {
		return Bootstrap{}, err
	}
	cfg = cfg.withDefaults()
	delta := cm.differenceFunc(level)
	n := cm.n
	var expected float64
	for c := range cm.values {
		for k := range cm.values {
			if c != k {
				expected += cm.marg[c] * cm.marg[k] * delta(c, k)
			}
		}
	}
	expected /= n * (n - 1)

	// Only a pair's δ² matters to a replicate, so pairs with equal δ² are drawn as one class.
	classes := map[float64]float64{}
	var diagonal []float64
	for c := range cm.values {
		for k := c; k < len(cm.values); k++ {
			p := cm.o[c][k] / n
			if c != k {
				p *= 2
			} else if p > 0 {
				diagonal = append(diagonal, p)
			}
			if p > 0 {
				classes[delta(c, k)] += p
			}
		}
	}
	costs := make([]float64, 0, len(classes))
	for d := range classes {
		costs = append(costs, d)
	}
	sort.Float64s(costs)
	weights := make([]float64, len(costs))
	for i, d := range costs {
		weights[i] = classes[d]
	}
	table := newAliasTable(weights)

	if units < 1 {
		units = 1
	}
	meanValues := n / float64(units)
	pairs := max(1, int(math.Round(n*(meanValues-1)/2)))
	draws, shrink := resampleSize(pairs)

	rng := rand.NewPCG(cfg.Seed, 0x6b72697070)
	alphas := make([]float64, cfg.Replicates)
	var perfect []int // replicates whose pairs all cost nothing
	for r := range alphas {
		var sum float64
		for range draws {
			// Vose's draw, written out so that the loop stays free of calls.
			u := rng.Uint64()
			i := uniformIndex(u, len(table.prob))
			if u&(1<<32-1) >= table.prob[i] {
				i = table.alias[i]
			}
			sum += costs[i]
		}
		a := 1 - sum/float64(draws)/expected
		if sum == 0 {
			perfect = append(perfect, r)
		}
		alphas[r] = estimate + (a-estimate)*shrink
	}
	// Krippendorff's correction for resamples without variation.
	var pNoVariation float64
	for _, p := range diagonal {
		pNoVariation += math.Pow(p, float64(draws))
	}
	undefined := min(len(perfect), int(math.Round(float64(cfg.Replicates)*pNoVariation)))
	for _, r := range perfect[:undefined] {
		alphas[r] = 0
	}
	return summarise(estimate, alphas), nil
}

// BootstrapIntervalAlpha is a bootstrap of interval alpha that resamples units (practices) with
// replacement from their moments, as IntervalAlpha takes them: each replicate draws as many
// pairable units as there are and recomputes alpha from their moments, expected disagreement
// included: the ordinary case-resampling bootstrap (B. Efron & R. J. Tibshirani, "An
// Introduction to the Bootstrap", 1993) with the practice as the case. Resampling units keeps
// the values of a unit together, which suits reviews (three reviews of one practice are not three
// independent pairs), and unlike Krippendorff's resampling of pairs it works from per-unit
// moments, which is all a round keeps of its weighted scores. Replicates without variation
// count as α* = 0, as in BootstrapAlpha; more units than MaxResampleSize are handled as in
// resampleSize.
//
// Errors as IntervalAlpha; with an error the Bootstrap is zero.
func BootstrapIntervalAlpha(units []Moments, cfg BootstrapConfig) (Bootstrap, error) {
	estimate, err := IntervalAlpha(units)
	if err != nil {
		return Bootstrap{}, err
	}
	cfg = cfg.withDefaults()
	// Per unit: m, m·d, SS + m·d² and m·SS/(m−1), with d the unit mean's deviation from the grand
	// mean, so that sums of resampled units give alpha without cancellation.
	type unitTerms struct{ m, md, total, observed float64 }
	var n, sum float64
	for _, u := range units {
		if u.N >= 2 {
			n += float64(u.N)
			sum += float64(u.N) * u.Mean
		}
	}
	grand := sum / n
	terms := make([]unitTerms, 0, len(units))
	for _, u := range units {
		if u.N < 2 {
			continue
		}
		m, d := float64(u.N), u.Mean-grand
		terms = append(terms, unitTerms{m: m, md: m * d, total: u.SS + m*d*d, observed: m * u.SS / (m - 1)})
	}
	draws, shrink := resampleSize(len(terms))
	rng := rand.NewPCG(cfg.Seed, 0x756e697473)
	alphas := make([]float64, cfg.Replicates)
	for r := range alphas {
		var m, md, total, observed float64
		for range draws {
			t := terms[uniformIndex(rng.Uint64(), len(terms))]
			m += t.m
			md += t.md
			total += t.total
			observed += t.observed
		}
		total -= md * md / m
		a := 0.0
		if total > 1e-12*m {
			a = 1 - (m-1)/m*observed/total
		}
		alphas[r] = estimate + (a-estimate)*shrink
	}
	return summarise(estimate, alphas), nil
}

// summarise sorts the replicates and reads the 95 % percentile interval (linear interpolation
// between order statistics) and the share below TentativeAlpha.
func summarise(estimate float64, alphas []float64) Bootstrap {
	sort.Float64s(alphas)
	below := sort.SearchFloat64s(alphas, TentativeAlpha)
	return Bootstrap{
		Estimate:   estimate,
		CI95:       [2]float64{quantileOfSorted(alphas, 0.025), quantileOfSorted(alphas, 0.975)},
		PBelow667:  float64(below) / float64(len(alphas)),
		Replicates: len(alphas),
	}
}

func quantileOfSorted(xs []float64, q float64) float64 {
	h := q * float64(len(xs)-1)
	i := int(h)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-float64(i))*(xs[i+1]-xs[i])
}

// aliasTable draws an index with given weights in constant time (Vose's alias method,
// "A linear algorithm for generating random numbers with a given distribution", IEEE TSE 1991).
type aliasTable struct {
	prob  []uint64 // accept column i when the low 32 bits of a draw are below prob[i]
	alias []int
}

func newAliasTable(weights []float64) aliasTable {
	k := len(weights)
	var total float64
	for _, w := range weights {
		total += w
	}
	scaled := make([]float64, k)
	var small, large []int
	for i, w := range weights {
		scaled[i] = w / total * float64(k)
		if scaled[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	t := aliasTable{prob: make([]uint64, k), alias: make([]int, k)}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t.prob[s] = uint64(scaled[s] * (1 << 32))
		t.alias[s] = l
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		t.prob[i] = 1 << 32 // rounding leftovers: always accept
		t.alias[i] = i
	}
	return t
}

// uniformIndex maps the high 32 bits of u to 0..k−1 (Lemire's multiply-shift; the bias is below
// k/2³², nothing next to the bootstrap's own error).
func uniformIndex(u uint64, k int) int {
	return int((u >> 32) * uint64(k) >> 32)
}

// UnitKind is one multiset of values that units received (NaN for a missing value) and how many
// units received exactly it: the "kinds" a database groups per-practice answers into, so that a
// round of thousands of practices comes as a few hundred kinds.
type UnitKind struct {
	Values []float64
	Units  int
}

// BootstrapAlphaOfUnits is the bootstrap of alpha at any level that resamples units with
// replacement (the case-resampling bootstrap of Efron & Tibshirani, as BootstrapIntervalAlpha),
// from the kinds of units: each replicate draws as many units as there are, rebuilds the
// coincidence matrix from them and recomputes alpha, expected disagreement and ordinal ranks
// included. Unlike Krippendorff's resampling of pairs it keeps a unit's values together, which
// Gwet (2015) and Zapf et al. (BMC Medical Research Methodology 16:93, 2016) found necessary for
// intervals that hold their coverage; it needs the kinds rather than the matrix alone. Units with
// fewer than two values are left out; replicates without variation count as α* = 0; more units
// than MaxResampleSize are handled as in resampleSize.
//
// Errors as Alpha; with an error the Bootstrap is zero.
func BootstrapAlphaOfUnits(kinds []UnitKind, level Level, cfg BootstrapConfig) (Bootstrap, error) {
	if level < Nominal || level > Ratio {
		return Bootstrap{}, ErrUnknownLevel
	}
	// Each kind's contribution to the coincidence matrix, as sparse cells over the value indices.
	type cell struct {
		c, k int
		o    float64
	}
	var units [][]float64
	var weights []float64
	for _, kind := range kinds {
		var unit []float64
		for _, v := range kind.Values {
			if !math.IsNaN(v) {
				unit = append(unit, v)
			}
		}
		if len(unit) >= 2 && kind.Units > 0 {
			units = append(units, unit)
			weights = append(weights, float64(kind.Units))
		}
	}
	values := distinctSorted(units)
	cm, index := emptyCoincidences(values)
	contributions := make([][]cell, len(units))
	total := 0
	for i, unit := range units {
		one, _ := emptyCoincidences(values)
		one.addUnit(unit, index)
		for c := range one.o {
			for k, o := range one.o[c] {
				if o != 0 {
					contributions[i] = append(contributions[i], cell{c, k, o})
				}
			}
		}
		total += int(weights[i])
	}
	fill := func(counts []float64) {
		for c := range cm.o {
			clear(cm.o[c])
		}
		clear(cm.marg)
		cm.n = 0
		for i, cells := range contributions {
			if counts[i] == 0 {
				continue
			}
			for _, x := range cells {
				cm.o[x.c][x.k] += counts[i] * x.o
			}
		}
		for c := range cm.o {
			for k := range cm.o[c] {
				cm.marg[c] += cm.o[c][k]
			}
			cm.n += cm.marg[c]
		}
	}
	fill(weights)
	estimate, err := cm.alpha(level)
	if err != nil {
		return Bootstrap{}, err
	}
	cfg = cfg.withDefaults()
	draws, shrink := resampleSize(total)
	table := newAliasTable(weights)
	rng := rand.NewPCG(cfg.Seed, 0x6b696e6473)
	counts := make([]float64, len(units))
	alphas := make([]float64, cfg.Replicates)
	for r := range alphas {
		clear(counts)
		for range draws {
			u := rng.Uint64()
			i := uniformIndex(u, len(table.prob))
			if u&(1<<32-1) >= table.prob[i] {
				i = table.alias[i]
			}
			counts[i]++
		}
		fill(counts)
		a, err := cm.alpha(level)
		if err != nil {
			a = 0
		}
		alphas[r] = estimate + (a-estimate)*shrink
	}
	return summarise(estimate, alphas), nil
}
