package assign

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// realisticInput builds a round resembling production data: nCountries
// countries, nOrgs organisations spread over them, four languages (each
// country has a main one, many practices are translated into English, most
// reviewers read two languages), six themes, a few declared conflicts and
// some existing assignments that respect every rule.
func realisticInput(seed uint64, nPractices, nReviewers, nCountries, nOrgs, perPractice, maxLoad, nExisting int) Input {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	langs := []string{"en", "fr", "de", "nl"}
	themes := []string{"upscaling", "inclusion", "digital", "governance", "climate", "health"}
	mainLang := make([]string, nCountries)
	countries := make([]string, nCountries)
	for c := range nCountries {
		countries[c] = fmt.Sprintf("C%02d", c)
		// English is the main language of few countries.
		mainLang[c] = langs[1+rng.IntN(3)]
		if rng.IntN(8) == 0 {
			mainLang[c] = "en"
		}
	}
	orgCountry := make([]int, nOrgs)
	for o := range orgCountry {
		orgCountry[o] = rng.IntN(nCountries)
	}
	pickThemes := func(lo, hi int) []string {
		k := lo + rng.IntN(hi-lo+1)
		out := make([]string, 0, k)
		for _, i := range rng.Perm(len(themes))[:k] {
			out = append(out, themes[i])
		}
		return out
	}
	in := Input{PerPractice: perPractice, MaxLoad: maxLoad, CrossBorder: true}
	for i := range nPractices {
		o := rng.IntN(nOrgs)
		c := orgCountry[o]
		ls := []string{mainLang[c]}
		if ls[0] != "en" && rng.IntN(10) < 4 {
			ls = append(ls, "en")
		}
		in.Practices = append(in.Practices, Practice{
			ID:             fmt.Sprintf("p%05d", i),
			OrganisationID: fmt.Sprintf("org%03d", o),
			Country:        countries[c],
			Languages:      ls,
			Themes:         pickThemes(1, 2),
		})
	}
	for i := range nReviewers {
		o := rng.IntN(nOrgs)
		c := orgCountry[o]
		ls := []string{mainLang[c]}
		switch k := rng.IntN(20); {
		case k < 3: // one language only
		case k < 18: // two
			ls = append(ls, otherLang(rng, langs, ls))
		default: // three
			ls = append(ls, otherLang(rng, langs, ls))
			ls = append(ls, otherLang(rng, langs, ls))
		}
		var conflicts []string
		for range rng.IntN(3) {
			conflicts = append(conflicts, fmt.Sprintf("org%03d", rng.IntN(nOrgs)))
		}
		in.Reviewers = append(in.Reviewers, Reviewer{
			ID:             fmt.Sprintf("r%04d", i),
			OrganisationID: fmt.Sprintf("org%03d", o),
			Country:        countries[c],
			Languages:      ls,
			Expertise:      pickThemes(1, 3),
			ConflictOrgs:   conflicts,
		})
	}
	in.Existing = randomExisting(rng, in, nExisting)
	return in
}

func otherLang(rng *rand.Rand, langs, have []string) string {
	for {
		l := langs[rng.IntN(len(langs))]
		ok := true
		for _, h := range have {
			ok = ok && h != l
		}
		if ok {
			return l
		}
	}
}

// randomExisting draws up to n random pairs that respect every hard rule.
func randomExisting(rng *rand.Rand, in Input, n int) []Pair {
	if len(in.Practices) == 0 || len(in.Reviewers) == 0 {
		return nil
	}
	perPractice := map[string]int{}
	load := map[string]int{}
	seen := map[Pair]bool{}
	var out []Pair
	for range 4 * n {
		if len(out) == n {
			break
		}
		p := in.Practices[rng.IntN(len(in.Practices))]
		r := in.Reviewers[rng.IntN(len(in.Reviewers))]
		x := Pair{p.ID, r.ID}
		if ok, _ := Eligible(p, r, in.CrossBorder); !ok || seen[x] ||
			perPractice[p.ID] >= in.PerPractice || load[r.ID] >= in.MaxLoad {
			continue
		}
		seen[x] = true
		perPractice[p.ID]++
		load[r.ID]++
		out = append(out, x)
	}
	return out
}

func BenchmarkSolve2000x500x3(b *testing.B) {
	in := realisticInput(1, 2000, 500, 25, 200, 3, 15, 300)
	res := Solve(in)
	pairs := make([]Pair, len(res.Assignments))
	for i, a := range res.Assignments {
		pairs[i] = Pair{a.PracticeID, a.ReviewerID}
	}
	if err := Validate(in, pairs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Solve(in)
	}
	b.ReportMetric(float64(len(res.Assignments)), "pairs")
	b.ReportMetric(float64(len(res.Unstaffed)), "unstaffed")
}

// withBids gives every reviewer about perReviewer bids on random practices, mostly
// eager or willing, some reluctant and a few conflicts, as a bidding phase leaves them.
func withBids(seed uint64, in Input, perReviewer int) Input {
	rng := rand.New(rand.NewPCG(seed, 0xb1d5))
	levels := []BidLevel{BidEager, BidEager, BidWilling, BidWilling, BidWilling, BidNeutral, BidReluctant, BidReluctant, BidConflict}
	for _, r := range in.Reviewers {
		for range perReviewer {
			p := in.Practices[rng.IntN(len(in.Practices))]
			in.Bids = append(in.Bids, Bid{PracticeID: p.ID, ReviewerID: r.ID, Level: levels[rng.IntN(len(levels))]})
		}
	}
	return in
}

func BenchmarkSolve2000x500x3Bids(b *testing.B) {
	in := withBids(2, realisticInput(1, 2000, 500, 25, 200, 3, 15, 300), 40)
	res := Solve(in)
	pairs := make([]Pair, len(res.Assignments))
	for i, a := range res.Assignments {
		pairs[i] = Pair{a.PracticeID, a.ReviewerID}
	}
	if err := Validate(in, pairs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Solve(in)
	}
	b.ReportMetric(float64(len(res.Assignments)), "pairs")
	b.ReportMetric(float64(len(res.Unstaffed)), "unstaffed")
}
