package assign

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomSmall draws a small instance with few countries, organisations and
// languages, so that every rule and the country penalty matter often. Dense
// instances have more practices, reviewers and slots, so that practices
// compete for reviewers.
func randomSmall(rng *rand.Rand, dense bool) Input {
	countries := []string{"BE", "DE", "FR", "NL"}[:1+rng.IntN(4)]
	orgs := []string{"o1", "o2", "o3", "o4", "o5"}
	langs := []string{"en", "fr", "nl"}
	themes := []string{"t1", "t2", "t3"}
	some := func(xs []string, lo, hi int) []string {
		k := lo + rng.IntN(hi-lo+1)
		out := []string{}
		for _, i := range rng.Perm(len(xs))[:k] {
			out = append(out, xs[i])
		}
		return out
	}
	in := Input{
		PerPractice: 1 + rng.IntN(3),
		MaxLoad:     1 + rng.IntN(3),
		CrossBorder: rng.IntN(2) == 0,
	}
	nP, nR := 1+rng.IntN(5), 1+rng.IntN(6)
	if dense {
		in.PerPractice, in.MaxLoad = 2+rng.IntN(2), 2+rng.IntN(2)
		nP, nR = 3+rng.IntN(3), 4+rng.IntN(3)
	}
	for i := range nP {
		in.Practices = append(in.Practices, Practice{
			ID:             fmt.Sprintf("p%d", i),
			OrganisationID: orgs[rng.IntN(len(orgs))],
			Country:        countries[rng.IntN(len(countries))],
			Languages:      some(langs, 1, 2),
			Themes:         some(themes, 0, 2),
		})
	}
	for i := range nR {
		in.Reviewers = append(in.Reviewers, Reviewer{
			ID:             fmt.Sprintf("r%d", i),
			OrganisationID: orgs[rng.IntN(len(orgs))],
			Country:        countries[rng.IntN(len(countries))],
			Languages:      some(langs, 1, 3),
			Expertise:      some(themes, 0, 2),
			ConflictOrgs:   some(orgs, 0, 1),
		})
	}
	in.Existing = randomExisting(rng, in, rng.IntN(4))
	return in
}

// bruteForce enumerates every valid set of new pairs and returns the largest
// number of new pairs and the smallest Cost among sets of that size. It
// shares nothing with Solve except Eligible and Cost.
func bruteForce(in Input) (bestN int, bestCost int64, leaves int) {
	perPractice := map[string]int{}
	load := map[string]int{}
	existing := map[Pair]bool{}
	for _, x := range in.Existing {
		if !existing[x] {
			existing[x] = true
			perPractice[x.PracticeID]++
			load[x.ReviewerID]++
		}
	}
	var cands []Pair
	for _, p := range in.Practices {
		for _, r := range in.Reviewers {
			if ok, _ := Eligible(p, r, in.CrossBorder); ok && !existing[Pair{p.ID, r.ID}] {
				cands = append(cands, Pair{p.ID, r.ID})
			}
		}
	}
	bestN, bestCost = -1, 0
	var chosen []Pair
	var rec func(i int)
	rec = func(i int) {
		if len(chosen)+len(cands)-i < bestN {
			return // cannot reach the best size any more
		}
		if i == len(cands) {
			leaves++
			c := Cost(in, chosen)
			if len(chosen) > bestN || c < bestCost {
				bestN, bestCost = len(chosen), c
			}
			return
		}
		x := cands[i]
		if perPractice[x.PracticeID] < in.PerPractice && load[x.ReviewerID] < in.MaxLoad {
			perPractice[x.PracticeID]++
			load[x.ReviewerID]++
			chosen = append(chosen, x)
			rec(i + 1)
			chosen = chosen[:len(chosen)-1]
			perPractice[x.PracticeID]--
			load[x.ReviewerID]--
		}
		rec(i + 1)
	}
	rec(0)
	return bestN, bestCost, leaves
}

func TestSolveMatchesExhaustiveSearch(t *testing.T) {
	const instances = 1800
	rng := rand.New(rand.NewPCG(20240611, 7))
	totalLeaves, withPenalty := 0, 0
	for i := range instances {
		in := randomSmall(rng, i%3 == 2)
		if err := Validate(in, nil); err != nil {
			t.Fatalf("instance %d: generator produced invalid existing pairs: %v", i, err)
		}
		res := Solve(in)
		pairs := pairsOf(res)
		if err := Validate(in, pairs); err != nil {
			t.Fatalf("instance %d: invalid result: %v\ninput: %+v\nresult: %+v", i, err, in, res)
		}
		if got := Cost(in, pairs); got != res.Cost {
			t.Fatalf("instance %d: Result.Cost = %d, Cost of its pairs = %d", i, res.Cost, got)
		}
		n, c, leaves := bruteForce(in)
		totalLeaves += leaves
		if c >= CountryPenalty {
			withPenalty++
		}
		if len(pairs) != n || res.Cost != c {
			t.Fatalf("instance %d: Solve found %d new pairs at cost %d, exhaustive search %d at cost %d\ninput: %+v\nresult: %+v",
				i, len(pairs), res.Cost, n, c, in, res)
		}
		checkUnstaffed(t, in, res)
	}
	t.Logf("%d instances, %d candidate sets evaluated, %d optima with a country penalty", instances, totalLeaves, withPenalty)
}

func pairsOf(res Result) []Pair {
	out := make([]Pair, len(res.Assignments))
	for i, a := range res.Assignments {
		out[i] = Pair{a.PracticeID, a.ReviewerID}
	}
	return out
}

// checkUnstaffed verifies that Unstaffed lists exactly the practices with
// fewer than PerPractice reviewers, with the right Missing count.
func checkUnstaffed(t *testing.T, in Input, res Result) {
	t.Helper()
	count := map[string]int{}
	seen := map[Pair]bool{}
	for _, x := range append(append([]Pair{}, in.Existing...), pairsOf(res)...) {
		if !seen[x] {
			seen[x] = true
			count[x.PracticeID]++
		}
	}
	want := map[string]int{}
	for _, p := range in.Practices {
		if c := count[p.ID]; c < in.PerPractice {
			want[p.ID] = in.PerPractice - c
		}
	}
	if len(res.Unstaffed) != len(want) {
		t.Fatalf("Unstaffed has %d entries, want %d: %+v", len(res.Unstaffed), len(want), res.Unstaffed)
	}
	for _, u := range res.Unstaffed {
		if want[u.PracticeID] != u.Missing {
			t.Fatalf("Unstaffed %s: Missing = %d, want %d", u.PracticeID, u.Missing, want[u.PracticeID])
		}
	}
}
