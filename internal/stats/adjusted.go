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

// Convergence of the alternating means: the largest change of an effect in a pass, relative to
// the scale of the scores, and a bound on passes.
const (
	adjustTolerance = 1e-10
	adjustMaxPasses = 5000
)

// ReviewerAdjustedScores fits the additive model score = practice effect + reviewer effect +
// error by least squares (SPEC §7.3) and returns, per practice in order of first appearance, the
// plain mean and the practice effect, with each reviewer's effect (negative for a severe
// reviewer, positive for a lenient one).
//
// The fit alternates means until the effects stop moving (backfitting, i.e. Gauss–Seidel on
// the normal equations, which converges to the least-squares solution of a two-way additive
// model): a practice's effect is the mean of its scores less their reviewers' effects, a
// reviewer's effect the mean of its scores less their practices' effects.
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
	pSum, rSum := make([]float64, len(practices)), make([]float64, len(reviewers))
	for _, o := range obs {
		pCount[o.p]++
		rCount[o.r]++
		pSum[o.p] += o.score
	}
	practice, reviewer := make([]float64, len(practices)), make([]float64, len(reviewers))
	next := make([]float64, len(practices))
	tolerance := adjustTolerance * math.Max(hi-lo, 1)
	for pass := 0; pass < adjustMaxPasses; pass++ {
		clear(rSum)
		clear(next)
		for _, o := range obs {
			next[o.p] += o.score - reviewer[o.r]
		}
		change := 0.0
		for p := range next {
			next[p] /= pCount[p]
			change = math.Max(change, math.Abs(next[p]-practice[p]))
		}
		practice, next = next, practice
		for _, o := range obs {
			rSum[o.r] += o.score - practice[o.p]
		}
		for r := range reviewer {
			v := rSum[r] / rCount[r]
			change = math.Max(change, math.Abs(v-reviewer[r]))
			reviewer[r] = v
		}
		if change < tolerance {
			break
		}
	}

	// Centre the reviewer effects within each connected group (union–find over practices, with
	// reviewers numbered after them).
	parent := make([]int, len(practices)+len(reviewers))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
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
