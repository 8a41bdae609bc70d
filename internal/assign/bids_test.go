package assign

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSolveBidTradeOffs checks the weights of the package documentation: which bid wins
// against which difference in expertise and load between two otherwise equal reviewers.
func TestSolveBidTradeOffs(t *testing.T) {
	tests := []struct {
		name             string
		aBid, bBid       BidLevel
		aExpert, bExpert bool
		aLoad, bLoad     int
		want             string
	}{
		{"eager over reluctant", BidEager, BidReluctant, false, false, 0, 0, "a"},
		{"eager over no bid", BidEager, "", false, false, 0, 0, "a"},
		{"willing over neutral", BidWilling, BidNeutral, false, false, 0, 0, "a"},
		{"eager over willing", BidEager, BidWilling, false, false, 0, 0, "a"},
		{"no bid over reluctant", "", BidReluctant, false, false, 0, 0, "a"},
		{"eager non-expert over neutral expert", BidEager, "", false, true, 0, 0, "a"},
		{"eager over neutral with two fewer", BidEager, "", false, false, 2, 0, "a"},
		{"neutral with three fewer over eager", BidEager, "", false, false, 3, 0, "b"},
		{"neutral with one fewer over willing", BidWilling, "", false, false, 1, 0, "b"},
		{"neutral expert over willing non-expert with equal load", BidWilling, BidNeutral, false, true, 0, 0, "b"},
		{"reluctant only with four more on the other", BidReluctant, "", false, false, 0, 4, "a"},
		{"reluctant loses to three more", BidReluctant, "", false, false, 0, 3, "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := withThemes(prac("p", "o", "BE", "nl"), "t")
			a, b := rev("a", "xa", "DE", "nl"), rev("b", "xb", "FR", "nl")
			if tt.aExpert {
				a = withExpertise(a, "t")
			}
			if tt.bExpert {
				b = withExpertise(b, "t")
			}
			in := Input{Practices: []Practice{p}, Reviewers: []Reviewer{a, b}, PerPractice: 1, MaxLoad: 10}
			busy := func(id string, n int) {
				for i := range n {
					q := fmt.Sprintf("busy-%s-%d", id, i)
					in.Practices = append(in.Practices, prac(q, "o", "BE", "nl"))
					in.Existing = append(in.Existing, Pair{q, id})
				}
			}
			busy("a", tt.aLoad)
			busy("b", tt.bLoad)
			// The busy practices already have their reviewer: only p is open.
			if tt.aBid != "" {
				in.Bids = append(in.Bids, Bid{"p", "a", tt.aBid})
			}
			if tt.bBid != "" {
				in.Bids = append(in.Bids, Bid{"p", "b", tt.bBid})
			}
			res := solveValid(t, in)
			if got := reviewersOf(res, "p"); !slices.Equal(got, []string{tt.want}) {
				t.Fatalf("reviewer of p = %v, want %s", got, tt.want)
			}
		})
	}
}

func TestSolveConflictBid(t *testing.T) {
	p := prac("p", "o", "BE", "nl")
	in := Input{
		Practices: []Practice{p, prac("q", "o2", "BE", "nl")},
		Reviewers: []Reviewer{rev("r1", "x", "DE", "nl"), rev("r2", "y", "FR", "nl")},
		Bids: []Bid{
			{"p", "r1", BidConflict},
			{"p", "r2", BidEager},
			{"p", "r2", BidConflict}, // a second bid on the pair: the least wanted counts
			{"q", "r1", BidEager},
			{"nowhere", "r1", BidConflict}, // unknown practice: ignored
		},
		PerPractice: 1, MaxLoad: 5,
	}
	res := solveValid(t, in)
	if got := reviewersOf(res, "p"); len(got) != 0 {
		t.Fatalf("p got %v despite conflict bids", got)
	}
	if got := reviewersOf(res, "q"); !slices.Equal(got, []string{"r1"}) {
		t.Fatalf("q got %v, want r1", got)
	}
	if len(res.Unstaffed) != 1 || !reflect.DeepEqual(res.Unstaffed[0].Excluded, []RuleCount{{RuleDeclared, 2}}) {
		t.Fatalf("Unstaffed = %+v, want p with 2 conflict_declared", res.Unstaffed)
	}
	if !strings.Contains(res.Unstaffed[0].Reason, "2 declared a conflict with it or its organisation") {
		t.Fatalf("Reason = %q", res.Unstaffed[0].Reason)
	}
	if err := Validate(in, []Pair{{"p", "r1"}}); err == nil || !strings.Contains(err.Error(), RuleDeclared) {
		t.Fatalf("Validate of a conflict bid pair = %v, want %s", err, RuleDeclared)
	}
}

func TestEligibleConflictPractice(t *testing.T) {
	p := prac("p", "o", "BE", "nl")
	r := rev("r", "x", "DE", "nl")
	r.ConflictPractices = []string{"other", "p"}
	if ok, rule := Eligible(p, r, true); ok || rule != RuleDeclared {
		t.Fatalf("Eligible = %v %q, want false %q", ok, rule, RuleDeclared)
	}
	r.ConflictPractices = []string{"other"}
	if ok, _ := Eligible(p, r, true); !ok {
		t.Fatal("a conflict with another practice made the pair ineligible")
	}
}

func TestCostWithBids(t *testing.T) {
	in := Input{
		Practices: []Practice{withThemes(prac("p", "o", "BE", "nl"), "t")},
		Reviewers: []Reviewer{withExpertise(rev("e", "x", "DE", "nl"), "t"), rev("w", "y", "FR", "nl"), rev("n", "z", "NL", "nl"), rev("r", "v", "LU", "nl")},
		Bids:      []Bid{{"p", "e", BidEager}, {"p", "w", BidWilling}, {"p", "n", BidNeutral}, {"p", "r", BidReluctant}, {"p", "r", BidWilling}},
	}
	tests := []struct {
		pair Pair
		want int64
	}{
		{Pair{"p", "e"}, PairBase - ExpertiseBonus - BidEagerBonus},
		{Pair{"p", "w"}, PairBase - BidWillingBonus},
		{Pair{"p", "n"}, PairBase},
		{Pair{"p", "r"}, PairBase + BidReluctantPenalty},
	}
	for _, tt := range tests {
		if got := Cost(in, []Pair{tt.pair}); got != tt.want {
			t.Errorf("Cost(%v) = %d, want %d", tt.pair, got, tt.want)
		}
	}
}

func TestExplanationMentionsBid(t *testing.T) {
	in := Input{
		Practices: []Practice{prac("p", "o", "BE", "nl"), prac("q", "o", "BE", "nl")},
		Reviewers: []Reviewer{rev("r1", "x", "DE", "nl"), rev("r2", "y", "FR", "nl")},
		Bids:      []Bid{{"p", "r1", BidEager}, {"p", "r2", BidReluctant}, {"q", "r2", BidNeutral}},
		// r1 takes p (eager); q goes to r2 (neutral) for balance.
		PerPractice: 1, MaxLoad: 5,
	}
	res := solveValid(t, in)
	want := []Assignment{
		{"p", "r1", "Reviewer from DE for a practice from BE; reads nl; no expertise in the practice's themes; load 1 of 5; bid eager on this practice.",
			Reasons{ReviewerCountry: "DE", PracticeCountry: "BE", Languages: []string{"nl"}, Expertise: []string{}, Load: 1, MaxLoad: 5, Bid: BidEager}},
		{"q", "r2", "Reviewer from FR for a practice from BE; reads nl; no expertise in the practice's themes; load 1 of 5.",
			Reasons{ReviewerCountry: "FR", PracticeCountry: "BE", Languages: []string{"nl"}, Expertise: []string{}, Load: 1, MaxLoad: 5, Bid: BidNeutral}},
	}
	if !reflect.DeepEqual(res.Assignments, want) {
		t.Fatalf("Assignments =\n%+v\nwant\n%+v", res.Assignments, want)
	}
	// A reluctant reviewer is still taken rather than leave a slot empty, and says so.
	in.Bids = []Bid{{"p", "r2", BidReluctant}}
	in.Reviewers = in.Reviewers[1:]
	in.Practices = in.Practices[:1]
	res = solveValid(t, in)
	if len(res.Assignments) != 1 || !strings.HasSuffix(res.Assignments[0].Explanation, "; bid reluctant on this practice.") ||
		res.Assignments[0].Reasons.Bid != BidReluctant {
		t.Fatalf("Assignments = %+v, want r2 with its reluctant bid explained", res.Assignments)
	}
}
