package stats

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// TestAdjustedBalancedEqualsMeans: when every reviewer scores every practice the reviewer
// effects shift all practices alike, so the adjusted scores are the plain means.
func TestAdjustedBalancedEqualsMeans(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	var ratings []Rating[int, string]
	for p := range 30 {
		for r := range 4 {
			ratings = append(ratings, Rating[int, string]{p, fmt.Sprint("r", r), math.Round(rng.Float64()*1000) / 10})
		}
	}
	scores, _ := ReviewerAdjustedScores(ratings)
	if len(scores) != 30 {
		t.Fatalf("%d practices", len(scores))
	}
	for i, s := range scores {
		if s.Practice != i || s.Reviews != 4 || math.Abs(s.Adjusted-s.Mean) > 1e-8 {
			t.Errorf("practice %v (%d reviews): adjusted %.10f, mean %.10f", s.Practice, s.Reviews, s.Adjusted, s.Mean)
		}
	}
}

// TestAdjustedRecoversSeverity: synthetic round where each practice gets three of twelve
// reviewers, one severe (−15 points) and one lenient (+12): the fit finds both and the adjusted
// scores lie closer to the true quality than the plain means.
func TestAdjustedRecoversSeverity(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	severity := make([]float64, 12)
	severity[0], severity[1] = -15, 12
	truth := make([]float64, 120)
	var ratings []Rating[int, int]
	for p := range truth {
		truth[p] = 40 + rng.Float64()*40
		for _, r := range rng.Perm(12)[:3] {
			ratings = append(ratings, Rating[int, int]{p, r, truth[p] + severity[r] + rng.NormFloat64()*2})
		}
	}
	ratings = append(ratings, Rating[int, int]{0, 5, math.NaN()}) // no score: left out
	scores, effects := ReviewerAdjustedScores(ratings)
	// The truth has reviewer effects of mean ≈ 0 only up to the sampling of assignments; compare
	// effects relative to the ordinary reviewers' median.
	if d := effects[0] - effects[2]; math.Abs(d+15) > 2 {
		t.Errorf("severe reviewer: effect %.2f relative to an ordinary one, want about −15", d)
	}
	if d := effects[1] - effects[2]; math.Abs(d-12) > 2 {
		t.Errorf("lenient reviewer: effect %.2f relative to an ordinary one, want about +12", d)
	}
	var rawErr, adjErr, mean float64
	for _, s := range scores {
		mean += s.Adjusted - truth[s.Practice]
	}
	mean /= float64(len(scores))
	for _, s := range scores {
		rawErr += math.Pow(s.Mean-truth[s.Practice], 2)
		adjErr += math.Pow(s.Adjusted-mean-truth[s.Practice], 2)
		if s.Practice == 0 && s.Reviews != 3 {
			t.Errorf("practice 0 has %d reviews, want 3 (NaN left out)", s.Reviews)
		}
	}
	if !(adjErr < rawErr/4) {
		t.Errorf("squared error: adjusted %.1f, plain means %.1f", adjErr, rawErr)
	}
}

// TestAdjustedIsLeastSquares compares with the normal equations solved directly (dense Gauss–
// Jordan, reviewer effects centred as documented) on an irregular design, and checks that
// disconnected groups keep their own means.
func TestAdjustedIsLeastSquares(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	var ratings []Rating[int, int]
	// Group A: practices 0–9, reviewers 0–4, two or three reviews each. Group B: practices 10–12,
	// reviewers 5–6. Practice 13: a reviewer of its own.
	for p := range 10 {
		for _, r := range rng.Perm(5)[:2+rng.Intn(2)] {
			ratings = append(ratings, Rating[int, int]{p, r, rng.Float64() * 100})
		}
	}
	for p := 10; p < 13; p++ {
		ratings = append(ratings, Rating[int, int]{p, 5, rng.Float64() * 100}, Rating[int, int]{p, 6, rng.Float64() * 100})
	}
	ratings = append(ratings, Rating[int, int]{13, 7, 55}, Rating[int, int]{13, 7, 65})
	scores, effects := ReviewerAdjustedScores(ratings)
	want := denseAdditiveFit(ratings, 14, 8, [][]int{{0, 1, 2, 3, 4}, {5, 6}, {7}})
	for _, s := range scores {
		if math.Abs(s.Adjusted-want[s.Practice]) > 1e-6 {
			t.Errorf("practice %d: adjusted %.9f, least squares %.9f", s.Practice, s.Adjusted, want[s.Practice])
		}
	}
	for name, group := range map[string][2]int{"A": {0, 10}, "B": {10, 13}, "alone": {13, 14}} {
		var raw, adjusted, n float64
		for _, x := range ratings {
			if x.Practice >= group[0] && x.Practice < group[1] {
				raw += x.Score
				n++
			}
		}
		for _, s := range scores[group[0]:group[1]] {
			adjusted += s.Adjusted * float64(s.Reviews)
		}
		if math.Abs(raw/n-adjusted/n) > 1e-8 {
			t.Errorf("group %s: review-weighted adjusted mean %.9f, raw mean %.9f", name, adjusted/n, raw/n)
		}
	}
	if effects[7] != 0 || scores[13].Adjusted != 60 {
		t.Errorf("lone reviewer: effect %v, practice 13 adjusted %v (want 0, 60)", effects[7], scores[13].Adjusted)
	}
}

// denseAdditiveFit solves min Σ (y − a_p − b_r)² with Σ_reviews b_r = 0 per connected group by
// Gauss–Jordan elimination on the normal equations plus one constraint row per group
// (Lagrange multipliers; groups lists the reviewers of each group), and returns the a_p.
func denseAdditiveFit(ratings []Rating[int, int], practices, reviewers int, groups [][]int) []float64 {
	size := practices + reviewers + len(groups)
	m := make([][]float64, size)
	for i := range m {
		m[i] = make([]float64, size+1)
	}
	for _, x := range ratings {
		p, r := x.Practice, practices+x.Reviewer
		m[p][p]++
		m[p][r]++
		m[r][p]++
		m[r][r]++
		m[p][size] += x.Score
		m[r][size] += x.Score
	}
	for g, members := range groups {
		row := practices + reviewers + g
		for _, r := range members {
			var count float64
			for _, x := range ratings {
				if x.Reviewer == r {
					count++
				}
			}
			m[row][practices+r] = count
			m[practices+r][row] = count
		}
	}
	for c := range size {
		pivot := c
		for i := c; i < size; i++ {
			if math.Abs(m[i][c]) > math.Abs(m[pivot][c]) {
				pivot = i
			}
		}
		m[c], m[pivot] = m[pivot], m[c]
		for i := range size {
			if i != c && m[i][c] != 0 {
				f := m[i][c] / m[c][c]
				for j := c; j <= size; j++ {
					m[i][j] -= f * m[c][j]
				}
			}
		}
	}
	out := make([]float64, practices)
	for p := range out {
		out[p] = m[p][size] / m[p][p]
	}
	return out
}

// TestAdjustedChain: practices linked only in a long chain (practice i reviewed by reviewers i
// and i+1) is the slowest design to fit by alternating means; the fit must still be the least-
// squares one.
func TestAdjustedChain(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	const practices = 150
	var ratings []Rating[int, int]
	for p := range practices {
		ratings = append(ratings, Rating[int, int]{p, p, rng.Float64() * 100}, Rating[int, int]{p, p + 1, rng.Float64() * 100})
	}
	scores, _ := ReviewerAdjustedScores(ratings)
	members := make([]int, practices+1)
	for i := range members {
		members[i] = i
	}
	want := denseAdditiveFit(ratings, practices, practices+1, [][]int{members})
	for _, s := range scores {
		if math.Abs(s.Adjusted-want[s.Practice]) > 1e-6 {
			t.Fatalf("practice %d: adjusted %.9f, least squares %.9f", s.Practice, s.Adjusted, want[s.Practice])
		}
	}
}

func BenchmarkReviewerAdjustedRound(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	var ratings []Rating[int, int]
	for p := range 7000 {
		for _, r := range rng.Perm(500)[:3] {
			ratings = append(ratings, Rating[int, int]{p, r, rng.Float64() * 100})
		}
	}
	for b.Loop() {
		ReviewerAdjustedScores(ratings)
	}
}
