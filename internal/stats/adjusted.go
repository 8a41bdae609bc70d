package stats

import "math"

// Rating is one reviewer's score of one practice; a NaN score (no score) is left out.
type Rating[P, R comparable] struct {
	Practice P
	Reviewer R
	Score    float64
}

// AdjustedScore is a practice's plain mean score and its reviewer-adjusted score.
type AdjustedScore[P comparable] struct {
	Practice P
	Reviews  int
	Mean     float64 // plain mean of its reviews' scores
	Adjusted float64 // practice effect of the additive model: the score an average reviewer gives
}

// ReviewerAdjustedScores fits the additive model score = practice effect + reviewer effect +
// error by least squares (SPEC §7.3) and returns, per practice in order of first appearance, the
// plain mean and the practice effect, with each reviewer's effect (negative for a severe
// reviewer, positive for a lenient one).
//
// A practice's effect is the mean of its scores less their reviewers' effects; with that
// substituted, the normal equations of the reviewer effects are a sparse symmetric positive
// semi-definite system (a graph Laplacian of the reviewers, singular along each connected
// group), solved by conjugate gradients (Hestenes & Stiefel 1952), which reach the least-squares
// fit in at most as many steps as there are reviewers (20 for 7,000 practices × 3 of 500
// reviewers drawn at random, 150 for a chain of 150 practices); alternating means (backfitting)
// reach the same fit but crawl on weakly connected designs such as that chain.
//
// Effects are comparable only among practices and reviewers connected through shared reviews;
// within each connected group the reviewer effects are centred to a review-weighted mean of zero,
// so the group's review-weighted mean of adjusted scores equals its mean raw score. A practice
// whose reviewers review nothing else keeps its plain mean, and when every reviewer scores
// every practice the adjusted scores are the plain means.
func ReviewerAdjustedScores[P, R comparable](ratings []Rating[P, R]) ([]AdjustedScore[P], map[R]float64) {
	practiceIndex, reviewerIndex := map[P]int{}, map[R]int{}
	var practices []P
	var reviewers []R
	type observation struct {
		p, r  int
		score float64
	}
	var obs []observation
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range ratings {
		if math.IsNaN(x.Score) {
			continue
		}
		p, ok := practiceIndex[x.Practice]
		if !ok {
			p = len(practices)
			practiceIndex[x.Practice] = p
			practices = append(practices, x.Practice)
		}
		r, ok := reviewerIndex[x.Reviewer]
		if !ok {
			r = len(reviewers)
			reviewerIndex[x.Reviewer] = r
			reviewers = append(reviewers, x.Reviewer)
		}
		obs = append(obs, observation{p, r, x.Score})
		lo, hi = math.Min(lo, x.Score), math.Max(hi, x.Score)
	}
	pCount, rCount := make([]float64, len(practices)), make([]float64, len(reviewers))
	pSum := make([]float64, len(practices))
	for _, o := range obs {
		pCount[o.p]++
		rCount[o.r]++
		pSum[o.p] += o.score
	}
	// Eliminating the practice effects, a_p = (S_p − Σ_{r of p} b_r)/n_p, leaves the reviewer
	// effects b to solve L·b = c with L = D_r − Bᵀ·D_p⁻¹·B (B counts reviews of practice p by
	// reviewer r, D the review counts): (L·v)_r = Σ_{reviews (p, r)} (v_r − t_p/n_p) with
	// t_p = Σ_{reviews (p, r')} v_r', and c_r = Σ_{reviews (p, r)} (y − S_p/n_p).
	t := make([]float64, len(practices))
	apply := func(v, out []float64) {
		clear(t)
		for _, o := range obs {
			t[o.p] += v[o.r]
		}
		clear(out)
		for _, o := range obs {
			out[o.r] += v[o.r] - t[o.p]/pCount[o.p]
		}
	}
	c := make([]float64, len(reviewers))
	for _, o := range obs {
		c[o.r] += o.score - pSum[o.p]/pCount[o.p]
	}
	reviewer := conjugateGradient(apply, c, math.Max(hi-lo, 1))
	practice := make([]float64, len(practices))
	for _, o := range obs {
		practice[o.p] += o.score - reviewer[o.r]
	}
	for p := range practice {
		practice[p] /= pCount[p]
	}

	// Centre the reviewer effects within each connected group (union–find over practices, with
	// reviewers numbered after them).
	parent := make([]int, len(practices)+len(reviewers))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, o := range obs {
		parent[find(o.p)] = find(len(practices) + o.r)
	}
	shift, weight := map[int]float64{}, map[int]float64{}
	for r := range reviewers {
		g := find(len(practices) + r)
		shift[g] += rCount[r] * reviewer[r]
		weight[g] += rCount[r]
	}
	for r := range reviewers {
		g := find(len(practices) + r)
		reviewer[r] -= shift[g] / weight[g]
	}
	out := make([]AdjustedScore[P], len(practices))
	for p := range practices {
		g := find(p)
		out[p] = AdjustedScore[P]{Practice: practices[p], Reviews: int(pCount[p]), Mean: pSum[p] / pCount[p],
			Adjusted: practice[p] + shift[g]/weight[g]}
	}
	effects := make(map[R]float64, len(reviewers))
	for r, id := range reviewers {
		effects[id] = reviewer[r]
	}
	return out, effects
}

// conjugateGradient solves A·x = b for a symmetric positive semi-definite A given as apply, from
// x = 0, to a residual below 1e-12 of scale·√len(b), or after 2·len(b) + 50 steps; b must lie in
// A's range (true of the normal equations), and so does every iterate.
func conjugateGradient(apply func(v, out []float64), b []float64, scale float64) []float64 {
	x := make([]float64, len(b))
	r := append([]float64(nil), b...)
	d := append([]float64(nil), b...)
	ad := make([]float64, len(b))
	rr := dot(r, r)
	limit := 1e-24 * scale * scale * float64(len(b))
	for step := 0; step < 2*len(b)+50 && rr > limit; step++ {
		apply(d, ad)
		dad := dot(d, ad)
		if dad <= 0 {
			break
		}
		alpha := rr / dad
		for i := range x {
			x[i] += alpha * d[i]
			r[i] -= alpha * ad[i]
		}
		next := dot(r, r)
		for i := range d {
			d[i] = r[i] + next/rr*d[i]
		}
		rr = next
	}
	return x
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
