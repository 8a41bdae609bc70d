package assign

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func prac(id, org, country string, langs ...string) Practice {
	return Practice{ID: id, OrganisationID: org, Country: country, Languages: langs}
}

func rev(id, org, country string, langs ...string) Reviewer {
	return Reviewer{ID: id, OrganisationID: org, Country: country, Languages: langs}
}

func withThemes(p Practice, themes ...string) Practice { p.Themes = themes; return p }

func withExpertise(r Reviewer, themes ...string) Reviewer { r.Expertise = themes; return r }

func withConflicts(r Reviewer, orgs ...string) Reviewer { r.ConflictOrgs = orgs; return r }

// solveValid runs Solve and fails the test if the result breaks a hard rule
// or misreports its cost or unstaffed practices.
func solveValid(t *testing.T, in Input) Result {
	t.Helper()
	res := Solve(in)
	pairs := pairsOf(res)
	if err := Validate(in, pairs); err != nil {
		t.Fatalf("invalid result: %v\n%+v", err, res)
	}
	if !slices.IsSortedFunc(res.Assignments, func(a, b Assignment) int {
		return strings.Compare(a.PracticeID+"\x00"+a.ReviewerID, b.PracticeID+"\x00"+b.ReviewerID)
	}) {
		t.Fatalf("assignments not sorted: %+v", res.Assignments)
	}
	if c := Cost(in, pairs); c != res.Cost {
		t.Fatalf("Result.Cost = %d, Cost = %d", res.Cost, c)
	}
	checkUnstaffed(t, in, res)
	return res
}

func reviewersOf(res Result, practiceID string) []string {
	var out []string
	for _, a := range res.Assignments {
		if a.PracticeID == practiceID {
			out = append(out, a.ReviewerID)
		}
	}
	return out
}

func TestEligible(t *testing.T) {
	p := prac("p", "org-a", "BE", "nl", "en")
	tests := []struct {
		name        string
		p           Practice
		r           Reviewer
		crossBorder bool
		wantOK      bool
		wantRule    string
	}{
		{"eligible", p, rev("r", "org-b", "DE", "en"), true, true, ""},
		{"same organisation", p, rev("r", "org-a", "DE", "en"), false, false, RuleSameOrganisation},
		{"same organisation wins over other rules", p, withConflicts(rev("r", "org-a", "BE", "fr"), "org-a"), true, false, RuleSameOrganisation},
		{"same country with cross-border", p, rev("r", "org-b", "BE", "nl"), true, false, RuleSameCountry},
		{"same country, case and spaces", p, rev("r", "org-b", " be", "nl"), true, false, RuleSameCountry},
		{"same country without cross-border", p, rev("r", "org-b", "BE", "nl"), false, true, ""},
		{"unknown countries never conflict", prac("p", "org-a", "", "nl"), rev("r", "org-b", "", "nl"), true, true, ""},
		{"declared conflict", p, withConflicts(rev("r", "org-b", "DE", "nl"), "org-x", "org-a"), true, false, RuleDeclared},
		{"declared conflict with another org", p, withConflicts(rev("r", "org-b", "DE", "nl"), "org-x"), true, true, ""},
		{"no common language", p, rev("r", "org-b", "DE", "fr", "de"), true, false, RuleLanguage},
		{"language case-insensitive", p, rev("r", "org-b", "DE", "NL "), true, true, ""},
		{"translation language counts", p, rev("r", "org-b", "DE", "en"), true, true, ""},
		{"practice without language", prac("p", "org-a", "BE"), rev("r", "org-b", "DE", "en"), true, false, RuleLanguage},
		{"reviewer without language", p, rev("r", "org-b", "DE"), true, false, RuleLanguage},
		{"unknown organisations never conflict", prac("p", "", "BE", "nl"), withConflicts(rev("r", "", "DE", "nl"), ""), true, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, rule := Eligible(tt.p, tt.r, tt.crossBorder)
			if ok != tt.wantOK || rule != tt.wantRule {
				t.Fatalf("Eligible = (%v, %q), want (%v, %q)", ok, rule, tt.wantOK, tt.wantRule)
			}
		})
	}
}

// TestSolveHardRules gives each practice one reviewer that breaks exactly
// one rule and one that is fine: Solve must use only the latter and report
// the rule that blocked the rest.
func TestSolveHardRules(t *testing.T) {
	good := rev("r-good", "org-g", "FR", "nl")
	tests := []struct {
		name     string
		in       Input
		want     []string // reviewers of p
		rule     string   // expected in Unstaffed.Excluded
		reasonIn string   // expected in Unstaffed.Reason
	}{
		{
			name: "same organisation",
			in: Input{Practices: []Practice{prac("p", "org-a", "BE", "nl")},
				Reviewers: []Reviewer{rev("r-bad", "org-a", "DE", "nl"), good}},
			want: []string{"r-good"}, rule: RuleSameOrganisation, reasonIn: "1 from the practice's own organisation",
		},
		{
			name: "same country with cross-border",
			in: Input{Practices: []Practice{prac("p", "org-a", "BE", "nl")}, CrossBorder: true,
				Reviewers: []Reviewer{rev("r-bad", "org-b", "BE", "nl"), good}},
			want: []string{"r-good"}, rule: RuleSameCountry, reasonIn: "1 from the practice's country (BE)",
		},
		{
			name: "declared conflict",
			in: Input{Practices: []Practice{prac("p", "org-a", "BE", "nl")},
				Reviewers: []Reviewer{withConflicts(rev("r-bad", "org-b", "DE", "nl"), "org-a"), good}},
			want: []string{"r-good"}, rule: RuleDeclared, reasonIn: "1 declared a conflict",
		},
		{
			name: "language",
			in: Input{Practices: []Practice{prac("p", "org-a", "BE", "nl", "en")},
				Reviewers: []Reviewer{rev("r-bad", "org-b", "DE", "de", "fr"), good}},
			want: []string{"r-good"}, rule: RuleLanguage, reasonIn: "1 do not read en or nl",
		},
		{
			name: "maximum load, existing included",
			in: Input{Practices: []Practice{prac("p", "org-a", "BE", "nl"), prac("q", "org-q", "NL", "nl")},
				Reviewers: []Reviewer{rev("r-bad", "org-b", "DE", "nl"), good},
				Existing:  []Pair{{"q", "r-bad"}}, MaxLoad: 1},
			want: []string{"r-good"}, rule: RuleMaxLoad, reasonIn: "1 at maximum load (1)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.PerPractice = 2
			if in.MaxLoad == 0 {
				in.MaxLoad = 5
			}
			res := solveValid(t, in)
			if got := reviewersOf(res, "p"); !slices.Equal(got, tt.want) {
				t.Fatalf("reviewers of p = %v, want %v", got, tt.want)
			}
			var u *Unstaffed
			for i := range res.Unstaffed {
				if res.Unstaffed[i].PracticeID == "p" {
					u = &res.Unstaffed[i]
				}
			}
			if u == nil || u.Missing != 1 || u.Found != 1 {
				t.Fatalf("Unstaffed for p = %+v, want Missing 1", res.Unstaffed)
			}
			if !slices.Equal(u.Excluded, []RuleCount{{tt.rule, 1}}) {
				t.Fatalf("Excluded = %+v, want [{%s 1}]", u.Excluded, tt.rule)
			}
			if !strings.Contains(u.Reason, tt.reasonIn) || !strings.HasPrefix(u.Reason, "1 of 2 reviewers found: ") {
				t.Fatalf("Reason = %q, want it to contain %q", u.Reason, tt.reasonIn)
			}
		})
	}
}

func TestSolveCapacities(t *testing.T) {
	ps := []Practice{prac("p1", "o1", "BE", "nl"), prac("p2", "o2", "BE", "nl"), prac("p3", "o3", "BE", "nl")}
	rs := []Reviewer{rev("r1", "x1", "DE", "nl"), rev("r2", "x2", "FR", "nl"), rev("r3", "x3", "NL", "nl"), rev("r4", "x4", "LU", "nl")}
	tests := []struct {
		name                 string
		perPractice, maxLoad int
		wantPairs            int
		wantLoad             int // max load of any reviewer
	}{
		{"per practice limits", 2, 10, 6, 2},
		{"max load limits", 3, 1, 4, 1},
		{"max load two", 3, 2, 8, 2},
		{"everything fits", 3, 3, 9, 3},
		{"no load allowed", 3, 0, 0, 0},
		{"no reviewers wanted", 0, 3, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Practices: ps, Reviewers: rs, PerPractice: tt.perPractice, MaxLoad: tt.maxLoad}
			res := solveValid(t, in)
			if len(res.Assignments) != tt.wantPairs {
				t.Fatalf("%d new pairs, want %d", len(res.Assignments), tt.wantPairs)
			}
			load := map[string]int{}
			maxLoad := 0
			for _, a := range res.Assignments {
				load[a.ReviewerID]++
				maxLoad = max(maxLoad, load[a.ReviewerID])
			}
			if maxLoad != tt.wantLoad {
				t.Fatalf("max load %d, want %d (balanced): %v", maxLoad, tt.wantLoad, load)
			}
		})
	}
}

func TestSolveExisting(t *testing.T) {
	rs := []Reviewer{
		rev("r1", "x1", "DE", "nl"), rev("r2", "x2", "FR", "nl"),
		rev("r3", "x3", "NL", "nl"), rev("r4", "x4", "LU", "nl"),
	}
	t.Run("kept, counted and not duplicated", func(t *testing.T) {
		in := Input{
			Practices: []Practice{prac("p", "o", "BE", "nl")}, Reviewers: rs,
			Existing:    []Pair{{"p", "r1"}, {"p", "r1"}}, // a duplicate counts once
			PerPractice: 3, MaxLoad: 5,
		}
		res := solveValid(t, in)
		got := reviewersOf(res, "p")
		if len(got) != 2 || slices.Contains(got, "r1") {
			t.Fatalf("new reviewers of p = %v, want two others than r1", got)
		}
		if len(res.Unstaffed) != 0 {
			t.Fatalf("unexpected Unstaffed %+v", res.Unstaffed)
		}
	})
	t.Run("fully staffed practice gets nothing", func(t *testing.T) {
		in := Input{
			Practices: []Practice{prac("full", "o", "BE", "nl"), prac("over", "o", "BE", "nl"), prac("open", "o", "BE", "nl")},
			Reviewers: rs,
			Existing: []Pair{{"full", "r1"}, {"full", "r2"},
				{"over", "r1"}, {"over", "r2"}, {"over", "r3"}},
			PerPractice: 2, MaxLoad: 5,
		}
		res := solveValid(t, in)
		if got := reviewersOf(res, "full"); len(got) != 0 {
			t.Fatalf("full practice got %v", got)
		}
		if got := reviewersOf(res, "over"); len(got) != 0 {
			t.Fatalf("over-staffed practice got %v", got)
		}
		if got := reviewersOf(res, "open"); len(got) != 2 {
			t.Fatalf("open practice got %v, want 2", got)
		}
		if len(res.Unstaffed) != 0 {
			t.Fatalf("unexpected Unstaffed %+v", res.Unstaffed)
		}
	})
	t.Run("existing load counts and spreads new work", func(t *testing.T) {
		in := Input{
			Practices: []Practice{prac("p1", "o", "BE", "nl"), prac("p2", "o", "BE", "nl"), prac("p3", "o", "BE", "nl"), prac("q", "o", "BE", "nl")},
			Reviewers: rs[:2],
			Existing:  []Pair{{"q", "r1"}},
			// r1 already has one assignment: the balanced outcome is two
			// each, so r1 gets one new practice and r2 two.
			PerPractice: 1, MaxLoad: 3,
		}
		res := solveValid(t, in)
		load := map[string]int{}
		for _, a := range res.Assignments {
			load[a.ReviewerID]++
		}
		if len(res.Assignments) != 3 || load["r1"] != 1 || load["r2"] != 2 {
			t.Fatalf("new load %v over %d pairs, want r1:1 r2:2", load, len(res.Assignments))
		}
		// An existing reviewer at full load gets nothing new.
		in.MaxLoad = 1
		res = solveValid(t, in)
		for _, a := range res.Assignments {
			if a.ReviewerID == "r1" {
				t.Fatalf("r1 at maximum load got %v", a)
			}
		}
		if len(res.Assignments) != 1 || len(res.Unstaffed) != 2 {
			t.Fatalf("got %d pairs and %d unstaffed, want 1 and 2", len(res.Assignments), len(res.Unstaffed))
		}
	})
	t.Run("existing countries count", func(t *testing.T) {
		in := Input{
			Practices: []Practice{prac("p", "o", "BE", "nl")},
			Reviewers: []Reviewer{
				rev("de1", "x1", "DE", "nl"), withExpertise(rev("de2", "x2", "DE", "nl"), "t"),
				rev("fr1", "x3", "FR", "nl"),
			},
			Existing:    []Pair{{"p", "de1"}},
			PerPractice: 2, MaxLoad: 5,
		}
		in.Practices[0].Themes = []string{"t"}
		res := solveValid(t, in)
		if got := reviewersOf(res, "p"); !slices.Equal(got, []string{"fr1"}) {
			t.Fatalf("reviewers of p = %v, want [fr1]: a second DE reviewer costs more than expertise saves", got)
		}
	})
	t.Run("cost includes existing pairs", func(t *testing.T) {
		in := Input{
			Practices:   []Practice{prac("p", "o", "BE", "nl"), prac("q", "o", "BE", "nl")},
			Reviewers:   rs[:1],
			Existing:    []Pair{{"p", "r1"}, {"q", "r1"}},
			PerPractice: 1, MaxLoad: 5,
		}
		res := solveValid(t, in)
		// Two pairs without expertise, one reviewer with load 2.
		if want := int64(2*PairBase + LoadStep); res.Cost != want || len(res.Assignments) != 0 {
			t.Fatalf("Cost = %d with %d new pairs, want %d and none", res.Cost, len(res.Assignments), want)
		}
	})
}

func TestSolveCountries(t *testing.T) {
	tests := []struct {
		name      string
		reviewers []Reviewer
		existing  []Pair
		per       int
		want      []string
		dupNote   string // reviewer whose explanation must mention the shared country
	}{
		{
			name: "distinct countries beat expertise and load",
			reviewers: []Reviewer{
				withExpertise(rev("de1", "x1", "DE", "nl"), "t"), withExpertise(rev("de2", "x2", "DE", "nl"), "t"),
				withExpertise(rev("de3", "x3", "DE", "nl"), "t"), rev("fr1", "x4", "FR", "nl"), rev("nl1", "x5", "NL", "nl"),
			},
			existing: []Pair{{"busy", "fr1"}, {"busy", "nl1"}},
			per:      3, want: []string{"de1", "fr1", "nl1"},
		},
		{
			name: "same country only when there is no alternative",
			reviewers: []Reviewer{
				rev("de1", "x1", "DE", "nl"), rev("de2", "x2", "DE", "nl"), rev("fr1", "x3", "FR", "nl"),
			},
			per: 3, want: []string{"de1", "de2", "fr1"}, dupNote: "de2",
		},
		{
			name: "staffing beats distinct countries",
			reviewers: []Reviewer{
				rev("de1", "x1", "DE", "nl"), rev("de2", "x2", "DE", "nl"),
			},
			per: 2, want: []string{"de1", "de2"}, dupNote: "de2",
		},
		{
			name: "ineligible reviewers of another country do not count",
			reviewers: []Reviewer{
				rev("de1", "x1", "DE", "nl"), rev("de2", "x2", "DE", "nl"), rev("fr1", "x3", "FR", "fr"),
			},
			per: 2, want: []string{"de1", "de2"}, dupNote: "de2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Practices: []Practice{withThemes(prac("p", "o", "BE", "nl"), "t"), prac("busy", "o2", "BE", "zz")},
				Reviewers: tt.reviewers, Existing: tt.existing,
				PerPractice: tt.per, MaxLoad: 10,
			}
			res := solveValid(t, in)
			if got := reviewersOf(res, "p"); !slices.Equal(got, tt.want) {
				t.Fatalf("reviewers of p = %v, want %v", got, tt.want)
			}
			for _, a := range res.Assignments {
				if a.PracticeID != "p" {
					continue
				}
				mentions := strings.Contains(a.Explanation, "shares country")
				if mentions != (a.ReviewerID == tt.dupNote) {
					t.Fatalf("explanation for %s: %q (shared country expected: %v)", a.ReviewerID, a.Explanation, a.ReviewerID == tt.dupNote)
				}
			}
		})
	}
}

// TestSolveTradeOffs pins the documented trade-off: expertise (15) beats one
// load step (10) but not two (20), and load is spread.
func TestSolveTradeOffs(t *testing.T) {
	expert := withExpertise(rev("expert", "x1", "DE", "nl"), "t")
	plain := rev("plain", "x2", "FR", "nl")
	busy := func(n int) []Pair {
		var out []Pair
		for i := range n {
			out = append(out, Pair{fmt.Sprintf("busy%d", i), "expert"})
		}
		return out
	}
	tests := []struct {
		name        string
		expertLoad  int
		wantChoosen string
	}{
		{"equal load: expert", 0, "expert"},
		{"expert one more: expert", 1, "expert"},
		{"expert two more: balance", 2, "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{
				Practices: []Practice{withThemes(prac("p", "o", "BE", "nl"), "t")},
				Reviewers: []Reviewer{expert, plain},
				Existing:  busy(tt.expertLoad), PerPractice: 1, MaxLoad: 10,
			}
			for i := range tt.expertLoad {
				in.Practices = append(in.Practices, prac(fmt.Sprintf("busy%d", i), "o", "BE", "nl"))
			}
			in.PerPractice = 1
			res := solveValid(t, in)
			if got := reviewersOf(res, "p"); !slices.Equal(got, []string{tt.wantChoosen}) {
				t.Fatalf("reviewer of p = %v, want %s", got, tt.wantChoosen)
			}
		})
	}
}

func TestCost(t *testing.T) {
	ps := []Practice{withThemes(prac("p", "o", "BE", "nl"), "t"), prac("q", "o", "BE", "nl")}
	rs := []Reviewer{withExpertise(rev("de1", "x", "DE", "nl"), "T"), rev("de2", "x", "de", "nl"), rev("fr", "x", "FR", "nl")}
	tests := []struct {
		name     string
		existing []Pair
		pairs    []Pair
		want     int64
	}{
		{"empty", nil, nil, 0},
		{"plain pair", nil, []Pair{{"q", "de2"}}, PairBase},
		{"expertise, case-insensitive", nil, []Pair{{"p", "de1"}}, PairBase - ExpertiseBonus},
		{"convex load", nil, []Pair{{"p", "de2"}, {"q", "de2"}}, 2*PairBase + LoadStep},
		{"three assignments", []Pair{{"x", "fr"}}, []Pair{{"p", "fr"}, {"q", "fr"}}, 3*PairBase + 3*LoadStep},
		{"shared country, case-insensitive", nil, []Pair{{"p", "de1"}, {"p", "de2"}}, PairBase - ExpertiseBonus + PairBase + CountryPenalty},
		{"distinct countries", nil, []Pair{{"p", "de2"}, {"p", "fr"}}, 2 * PairBase},
		{"existing and new share a country", []Pair{{"p", "de2"}}, []Pair{{"p", "de1"}}, PairBase - ExpertiseBonus + PairBase + CountryPenalty},
		{"duplicate counted once", []Pair{{"q", "fr"}}, []Pair{{"q", "fr"}, {"q", "fr"}}, PairBase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Practices: ps, Reviewers: rs, Existing: tt.existing, PerPractice: 3, MaxLoad: 5}
			if got := Cost(in, tt.pairs); got != tt.want {
				t.Fatalf("Cost = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestUnstaffedReport(t *testing.T) {
	in := Input{
		Practices: []Practice{prac("p", "org-a", "BE", "fr"), prac("other", "org-z", "NL", "fr", "nl")},
		Reviewers: []Reviewer{
			rev("own1", "org-a", "DE", "fr"), rev("own2", "org-a", "FR", "fr"),
			rev("be", "org-b", "BE", "fr"),
			withConflicts(rev("conflicted", "org-c", "FR", "fr"), "org-a"),
			rev("nl1", "org-d", "DE", "nl"), rev("nl2", "org-e", "DE", "nl"), rev("de", "org-f", "AT", "de"),
			rev("busy1", "org-g", "LU", "fr"), rev("busy2", "org-h", "LU", "fr"),
			rev("free", "org-i", "IT", "fr"),
		},
		Existing:    []Pair{{"other", "busy1"}, {"other", "busy2"}},
		PerPractice: 3, MaxLoad: 1, CrossBorder: true,
	}
	res := solveValid(t, in)
	if got := reviewersOf(res, "p"); !slices.Equal(got, []string{"free"}) {
		t.Fatalf("reviewers of p = %v, want [free]", got)
	}
	want := Unstaffed{
		PracticeID: "p", Missing: 2, Found: 1,
		Reason: "1 of 3 reviewers found: 2 from the practice's own organisation, 1 from the practice's country (BE), " +
			"1 declared a conflict with it or its organisation, 3 do not read fr, 2 at maximum load (1).",
		Excluded: []RuleCount{{RuleSameOrganisation, 2}, {RuleSameCountry, 1}, {RuleDeclared, 1}, {RuleLanguage, 3}, {RuleMaxLoad, 2}},
	}
	var got *Unstaffed
	for i := range res.Unstaffed {
		if res.Unstaffed[i].PracticeID == "p" {
			got = &res.Unstaffed[i]
		}
	}
	if got == nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("Unstaffed for p =\n%+v\nwant\n%+v", got, want)
	}

	t.Run("empty pool", func(t *testing.T) {
		res := solveValid(t, Input{Practices: []Practice{prac("b", "o", "BE", "fr"), prac("a", "o", "BE", "fr")}, PerPractice: 2, MaxLoad: 3})
		if len(res.Unstaffed) != 2 || res.Unstaffed[0].PracticeID != "a" || res.Unstaffed[1].PracticeID != "b" {
			t.Fatalf("Unstaffed = %+v, want a then b", res.Unstaffed)
		}
		if u := res.Unstaffed[0]; u.Missing != 2 || u.Reason != "0 of 2 reviewers found: the reviewer pool is empty." {
			t.Fatalf("Unstaffed[0] = %+v", u)
		}
	})
}

func TestExplanation(t *testing.T) {
	in := Input{
		Practices: []Practice{withThemes(prac("p", "o", "be", "NL", "en"), "upscaling", "climate")},
		Reviewers: []Reviewer{
			withExpertise(rev("r1", "x", "de", "nl", "en", "fr"), "upscaling", "health"),
			rev("r2", "y", "", "en"),
		},
		Existing:    []Pair{{"elsewhere", "r1"}},
		PerPractice: 2, MaxLoad: 5, CrossBorder: true,
	}
	res := solveValid(t, in)
	want := []Assignment{
		{"p", "r1", "Reviewer from DE for a practice from BE; reads en, nl; expertise in upscaling; load 2 of 5.",
			Reasons{ReviewerCountry: "DE", PracticeCountry: "BE", Languages: []string{"en", "nl"}, Expertise: []string{"upscaling"}, Load: 2, MaxLoad: 5}},
		{"p", "r2", "Reviewer from an unknown country for a practice from BE; reads en; no expertise in the practice's themes; load 1 of 5.",
			Reasons{ReviewerCountry: "", PracticeCountry: "BE", Languages: []string{"en"}, Expertise: []string{}, Load: 1, MaxLoad: 5}},
	}
	if !reflect.DeepEqual(res.Assignments, want) {
		t.Fatalf("Assignments =\n%+v\nwant\n%+v", res.Assignments, want)
	}
}

// shuffled returns a deep copy of in with every slice shuffled and the case
// of countries and languages changed, which must not change the result.
func shuffled(rng *rand.Rand, in Input) Input {
	shuffle := func(xs []string) []string {
		out := slices.Clone(xs)
		rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		return out
	}
	recase := func(xs []string) []string {
		out := shuffle(xs)
		for i := range out {
			if rng.IntN(2) == 0 {
				out[i] = strings.ToUpper(out[i])
			}
		}
		return out
	}
	out := in
	out.Practices = slices.Clone(in.Practices)
	for i := range out.Practices {
		p := &out.Practices[i]
		p.Languages, p.Themes = recase(p.Languages), recase(p.Themes)
		p.Country = strings.ToLower(p.Country)
	}
	rng.Shuffle(len(out.Practices), func(i, j int) { out.Practices[i], out.Practices[j] = out.Practices[j], out.Practices[i] })
	out.Reviewers = slices.Clone(in.Reviewers)
	for i := range out.Reviewers {
		r := &out.Reviewers[i]
		r.Languages, r.Expertise, r.ConflictOrgs = recase(r.Languages), recase(r.Expertise), shuffle(r.ConflictOrgs)
	}
	rng.Shuffle(len(out.Reviewers), func(i, j int) { out.Reviewers[i], out.Reviewers[j] = out.Reviewers[j], out.Reviewers[i] })
	out.Existing = slices.Clone(in.Existing)
	rng.Shuffle(len(out.Existing), func(i, j int) { out.Existing[i], out.Existing[j] = out.Existing[j], out.Existing[i] })
	return out
}

func TestDeterminism(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 1))
	for seed := range uint64(4) {
		// Few countries and a tight load make many optima tie.
		in := realisticInput(seed, 120, 40, 5, 20, 3, 9, 30)
		// A duplicated ID with other content: the choice must not depend on order.
		dup := in.Practices[0]
		dup.Languages = []string{"de"}
		in.Practices = append(in.Practices, dup)
		want := solveValid(t, in)
		if len(want.Assignments) == 0 {
			t.Fatal("no assignments")
		}
		for range 3 {
			if got := Solve(shuffled(rng, in)); !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d: shuffled input gives a different result", seed)
			}
		}
	}
}

// TestSolveMediumRandom checks validity and local maximality on larger
// random rounds than the exhaustive search can handle: an understaffed
// practice never has an eligible reviewer with spare capacity left.
func TestSolveMediumRandom(t *testing.T) {
	for seed := range uint64(6) {
		in := realisticInput(seed, 300, 60, 8, 40, 3, 1+int(seed)*3, 40)
		in.CrossBorder = seed%2 == 0
		res := solveValid(t, in)
		for _, u := range res.Unstaffed {
			if strings.Contains(u.Reason, "eligible but unused") {
				t.Fatalf("seed %d: %s: %s", seed, u.PracticeID, u.Reason)
			}
			sum := u.Found
			for _, e := range u.Excluded {
				sum += e.Count
			}
			if sum != len(in.Reviewers) {
				t.Fatalf("seed %d: %s: %d found + excluded, want %d reviewers", seed, u.PracticeID, sum, len(in.Reviewers))
			}
		}
	}
}

func TestSolveHugeLimits(t *testing.T) {
	in := Input{
		Practices:   []Practice{prac("p1", "o", "BE", "nl"), prac("p2", "o", "BE", "nl")},
		Reviewers:   []Reviewer{rev("r1", "x", "DE", "nl"), rev("r2", "y", "FR", "nl")},
		PerPractice: 1 << 40, MaxLoad: 1 << 40,
	}
	res := solveValid(t, in)
	if len(res.Assignments) != 4 || len(res.Unstaffed) != 2 || res.Unstaffed[0].Missing != 1<<40-2 {
		t.Fatalf("got %d pairs, unstaffed %+v", len(res.Assignments), res.Unstaffed)
	}
}

// A reviewer who declined a practice is never proposed for it again, even when they are the
// only one left; they stay available for other practices.
func TestExcludedPairsAreNeverProposed(t *testing.T) {
	in := Input{
		Practices: []Practice{
			{ID: "p1", OrganisationID: "o1", Country: "BE", Languages: []string{"en"}},
			{ID: "p2", OrganisationID: "o1", Country: "BE", Languages: []string{"en"}},
		},
		Reviewers: []Reviewer{
			{ID: "r1", OrganisationID: "o2", Country: "DE", Languages: []string{"en"}},
			{ID: "r2", OrganisationID: "o3", Country: "FR", Languages: []string{"en"}},
		},
		Excluded:    []Pair{{PracticeID: "p1", ReviewerID: "r1"}},
		PerPractice: 2, MaxLoad: 2, CrossBorder: true,
	}
	res := Solve(in)
	for _, a := range res.Assignments {
		if a.PracticeID == "p1" && a.ReviewerID == "r1" {
			t.Fatal("an excluded pair was proposed")
		}
	}
	if len(res.Assignments) != 3 || len(res.Unstaffed) != 1 || res.Unstaffed[0].PracticeID != "p1" {
		t.Fatalf("result: %+v", res)
	}
	// The reviewer who declined is reported as such, not as one who already reviews it.
	u := res.Unstaffed[0]
	if !slices.Equal(u.Excluded, []RuleCount{{RuleDeclined, 1}}) || u.Reason != "1 of 2 reviewers found: 1 declined it in this round." {
		t.Fatalf("Unstaffed = %+v", u)
	}
	if err := Validate(in, []Pair{{PracticeID: "p1", ReviewerID: "r1"}}); err == nil {
		t.Fatal("Validate accepted an excluded pair")
	}
}
