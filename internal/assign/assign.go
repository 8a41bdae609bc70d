// Package assign proposes reviewer assignments for a peer-review round.
//
// The package is pure: it performs no I/O, keeps no global state and depends
// only on the standard library. Given the practices of a round, the reviewer
// pool and the assignments already made, Solve proposes the missing
// (practice, reviewer) pairs so that
//
//  1. every hard rule holds (see Eligible, MaxLoad, PerPractice);
//  2. as many open review slots as possible are staffed;
//  3. among those proposals, Cost — the single objective of the package — is
//     minimal: reviewers of one practice come from distinct countries where
//     possible, load is spread over the pool, and reviewers with expertise in
//     the practice's themes are preferred.
//
// The result is deterministic: the same input, in any order, yields the same
// proposal. Each proposed pair carries a one-sentence explanation, and every
// practice that stays understaffed is reported with the rules that blocked it.
//
// # Objective
//
// Staffing is maximised first (lexicographically, by the algorithm), then Cost
// is minimised. Cost is a sum of small integer terms over all pairs of the
// round, existing ones included:
//
//   - CountryPenalty (1000) for every reviewer of a practice beyond the first
//     from the same country. It is far larger than anything load or expertise
//     can contribute on one reassignment (a marginal load step is at most
//     LoadStep·(MaxLoad−1) = 140 for MaxLoad 15, expertise is worth 15), so a
//     duplicate country is only proposed when no distinct-country alternative
//     exists; for MaxLoad below 100 no single swap can outweigh it. It is a
//     weight, not an infinite priority: only an exchange chain touching dozens
//     of reviewers could in theory trade one duplicate for its savings.
//   - Load: a reviewer with k assignments in the round costs
//     LoadStep·k·(k−1)/2, i.e. the k-th assignment costs LoadStep·(k−1)
//     (0, 10, 20, …). The cost is convex, so spreading work is cheaper than
//     piling it on one reviewer.
//   - Pair: every pair costs PairBase (20), minus ExpertiseBonus (15) when the
//     reviewer has expertise in at least one theme of the practice, plus the
//     bid term of the reviewer's bid on that practice (see Bids).
//
// The trade-off between load and expertise is deliberate: the expertise bonus
// (15) is worth more than one load step (10) and less than two (20). An expert
// is therefore preferred to a non-expert whose load is at most one assignment
// lower, but a non-expert is chosen over an expert who already carries two or
// more assignments more. Balance stays the stronger force across the pool,
// expertise decides between comparably loaded reviewers.
//
// # Bids
//
// Before assignment, reviewers state their interest in each practice (Input.Bids):
// eager, willing, neutral, reluctant or conflict. No bid is neutral. A bid is the
// reviewer's own word about one practice, while expertise is inferred from theme keys,
// so a clear bid may outweigh expertise; it stays a preference, below balance of
// load beyond a couple of assignments and far below the country rule:
//
//   - eager: −BidEagerBonus (25). More than expertise (15) and two load steps (20),
//     less than three (30): an eager reviewer is preferred to a neutral expert, and to
//     a neutral reviewer carrying up to two assignments fewer, not three.
//   - willing: −BidWillingBonus (5). Less than a load step (10) and than expertise
//     (15): it decides only between reviewers of equal load and expertise, as a
//     willing reviewer is one who would do it, not one who asks for it.
//   - neutral or no bid: 0.
//   - reluctant: +BidReluctantPenalty (35). More than expertise and a load step
//     together (25): a reluctant reviewer is taken only when every alternative carries
//     four or more assignments more, lacks expertise and carries three more, or would
//     repeat a country.
//   - conflict: not a cost but a hard rule, exactly like a conflict declared with the
//     practice's organisation (RuleDeclared): the pair is never proposed, Validate
//     refuses it, and Unstaffed counts it under conflict_declared.
//
// The whole spread of a bid, eager to reluctant, is 60: far below CountryPenalty, so no
// bid ever makes a practice repeat a country where a distinct one is possible, and
// staffing still comes first, so a reluctant reviewer fills a slot that would otherwise
// stay empty. With bids, the bound under which no single swap trades a duplicate
// country for savings is MaxLoad ≤ 93 (LoadStep·92 + 15 + 60 < 1000).
//
// # Algorithm
//
// Solve builds a flow network
//
//	source → practice (capacity: open slots)
//	practice → practice×country (first unit free unless the country is
//	                             already present, further units cost
//	                             CountryPenalty)
//	practice×country → reviewer (capacity 1, pair cost)
//	reviewer → sink (unit steps costing LoadStep·(k−1) for the k-th
//	                 assignment, from the existing load up to MaxLoad)
//
// and computes a minimum-cost maximum flow with a primal–dual method: a
// Dijkstra pass with node potentials computes shortest-path distances in
// reduced costs, then a depth-first search augments as many paths as it can
// over the admissible (zero reduced cost) residual graph before the next
// Dijkstra pass. Costs are small integers, so the shortest-path length takes
// few distinct values and few phases are needed: about a dozen for 2,000
// practices and 500 reviewers. Dijkstra uses a radix heap and stops once
// the sink is settled; residual arcs of the pair layer are derived from the
// flow rather than stored, which keeps the network at about 9 bytes per
// eligible pair. Each augmentation follows a
// shortest path, so the flow is min-cost for every flow value and the final
// flow is a min-cost maximum flow: exactly the lexicographic objective.
package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Cost constants. See the package documentation for their rationale.
const (
	// CountryPenalty is charged for every reviewer of a practice beyond the
	// first one from the same country.
	CountryPenalty = 1000
	// LoadStep is the growth of the marginal load cost: the k-th assignment
	// of a reviewer in the round costs LoadStep·(k−1).
	LoadStep = 10
	// PairBase is the cost of every (practice, reviewer) pair.
	PairBase = 20
	// ExpertiseBonus is subtracted from PairBase when the reviewer has
	// expertise in at least one of the practice's themes.
	ExpertiseBonus = 15
	// BidEagerBonus is subtracted from the pair cost of an eager bid.
	BidEagerBonus = 25
	// BidWillingBonus is subtracted from the pair cost of a willing bid.
	BidWillingBonus = 5
	// BidReluctantPenalty is added to the pair cost of a reluctant bid.
	BidReluctantPenalty = 35
)

// BidLevel is a reviewer's stated interest in reviewing one practice.
type BidLevel string

// Bid levels, from most to least wanted. An absent bid is BidNeutral.
const (
	BidEager     BidLevel = "eager"
	BidWilling   BidLevel = "willing"
	BidNeutral   BidLevel = "neutral"
	BidReluctant BidLevel = "reluctant"
	BidConflict  BidLevel = "conflict"
)

// bidRank orders the levels by cost; an unknown level counts as neutral.
func bidRank(l BidLevel) int {
	switch l {
	case BidEager:
		return 0
	case BidWilling:
		return 1
	case BidReluctant:
		return 3
	case BidConflict:
		return 4
	}
	return 2
}

// bidCost is the bid term of the pair cost (0 for conflict, which is a hard rule).
func bidCost(l BidLevel) int64 {
	switch l {
	case BidEager:
		return -BidEagerBonus
	case BidWilling:
		return -BidWillingBonus
	case BidReluctant:
		return BidReluctantPenalty
	}
	return 0
}

// Bid is a reviewer's bid on one practice of the round.
type Bid struct {
	PracticeID, ReviewerID string
	Level                  BidLevel
}

// Rule codes reported by Eligible and in Unstaffed.Excluded.
const (
	RuleSameOrganisation = "conflict_same_organisation"
	RuleSameCountry      = "conflict_same_country"
	RuleDeclared         = "conflict_declared"
	RuleLanguage         = "language_mismatch"
	// RuleMaxLoad is not an eligibility rule: it counts eligible reviewers
	// that had no capacity left, in Unstaffed reports.
	RuleMaxLoad = "at_max_load"
	// RuleDeclined counts reviewers who declined the practice in this round (Input.Excluded);
	// they are counted here whatever other rule would also keep them off.
	RuleDeclined = "declined"
)

// Practice is a good practice to be reviewed in the round.
type Practice struct {
	ID             string
	OrganisationID string
	Country        string   // ISO code
	Languages      []string // the practice's language and those of its translations
	Themes         []string
}

// Reviewer is a member of the reviewer pool.
type Reviewer struct {
	ID             string
	OrganisationID string
	Country        string
	Languages      []string // what the reviewer reads
	Expertise      []string // theme keys
	ConflictOrgs   []string // organisations the reviewer declared a conflict with
	// ConflictPractices are practices the reviewer declared a conflict with (a conflict
	// bid); a BidConflict in Input.Bids has the same effect.
	ConflictPractices []string
}

// Pair is one (practice, reviewer) assignment.
type Pair struct{ PracticeID, ReviewerID string }

// Input describes one auto-assignment request.
type Input struct {
	Practices []Practice
	Reviewers []Reviewer
	// Existing assignments are kept as they are; they count towards
	// PerPractice, reviewer load and the countries present on a practice.
	Existing []Pair
	// Excluded pairs are never proposed: the reviewer declined that practice in this round.
	Excluded []Pair
	// Bids are the reviewers' stated interest per practice. Bids naming an unknown
	// practice or reviewer are ignored; when a pair has several, the least wanted
	// level counts (conflict before reluctant before neutral …), whatever the order.
	Bids        []Bid
	PerPractice int  // reviewers wanted per practice
	MaxLoad     int  // max assignments per reviewer in the round, existing included (≤ 0: no new ones)
	CrossBorder bool // reviewer's country must differ from the practice's country
}

// Assignment is one proposed new pair with a human-readable explanation and the same facts as data.
type Assignment struct {
	PracticeID, ReviewerID, Explanation string
	Reasons                             Reasons
}

// Reasons are the facts behind a proposed pair: countries, the languages the reviewer reads of
// the practice's, the practice's themes the reviewer has expertise in (keys), the reviewer's
// load in the round with this pair, whether another reviewer of the practice shares the
// reviewer's country, and the reviewer's bid on the practice ("" without one).
type Reasons struct {
	ReviewerCountry, PracticeCountry string
	Languages, Expertise             []string
	Load, MaxLoad                    int
	SharesCountry                    bool
	Bid                              BidLevel
}

// RuleCount counts the reviewers excluded from a practice by one rule.
type RuleCount struct {
	Rule  string // one of the Rule* codes
	Count int
}

// Unstaffed names a practice that still lacks reviewers after the proposal.
type Unstaffed struct {
	PracticeID string
	Missing    int    // PerPractice minus the reviewers it has (existing and new)
	Reason     string // one human sentence
	Found      int    // reviewers it has, existing and new
	// Excluded counts, for every reviewer not on the practice, the first
	// rule that keeps them off it (in the order of the Rule* constants),
	// evaluated on the final assignment. Rules with a zero count are left out.
	Excluded []RuleCount
}

// Result is the proposal.
type Result struct {
	Assignments []Assignment // new pairs only, sorted by practice then reviewer id
	Unstaffed   []Unstaffed  // practices with fewer than PerPractice reviewers after the proposal, by id
	Cost        int64        // Cost(in, new pairs): objective value of existing + new pairs
}

// Eligible reports whether reviewer r may review practice p, and if not, the
// rule code that forbids it. Rules are checked in this order:
// RuleSameOrganisation, RuleSameCountry (only with crossBorder), RuleDeclared
// (a conflict with the practice's organisation or with the practice itself),
// RuleLanguage. Countries, languages and themes compare case-insensitively
// and ignore surrounding spaces; an empty organisation or country is unknown
// and never conflicts. A practice without languages matches no reviewer.
func Eligible(p Practice, r Reviewer, crossBorder bool) (ok bool, rule string) {
	if p.OrganisationID != "" && p.OrganisationID == r.OrganisationID {
		return false, RuleSameOrganisation
	}
	if crossBorder {
		if pc := normCountry(p.Country); pc != "" && pc == normCountry(r.Country) {
			return false, RuleSameCountry
		}
	}
	if p.OrganisationID != "" && slices.Contains(r.ConflictOrgs, p.OrganisationID) {
		return false, RuleDeclared
	}
	if p.ID != "" && slices.Contains(r.ConflictPractices, p.ID) {
		return false, RuleDeclared
	}
	for _, pl := range p.Languages {
		pl = normKey(pl)
		if pl == "" {
			continue
		}
		for _, rl := range r.Languages {
			if normKey(rl) == pl {
				return true, ""
			}
		}
	}
	return false, RuleLanguage
}

// hasExpertise reports whether r has expertise in at least one theme of p.
func hasExpertise(p Practice, r Reviewer) bool {
	for _, t := range p.Themes {
		t = normKey(t)
		if t == "" {
			continue
		}
		for _, e := range r.Expertise {
			if normKey(e) == t {
				return true
			}
		}
	}
	return false
}

// pairCost is the pair term of Cost.
func pairCost(expert bool, bid BidLevel) int64 {
	c := int64(PairBase) + bidCost(bid)
	if expert {
		c -= ExpertiseBonus
	}
	return c
}

// bidIndex maps each (practice, reviewer) pair to its bid, keeping the least wanted
// level when a pair has several.
func bidIndex(bids []Bid) map[Pair]BidLevel {
	out := make(map[Pair]BidLevel, len(bids))
	for _, b := range bids {
		k := Pair{b.PracticeID, b.ReviewerID}
		if old, ok := out[k]; !ok || bidRank(b.Level) > bidRank(old) {
			out[k] = b.Level
		}
	}
	return out
}

// loadCost is the load term of Cost for a reviewer with k assignments.
func loadCost(k int64) int64 { return LoadStep * k * (k - 1) / 2 }

// Cost is the objective: the value of the assignment made of in.Existing
// plus pairs (the proposed new pairs). Duplicate pairs count once. It sums
//
//   - PairBase, minus ExpertiseBonus with matching expertise, plus the bid
//     term (−BidEagerBonus, −BidWillingBonus, 0, +BidReluctantPenalty), per pair;
//   - LoadStep·k·(k−1)/2 per reviewer with k pairs;
//   - CountryPenalty per reviewer of a practice beyond the first one from
//     the same country.
//
// Pairs naming an unknown practice or reviewer still count towards the
// reviewer's load and cost PairBase. Cost does not check the hard rules; see
// Validate.
func Cost(in Input, pairs []Pair) int64 {
	ps, rs := normalise(in)
	bids := bidIndex(in.Bids)
	pIdx := make(map[string]int, len(ps))
	for i := range ps {
		pIdx[ps[i].ID] = i
	}
	rIdx := make(map[string]int, len(rs))
	for i := range rs {
		rIdx[rs[i].ID] = i
	}
	type pc struct {
		p       int
		country string
	}
	seen := make(map[Pair]struct{}, len(in.Existing)+len(pairs))
	load := make(map[string]int64)
	countries := make(map[pc]int64)
	var total int64
	add := func(x Pair) {
		if _, dup := seen[x]; dup {
			return
		}
		seen[x] = struct{}{}
		load[x.ReviewerID]++
		pi, okp := pIdx[x.PracticeID]
		ri, okr := rIdx[x.ReviewerID]
		if !okp || !okr {
			total += PairBase
			return
		}
		total += pairCost(hasExpertise(ps[pi].Practice, rs[ri].Reviewer), bids[x])
		countries[pc{pi, rs[ri].country}]++
	}
	for _, x := range in.Existing {
		add(x)
	}
	for _, x := range pairs {
		add(x)
	}
	for _, k := range load {
		total += loadCost(k)
	}
	for _, n := range countries {
		total += CountryPenalty * (n - 1)
	}
	return total
}

// Validate checks proposed new pairs against every hard rule, given the
// existing assignments of in: known practice and reviewer, eligibility, no
// duplicate of an existing or another new pair, at most PerPractice
// reviewers per practice and at most MaxLoad assignments per reviewer
// (existing ones included). It returns the first violation found.
func Validate(in Input, pairs []Pair) error {
	ps, rs := normalise(in)
	pIdx := make(map[string]int, len(ps))
	for i := range ps {
		pIdx[ps[i].ID] = i
	}
	rIdx := make(map[string]int, len(rs))
	for i := range rs {
		rIdx[rs[i].ID] = i
	}
	seen := make(map[Pair]struct{}, len(in.Existing)+len(pairs))
	perPractice := make(map[string]int)
	load := make(map[string]int)
	for _, x := range in.Existing {
		if _, dup := seen[x]; dup {
			continue
		}
		seen[x] = struct{}{}
		perPractice[x.PracticeID]++
		load[x.ReviewerID]++
	}
	for _, x := range pairs {
		pi, ok := pIdx[x.PracticeID]
		if !ok {
			return fmt.Errorf("pair %s/%s: unknown practice", x.PracticeID, x.ReviewerID)
		}
		ri, ok := rIdx[x.ReviewerID]
		if !ok {
			return fmt.Errorf("pair %s/%s: unknown reviewer", x.PracticeID, x.ReviewerID)
		}
		if _, dup := seen[x]; dup {
			return fmt.Errorf("pair %s/%s: duplicate assignment", x.PracticeID, x.ReviewerID)
		}
		seen[x] = struct{}{}
		if ok, rule := Eligible(ps[pi].Practice, rs[ri].Reviewer, in.CrossBorder); !ok {
			return fmt.Errorf("pair %s/%s: %s", x.PracticeID, x.ReviewerID, rule)
		}
		if slices.Contains(in.Excluded, x) {
			return fmt.Errorf("pair %s/%s: excluded (declined)", x.PracticeID, x.ReviewerID)
		}
		perPractice[x.PracticeID]++
		if perPractice[x.PracticeID] > in.PerPractice {
			return fmt.Errorf("pair %s/%s: practice has more than %d reviewers", x.PracticeID, x.ReviewerID, in.PerPractice)
		}
		load[x.ReviewerID]++
		if load[x.ReviewerID] > in.MaxLoad {
			return fmt.Errorf("pair %s/%s: reviewer has more than %d assignments", x.PracticeID, x.ReviewerID, in.MaxLoad)
		}
	}
	return nil
}

// normCountry normalises an ISO country code for comparison and display.
func normCountry(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// normKey normalises a language or theme key.
func normKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// normSet returns the normalised, non-empty, sorted and de-duplicated keys.
func normSet(xs []string, norm func(string) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x = norm(x); x != "" {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func identity(s string) string { return s }

type practiceN struct {
	Practice
	country string
	langs   []string
	themes  []string
}

type reviewerN struct {
	Reviewer
	country   string
	langs     []string
	expertise []string
	conflicts []string
	conflictP []string // practices the reviewer declared a conflict with, bids included
}

// canonical is a total order key on normalised contents, used only to pick
// one entry deterministically when an ID occurs more than once.
func canonical(parts ...any) string {
	var b strings.Builder
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			b.WriteString(v)
		case []string:
			b.WriteString(strings.Join(v, "\x01"))
		}
		b.WriteByte(0)
	}
	return b.String()
}

// normalise returns the practices and reviewers sorted by ID, with their
// keys normalised. When an ID occurs more than once, the entry with the
// smallest normalised content is kept, so the choice does not depend on the
// input order.
func normalise(in Input) ([]practiceN, []reviewerN) {
	ps := make([]practiceN, len(in.Practices))
	for i, p := range in.Practices {
		ps[i] = practiceN{
			Practice: p,
			country:  normCountry(p.Country),
			langs:    normSet(p.Languages, normKey),
			themes:   normSet(p.Themes, normKey),
		}
	}
	pKey := func(p *practiceN) string {
		return canonical(p.OrganisationID, p.country, p.langs, p.themes)
	}
	slices.SortFunc(ps, func(a, b practiceN) int {
		if c := cmp.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return cmp.Compare(pKey(&a), pKey(&b))
	})
	ps = slices.CompactFunc(ps, func(a, b practiceN) bool { return a.ID == b.ID })

	conflictBids := map[string][]string{}
	for _, b := range in.Bids {
		if b.Level == BidConflict {
			conflictBids[b.ReviewerID] = append(conflictBids[b.ReviewerID], b.PracticeID)
		}
	}
	rs := make([]reviewerN, len(in.Reviewers))
	for i, r := range in.Reviewers {
		rs[i] = reviewerN{
			Reviewer:  r,
			country:   normCountry(r.Country),
			langs:     normSet(r.Languages, normKey),
			expertise: normSet(r.Expertise, normKey),
			conflicts: normSet(r.ConflictOrgs, identity),
			conflictP: normSet(append(slices.Clone(r.ConflictPractices), conflictBids[r.ID]...), identity),
		}
	}
	rKey := func(r *reviewerN) string {
		return canonical(r.OrganisationID, r.country, r.langs, r.expertise, r.conflicts, r.conflictP)
	}
	slices.SortFunc(rs, func(a, b reviewerN) int {
		if c := cmp.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return cmp.Compare(rKey(&a), rKey(&b))
	})
	rs = slices.CompactFunc(rs, func(a, b reviewerN) bool { return a.ID == b.ID })

	// Keep the canonical content only: the raw slices may differ in order
	// or case between equivalent inputs.
	for i := range ps {
		ps[i].Country, ps[i].Languages, ps[i].Themes = ps[i].country, ps[i].langs, ps[i].themes
	}
	for i := range rs {
		r := &rs[i]
		r.Country, r.Languages, r.Expertise, r.ConflictOrgs, r.ConflictPractices = r.country, r.langs, r.expertise, r.conflicts, r.conflictP
	}
	return ps, rs
}
