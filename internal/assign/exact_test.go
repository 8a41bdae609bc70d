package assign

import (
	"fmt"
	"math/rand/v2"
	"slices"
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

// withRandomBids adds bids to about half of the (practice, reviewer) pairs of in, every
// level equally likely; a conflict is given either as a bid or in the reviewer's
// ConflictPractices, and now and then a pair gets a second, contradicting bid.
func withRandomBids(rng *rand.Rand, in Input) Input {
	levels := []BidLevel{BidEager, BidWilling, BidNeutral, BidReluctant, BidConflict}
	in.Reviewers = slices.Clone(in.Reviewers)
	for _, p := range in.Practices {
		for ri := range in.Reviewers {
			r := &in.Reviewers[ri]
			if rng.IntN(2) == 0 {
				continue
			}
			level := levels[rng.IntN(len(levels))]
			if level == BidConflict && rng.IntN(2) == 0 {
				r.ConflictPractices = append(slices.Clone(r.ConflictPractices), p.ID)
				continue
			}
			in.Bids = append(in.Bids, Bid{PracticeID: p.ID, ReviewerID: r.ID, Level: level})
			if rng.IntN(10) == 0 {
				in.Bids = append(in.Bids, Bid{PracticeID: p.ID, ReviewerID: r.ID, Level: levels[rng.IntN(len(levels))]})
			}
		}
	}
	// Existing pairs were drawn without the bids: drop those a conflict now forbids.
	kept := in.Existing[:0:0]
	for _, x := range in.Existing {
		if !conflictBid(in, x) && !slices.Contains(reviewerByID(in, x.ReviewerID).ConflictPractices, x.PracticeID) {
			kept = append(kept, x)
		}
	}
	in.Existing = kept
	return in
}

func reviewerByID(in Input, id string) Reviewer {
	for _, r := range in.Reviewers {
		if r.ID == id {
			return r
		}
	}
	return Reviewer{}
}

// conflictBid reports whether in.Bids holds a conflict bid on x, read directly from the
// input (bruteForce shares no bid handling with Solve).
func conflictBid(in Input, x Pair) bool {
	for _, b := range in.Bids {
		if b.PracticeID == x.PracticeID && b.ReviewerID == x.ReviewerID && b.Level == BidConflict {
			return true
		}
	}
	return false
}

// bruteForce enumerates every valid set of new pairs and returns the largest
// number of new pairs and the smallest Cost among sets of that size. It
// shares nothing with Solve except Eligible and Cost; conflict bids it reads
// from in.Bids itself.
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
			if ok, _ := Eligible(p, r, in.CrossBorder); ok && !conflictBid(in, Pair{p.ID, r.ID}) && !existing[Pair{p.ID, r.ID}] {
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
		leaves, penalty := checkExact(t, i, in)
		totalLeaves += leaves
		if penalty {
			withPenalty++
		}
	}
	t.Logf("%d instances, %d candidate sets evaluated, %d optima with a country penalty", instances, totalLeaves, withPenalty)
}

// TestSolveWithBidsMatchesExhaustiveSearch is the same equivalence on instances with
// bids. It also counts the instances where the bids changed the proposal (compared
// with Solve on the same instance without bids), so that the test cannot pass with
// bids ignored.
func TestSolveWithBidsMatchesExhaustiveSearch(t *testing.T) {
	const instances = 1800
	rng := rand.New(rand.NewPCG(20261130, 18))
	totalLeaves, changed, conflicts := 0, 0, 0
	for i := range instances {
		plain := randomSmall(rng, i%3 == 2)
		in := withRandomBids(rng, plain)
		leaves, _ := checkExact(t, i, in)
		totalLeaves += leaves
		without := in
		without.Bids = nil
		without.Reviewers = slices.Clone(in.Reviewers)
		for ri := range without.Reviewers {
			without.Reviewers[ri].ConflictPractices = nil
		}
		if !slices.Equal(pairsOf(Solve(in)), pairsOf(Solve(without))) {
			changed++
		}
		for _, x := range pairsOf(Solve(in)) {
			if conflictBid(in, x) || slices.Contains(reviewerByID(in, x.ReviewerID).ConflictPractices, x.PracticeID) {
				t.Fatalf("instance %d: proposed %v despite a conflict bid", i, x)
			}
		}
		for _, b := range in.Bids {
			if b.Level == BidConflict {
				conflicts++
			}
		}
	}
	if changed < instances/10 {
		t.Fatalf("bids changed the proposal in only %d of %d instances", changed, instances)
	}
	t.Logf("%d instances, %d candidate sets evaluated, %d proposals changed by bids, %d conflict bids", instances, totalLeaves, changed, conflicts)
}

// checkExact compares Solve with the exhaustive search on one instance.
func checkExact(t *testing.T, i int, in Input) (leaves int, penalty bool) {
	t.Helper()
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
	if len(pairs) != n || res.Cost != c {
		t.Fatalf("instance %d: Solve found %d new pairs at cost %d, exhaustive search %d at cost %d\ninput: %+v\nresult: %+v",
			i, len(pairs), res.Cost, n, c, in, res)
	}
	checkUnstaffed(t, in, res)
	return leaves, c >= CountryPenalty
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
