package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Internal rule codes, in the order Eligible checks them.
const (
	ruleOK int8 = iota
	ruleOrg
	ruleCountry
	ruleDeclared
	ruleLanguage
	ruleMaxLoad
	ruleDeclined
	numRules
)

var ruleNames = [numRules]string{
	ruleOrg:      RuleSameOrganisation,
	ruleCountry:  RuleSameCountry,
	ruleDeclared: RuleDeclared,
	ruleLanguage: RuleLanguage,
	ruleMaxLoad:  RuleMaxLoad,
	ruleDeclined: RuleDeclined,
}

// model is the normalised, interned form of an Input.
type model struct {
	in Input
	ps []practiceN
	rs []reviewerN

	// Interned attributes. Organisations and countries are indices (-1 for
	// an unknown organisation); languages and themes are bit sets of
	// words words each, stored flat.
	pOrg, rOrg         []int32
	pCountry, rCountry []int32 // index into countries; "" is a country like any other for grouping
	countries          []string
	rConflicts         [][]int32
	rConflictP         [][]int32 // practices each reviewer declared a conflict with (sorted)
	pBids              [][]pBid  // preference bids per practice (conflict bids are in rConflictP)
	words              int
	pLang, rLang       []uint64
	tWords             int
	pTheme, rExpertise []uint64

	exCount   []int     // existing reviewers per practice (known practices)
	exLoad    []int     // existing assignments per reviewer (known reviewers)
	exRevs    [][]int32 // existing known reviewers per practice
	blocked   [][]int32 // reviewers who declined the practice (Input.Excluded)
	exCountry [][]int32 // countries present per practice through existing pairs
}

// pBid is a reviewer's preference bid on one practice.
type pBid struct {
	r     int32
	level BidLevel
}

// bid returns r's bid on p ("" without one).
func (m *model) bid(p, r int) BidLevel {
	for _, b := range m.pBids[p] {
		if int(b.r) == r {
			return b.level
		}
	}
	return ""
}

func newModel(in Input) *model {
	ps, rs := normalise(in)
	m := &model{in: in, ps: ps, rs: rs}

	orgs := map[string]int32{}
	org := func(s string) int32 {
		if s == "" {
			return -1
		}
		if i, ok := orgs[s]; ok {
			return i
		}
		i := int32(len(orgs))
		orgs[s] = i
		return i
	}
	m.pOrg = make([]int32, len(ps))
	for i := range ps {
		m.pOrg[i] = org(ps[i].OrganisationID)
	}
	m.rOrg = make([]int32, len(rs))
	m.rConflicts = make([][]int32, len(rs))
	for i := range rs {
		m.rOrg[i] = org(rs[i].OrganisationID)
		for _, c := range rs[i].conflicts {
			// Only organisations of practices matter for conflicts.
			if j, ok := orgs[c]; ok && j >= 0 {
				m.rConflicts[i] = append(m.rConflicts[i], j)
			}
		}
	}

	// Countries are indexed in sorted order so that groups are visited
	// alphabetically.
	var cs []string
	for i := range ps {
		cs = append(cs, ps[i].country)
	}
	for i := range rs {
		cs = append(cs, rs[i].country)
	}
	slices.Sort(cs)
	m.countries = slices.Compact(cs)
	cIdx := func(s string) int32 {
		i, _ := slices.BinarySearch(m.countries, s)
		return int32(i)
	}
	m.pCountry = make([]int32, len(ps))
	for i := range ps {
		m.pCountry[i] = cIdx(ps[i].country)
	}
	m.rCountry = make([]int32, len(rs))
	for i := range rs {
		m.rCountry[i] = cIdx(rs[i].country)
	}

	langs := map[string]int{}
	themes := map[string]int{}
	for i := range ps {
		for _, l := range ps[i].langs {
			if _, ok := langs[l]; !ok {
				langs[l] = len(langs)
			}
		}
		for _, t := range ps[i].themes {
			if _, ok := themes[t]; !ok {
				themes[t] = len(themes)
			}
		}
	}
	m.words = max(1, (len(langs)+63)/64)
	m.tWords = max(1, (len(themes)+63)/64)
	m.pLang = make([]uint64, len(ps)*m.words)
	m.pTheme = make([]uint64, len(ps)*m.tWords)
	m.rLang = make([]uint64, len(rs)*m.words)
	m.rExpertise = make([]uint64, len(rs)*m.tWords)
	set := func(bits []uint64, i int) { bits[i/64] |= 1 << (i % 64) }
	for i := range ps {
		for _, l := range ps[i].langs {
			set(m.pLang[i*m.words:], langs[l])
		}
		for _, t := range ps[i].themes {
			set(m.pTheme[i*m.tWords:], themes[t])
		}
	}
	for i := range rs {
		for _, l := range rs[i].langs {
			if b, ok := langs[l]; ok {
				set(m.rLang[i*m.words:], b)
			}
		}
		for _, t := range rs[i].expertise {
			if b, ok := themes[t]; ok {
				set(m.rExpertise[i*m.tWords:], b)
			}
		}
	}

	// Existing pairs, de-duplicated.
	pIdx := make(map[string]int32, len(ps))
	for i := range ps {
		pIdx[ps[i].ID] = int32(i)
	}
	rIdx := make(map[string]int32, len(rs))
	for i := range rs {
		rIdx[rs[i].ID] = int32(i)
	}
	m.exCount = make([]int, len(ps))
	m.exLoad = make([]int, len(rs))
	m.exRevs = make([][]int32, len(ps))
	m.exCountry = make([][]int32, len(ps))
	seen := make(map[Pair]struct{}, len(in.Existing))
	for _, x := range in.Existing {
		if _, dup := seen[x]; dup {
			continue
		}
		seen[x] = struct{}{}
		p, okp := pIdx[x.PracticeID]
		r, okr := rIdx[x.ReviewerID]
		if okp {
			m.exCount[p]++
		}
		if okr {
			m.exLoad[r]++
		}
		if okp && okr {
			m.exRevs[p] = append(m.exRevs[p], r)
			if c := m.rCountry[r]; !slices.Contains(m.exCountry[p], c) {
				m.exCountry[p] = append(m.exCountry[p], c)
			}
		}
	}
	m.rConflictP = make([][]int32, len(rs))
	for r := range rs {
		for _, id := range rs[r].conflictP {
			if p, ok := pIdx[id]; ok {
				m.rConflictP[r] = append(m.rConflictP[r], p)
			}
		}
		slices.Sort(m.rConflictP[r])
	}
	m.pBids = make([][]pBid, len(ps))
	for x, level := range bidIndex(in.Bids) {
		p, okp := pIdx[x.PracticeID]
		r, okr := rIdx[x.ReviewerID]
		if okp && okr && level != BidConflict {
			m.pBids[p] = append(m.pBids[p], pBid{r, level})
		}
	}
	for p := range m.pBids {
		slices.SortFunc(m.pBids[p], func(a, b pBid) int { return cmp.Compare(a.r, b.r) })
	}
	m.blocked = make([][]int32, len(ps))
	for _, x := range in.Excluded {
		p, okp := pIdx[x.PracticeID]
		r, okr := rIdx[x.ReviewerID]
		if okp && okr {
			m.blocked[p] = append(m.blocked[p], r)
		}
	}
	return m
}

func intersects(a, b []uint64) bool {
	for i := range a {
		if a[i]&b[i] != 0 {
			return true
		}
	}
	return false
}

// rule is Eligible on interned data.
func (m *model) rule(p, r int) int8 {
	po := m.pOrg[p]
	if po >= 0 && po == m.rOrg[r] {
		return ruleOrg
	}
	if m.in.CrossBorder && m.pCountry[p] == m.rCountry[r] && m.ps[p].country != "" {
		return ruleCountry
	}
	if po >= 0 && slices.Contains(m.rConflicts[r], po) {
		return ruleDeclared
	}
	if len(m.rConflictP[r]) > 0 {
		if _, found := slices.BinarySearch(m.rConflictP[r], int32(p)); found {
			return ruleDeclared
		}
	}
	if !intersects(m.pLang[p*m.words:(p+1)*m.words], m.rLang[r*m.words:(r+1)*m.words]) {
		return ruleLanguage
	}
	return ruleOK
}

func (m *model) expert(p, r int) bool {
	return intersects(m.pTheme[p*m.tWords:(p+1)*m.tWords], m.rExpertise[r*m.tWords:(r+1)*m.tWords])
}

// Solve proposes new pairs for in. See the package documentation for the
// objective and the algorithm.
func Solve(in Input) Result {
	m := newModel(in)
	nP, nR := len(m.ps), len(m.rs)

	// Open slots and spare capacity, clamped to what the other side can
	// use so that huge limits cannot overflow.
	open := make([]int32, nP)
	for p := range open {
		open[p] = int32(min(max(0, in.PerPractice-m.exCount[p]), nR))
	}
	capR := make([]int32, nR)
	for r := range capR {
		capR[r] = int32(min(max(0, in.MaxLoad-m.exLoad[r]), nP))
	}

	// Reviewers with capacity, ordered by country then ID, so that the
	// candidates of a practice come grouped by country.
	order := make([]int32, 0, nR)
	for r := range nR {
		if capR[r] > 0 {
			order = append(order, int32(r))
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(m.rCountry[a], m.rCountry[b]) })

	net := &network{nP: nP, nR: nR, open: open, capR: capR}
	net.exLoad = make([]int32, nR)
	for r := range nR {
		net.exLoad[r] = int32(m.exLoad[r])
	}
	// Two passes over the eligible pairs: the first counts them and records
	// them in a bit set, so that the arc arrays are allocated once.
	net.gBeg = make([]int32, nP+1)
	stride := len(order)
	elig := make([]uint64, (nP*stride+63)/64)
	mark := make([]int32, nR) // mark[r] == p+1: r already reviews p
	nArcs, nGroups := 0, 0
	for p := range nP {
		if open[p] == 0 {
			continue
		}
		for _, r := range m.exRevs[p] {
			mark[r] = int32(p + 1)
		}
		for _, r := range m.blocked[p] {
			mark[r] = int32(p + 1)
		}
		cur := int32(-1)
		for i, r := range order {
			if mark[r] == int32(p+1) || m.rule(p, int(r)) != ruleOK {
				continue
			}
			bit := p*stride + i
			elig[bit/64] |= 1 << (bit % 64)
			nArcs++
			if c := m.rCountry[r]; c != cur {
				cur = c
				nGroups++
			}
		}
	}
	net.gPr = make([]int32, 0, nGroups)
	net.gFree = make([]bool, 0, nGroups)
	net.aBeg = make([]int32, 1, nGroups+1)
	net.aTo = make([]int32, 0, nArcs)
	net.aCost = make([]int32, 0, nArcs)
	// Pair arcs carry the pair cost plus BidEagerBonus, so that every arc cost is
	// non-negative (the first Dijkstra pass starts from zero potentials). Every unit
	// of flow crosses exactly one pair arc, so the offset adds BidEagerBonus per
	// pair to every flow of a given value and changes no choice.
	bidOf := make([]BidLevel, nR)
	for p := range nP {
		net.gBeg[p] = int32(len(net.gPr))
		for _, b := range m.pBids[p] {
			bidOf[b.r] = b.level
		}
		cur := int32(-1)
		for i, r := range order {
			bit := p*stride + i
			if elig[bit/64]&(1<<(bit%64)) == 0 {
				continue
			}
			if c := m.rCountry[r]; c != cur {
				if cur >= 0 {
					net.aBeg = append(net.aBeg, int32(len(net.aTo)))
				}
				cur = c
				net.gPr = append(net.gPr, int32(p))
				net.gFree = append(net.gFree, !slices.Contains(m.exCountry[p], c))
			}
			net.aTo = append(net.aTo, r)
			net.aCost = append(net.aCost, int32(pairCost(m.expert(p, int(r)), bidOf[r])+BidEagerBonus))
		}
		for _, b := range m.pBids[p] {
			bidOf[b.r] = ""
		}
		if cur >= 0 {
			net.aBeg = append(net.aBeg, int32(len(net.aTo)))
		}
	}
	net.gBeg[nP] = int32(len(net.gPr))
	net.run()

	// Collect the new pairs and the final state.
	type newPair struct{ p, r int32 }
	var pairs []newPair
	for g := range net.gPr {
		for a := net.aBeg[g]; a < net.aBeg[g+1]; a++ {
			if net.aFlow[a] {
				pairs = append(pairs, newPair{net.gPr[g], net.aTo[a]})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b newPair) int {
		if c := cmp.Compare(a.p, b.p); c != 0 {
			return c
		}
		return cmp.Compare(a.r, b.r)
	})
	load := slices.Clone(m.exLoad)
	found := slices.Clone(m.exCount)
	for _, x := range pairs {
		load[x.r]++
		found[x.p]++
	}

	res := Result{Assignments: make([]Assignment, 0, len(pairs))}
	out := make([]Pair, 0, len(pairs))
	for i, x := range pairs {
		p, r := int(x.p), int(x.r)
		// A repeated country: an existing reviewer of p, or a new one with a
		// smaller ID, comes from the same country. The first one carries no note.
		dup := false
		for _, e := range m.exRevs[p] {
			dup = dup || m.rCountry[e] == m.rCountry[r]
		}
		for j := i - 1; j >= 0 && pairs[j].p == x.p; j-- {
			dup = dup || m.rCountry[pairs[j].r] == m.rCountry[r]
		}
		res.Assignments = append(res.Assignments, Assignment{
			PracticeID:  m.ps[p].ID,
			ReviewerID:  m.rs[r].ID,
			Explanation: m.explain(p, r, load[r], dup),
			Reasons:     m.reasons(p, r, load[r], dup),
		})
		out = append(out, Pair{m.ps[p].ID, m.rs[r].ID})
	}

	if in.PerPractice > 0 {
		assigned := make([]bool, nR)
		k := 0
		for p := range nP {
			for k < len(pairs) && int(pairs[k].p) < p {
				k++
			}
			if found[p] >= in.PerPractice {
				continue
			}
			clear(assigned)
			for _, r := range m.exRevs[p] {
				assigned[r] = true
			}
			for j := k; j < len(pairs) && int(pairs[j].p) == p; j++ {
				assigned[pairs[j].r] = true
			}
			res.Unstaffed = append(res.Unstaffed, m.unstaffed(p, found[p], assigned, load))
		}
	}
	res.Cost = Cost(in, out)
	return res
}

// reasons is the explanation of a new pair as data, for clients that write it in their own words.
func (m *model) reasons(p, r, load int, dupCountry bool) Reasons {
	pr, rv := &m.ps[p], &m.rs[r]
	return Reasons{ReviewerCountry: rv.country, PracticeCountry: pr.country, Languages: nonNil(common(pr.langs, rv.langs)),
		Expertise: nonNil(common(pr.themes, rv.expertise)), Load: load, MaxLoad: m.in.MaxLoad, SharesCountry: dupCountry, Bid: m.bid(p, r)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// explain writes the one-sentence explanation of a new pair.
func (m *model) explain(p, r, load int, dupCountry bool) string {
	pr, rv := &m.ps[p], &m.rs[r]
	var b strings.Builder
	fmt.Fprintf(&b, "Reviewer from %s for a practice from %s; reads %s; ",
		countryName(rv.country), countryName(pr.country), strings.Join(common(pr.langs, rv.langs), ", "))
	if th := common(pr.themes, rv.expertise); len(th) > 0 {
		fmt.Fprintf(&b, "expertise in %s; ", strings.Join(th, ", "))
	} else {
		b.WriteString("no expertise in the practice's themes; ")
	}
	fmt.Fprintf(&b, "load %d of %d", load, m.in.MaxLoad)
	// A bid is mentioned when it weighed in the choice: neutral is the same as none.
	switch bid := m.bid(p, r); bid {
	case BidEager, BidWilling, BidReluctant:
		fmt.Fprintf(&b, "; bid %s on this practice", bid)
	}
	if dupCountry {
		fmt.Fprintf(&b, "; shares country %s with another reviewer of this practice", countryName(rv.country))
	}
	b.WriteByte('.')
	return b.String()
}

func countryName(c string) string {
	if c == "" {
		return "an unknown country"
	}
	return c
}

// common returns the elements present in both sorted slices.
func common(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// unstaffed explains why practice p has only found reviewers, classifying
// every reviewer not on it by the first rule that keeps them off.
func (m *model) unstaffed(p, found int, assigned []bool, load []int) Unstaffed {
	var counts [numRules]int
	unused := 0
	declined := make(map[int32]bool, len(m.blocked[p]))
	for _, r := range m.blocked[p] {
		declined[r] = true
	}
	for r := range m.rs {
		if assigned[r] {
			continue
		}
		switch rule := m.rule(p, r); {
		case declined[int32(r)]:
			counts[ruleDeclined]++
		case rule != ruleOK:
			counts[rule]++
		case load[r] >= m.in.MaxLoad:
			counts[ruleMaxLoad]++
		default:
			// Cannot happen with a maximum flow; reported rather than hidden.
			unused++
		}
	}
	u := Unstaffed{
		PracticeID: m.ps[p].ID,
		Missing:    m.in.PerPractice - found,
		Found:      found,
	}
	var parts []string
	pr := &m.ps[p]
	for rule := ruleOrg; rule < numRules; rule++ {
		n := counts[rule]
		if n == 0 {
			continue
		}
		u.Excluded = append(u.Excluded, RuleCount{Rule: ruleNames[rule], Count: n})
		switch rule {
		case ruleOrg:
			parts = append(parts, fmt.Sprintf("%d from the practice's own organisation", n))
		case ruleCountry:
			parts = append(parts, fmt.Sprintf("%d from the practice's country (%s)", n, pr.country))
		case ruleDeclared:
			parts = append(parts, fmt.Sprintf("%d declared a conflict with it or its organisation", n))
		case ruleLanguage:
			if len(pr.langs) == 0 {
				parts = append(parts, fmt.Sprintf("%d cannot read it (the practice has no language)", n))
			} else {
				parts = append(parts, fmt.Sprintf("%d do not read %s", n, strings.Join(pr.langs, " or ")))
			}
		case ruleMaxLoad:
			parts = append(parts, fmt.Sprintf("%d at maximum load (%d)", n, m.in.MaxLoad))
		case ruleDeclined:
			parts = append(parts, fmt.Sprintf("%d declined it in this round", n))
		}
	}
	if unused > 0 {
		parts = append(parts, fmt.Sprintf("%d eligible but unused", unused))
	}
	head := fmt.Sprintf("%d of %d reviewers found", found, m.in.PerPractice)
	switch {
	case len(m.rs) == 0:
		u.Reason = head + ": the reviewer pool is empty."
	case len(parts) == 0:
		u.Reason = head + ": every reviewer in the pool already reviews it."
	default:
		u.Reason = head + ": " + strings.Join(parts, ", ") + "."
	}
	return u
}
