package domain

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Want is how much an organisation wants to learn about a theme.
type Want string

const (
	WantNone Want = "none"
	WantSome Want = "some"
	WantHigh Want = "high"
)

// Wants is the closed vocabulary of want levels, least first.
var Wants = []Want{WantNone, WantSome, WantHigh}

// weight is how much a want counts when suggestions are ranked: a theme wanted highly counts
// three times a theme wanted somewhat.
func (w Want) weight() int {
	switch w {
	case WantHigh:
		return 3
	case WantSome:
		return 1
	}
	return 0
}

// Wanted reports whether the level asks for anything.
func (w Want) Wanted() bool { return w == WantSome || w == WantHigh }

// Bounds of a learning profile's questions.
const (
	MaxLearningQuestions     = 5   // per theme
	MinLearningQuestionChars = 3   // characters
	MaxLearningQuestionChars = 300 // characters
)

// LearningTheme is what an organisation says about one theme of a programme: whether it can
// teach others about it, how much it wants to learn, and what it would ask.
type LearningTheme struct {
	Key       string
	Offers    bool
	Wants     Want
	Questions []string
}

// Empty reports whether the theme says nothing: it is then not stored.
func (t LearningTheme) Empty() bool { return !t.Offers && !t.Wants.Wanted() && len(t.Questions) == 0 }

// LearningProfile is an organisation's offers and wants in one programme. Version 0 is a profile
// nobody saved yet.
type LearningProfile struct {
	ProgrammeID    uuid.UUID
	OrganisationID uuid.UUID
	Themes         []LearningTheme
	Version        int
	UpdatedBy      *uuid.UUID
	UpdatedAt      *time.Time
}

// Theme returns what the profile says about key (nothing: offers false, wants none).
func (p *LearningProfile) Theme(key string) LearningTheme {
	for _, t := range p.Themes {
		if t.Key == key {
			return t
		}
	}
	return LearningTheme{Key: key, Wants: WantNone, Questions: []string{}}
}

// ForThemes is the profile over exactly the programme's themes, in the programme's order: themes
// the profile says nothing about are filled in empty, themes the programme no longer has are left
// out.
func (p LearningProfile) ForThemes(themes []Keyed) LearningProfile {
	out := p
	out.Themes = make([]LearningTheme, len(themes))
	for i, k := range themes {
		out.Themes[i] = p.Theme(k.Key)
	}
	return out
}

// CanEditLearningProfile: the partners and coordinators of the programme, for their own
// organisation (admins too); reviewers only read it.
func CanEditLearningProfile(s Scope) bool { return s.IsCoordinator() || s.Has(RolePartner) }

// LearnerOrganisation is an organisation with its learning profile in a programme, as the
// matches and the learning map read it.
type LearnerOrganisation struct {
	ID      uuid.UUID
	Name    string
	Country string
	Profile LearningProfile
}

// Reason codes of a suggestion; the web app writes them in the reader's language.
const (
	ReasonReciprocal         = "reciprocal"            // they offer what you want and want what you offer
	ReasonOffersThemeYouWant = "offers_theme_you_want" // params: theme, level (your want)
	ReasonWantsThemeYouOffer = "wants_theme_you_offer" // params: theme, level (their want)
	ReasonAnswersQuestion    = "answers_question"      // params: question, theme
	ReasonJudgedGood         = "judged_good_practice"  // params: outcome (good_practice, promising_practice)
)

// Reason is one coded ground for a suggestion.
type Reason struct {
	Code   string
	Params map[string]string
}

// OrganisationMatch suggests an organisation of another country: Offers are the themes it offers
// that the learner wants, Wants the themes it wants that the learner offers.
type OrganisationMatch struct {
	Organisation LearnerOrganisation
	Offers       []string
	Wants        []string
	Reciprocal   bool
	Score        int
	Reasons      []Reason
}

// MatchOrganisations suggests the organisations of other countries than the learner's that offer
// what it wants or want what it offers, reciprocal interest first, then by score (wants weighted
// by level: high counts three times some), then by name. Themes are read in the order of themes
// (the programme's).
func MatchOrganisations(me LearnerOrganisation, others []LearnerOrganisation, themes []Keyed) []OrganisationMatch {
	var out []OrganisationMatch
	for _, o := range others {
		if o.ID == me.ID || o.Country == me.Country {
			continue
		}
		m := OrganisationMatch{Organisation: o, Offers: []string{}, Wants: []string{}}
		var reasons []Reason
		for _, k := range themes {
			mine, theirs := me.Profile.Theme(k.Key), o.Profile.Theme(k.Key)
			if theirs.Offers && mine.Wants.Wanted() {
				m.Offers = append(m.Offers, k.Key)
				m.Score += mine.Wants.weight()
				reasons = append(reasons, Reason{Code: ReasonOffersThemeYouWant, Params: map[string]string{"theme": k.Key, "level": string(mine.Wants)}})
			}
			if mine.Offers && theirs.Wants.Wanted() {
				m.Wants = append(m.Wants, k.Key)
				m.Score += theirs.Wants.weight()
				reasons = append(reasons, Reason{Code: ReasonWantsThemeYouOffer, Params: map[string]string{"theme": k.Key, "level": string(theirs.Wants)}})
			}
		}
		if len(reasons) == 0 {
			continue
		}
		m.Reciprocal = len(m.Offers) > 0 && len(m.Wants) > 0
		if m.Reciprocal {
			reasons = append([]Reason{{Code: ReasonReciprocal}}, reasons...)
		}
		m.Reasons = reasons
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b OrganisationMatch) int {
		return cmp.Or(compareFirst(a.Reciprocal, b.Reciprocal), cmp.Compare(b.Score, a.Score),
			cmp.Compare(a.Organisation.Name, b.Organisation.Name), cmp.Compare(a.Organisation.ID.String(), b.Organisation.ID.String()))
	})
	return out
}

// compareFirst orders true before false.
func compareFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// LearningCandidateFilter asks for the practices that may answer what an organisation (of
// Country) wants to learn: on one of Themes, or whose text answers one of Questions; only those
// Viewer may see, never the organisation's own nor its country's.
type LearningCandidateFilter struct {
	ProgrammeID    uuid.UUID
	OrganisationID uuid.UUID
	Country        string
	Viewer         PracticeSearchViewer
	Themes         []string
	Questions      []string
}

// LearningCandidate is a practice of another organisation and country that may answer what a
// learner wants: its themes, the decision on it, and which of the learner's questions (by index
// into the learner's question list) its text matches.
type LearningCandidate struct {
	Practice       Practice
	MatchedQueries []int
}

// LearnerQuestion is one of a learner's questions with the theme it was asked under.
type LearnerQuestion struct {
	Theme, Text string
}

// Questions lists a profile's questions, theme by theme in the programme's order.
func (p *LearningProfile) Questions(themes []Keyed) []LearnerQuestion {
	var out []LearnerQuestion
	for _, k := range themes {
		for _, q := range p.Theme(k.Key).Questions {
			out = append(out, LearnerQuestion{Theme: k.Key, Text: q})
		}
	}
	return out
}

// PracticeMatch suggests a practice to a learner.
type PracticeMatch struct {
	Practice   Practice
	Reciprocal bool
	Score      int
	Reasons    []Reason
}

// Scores of what makes a practice worth reading besides the themes (wanted high 3, some 1).
const (
	scoreGoodPractice      = 2
	scorePromisingPractice = 1
	scoreAnswersQuestion   = 2
)

// MatchPractices ranks candidate practices for a learner: themes the learner wants (weighted by
// level), a decision that judged the practice good (more) or promising, and each question its text
// answers. A practice of an organisation in reciprocal interest with the learner (reciprocal holds
// their ids) carries that reason and ranks first. Practices of the learner's own organisation or
// country, and practices that answer nothing the learner wants or asks, are left out.
func MatchPractices(me LearnerOrganisation, candidates []LearningCandidate, questions []LearnerQuestion, themes []Keyed, reciprocal map[uuid.UUID]bool) []PracticeMatch {
	var out []PracticeMatch
	for _, c := range candidates {
		p := c.Practice
		if p.OrganisationID == me.ID || p.Country == me.Country || p.OrganisationCountry == me.Country || p.Status == StatusDraft {
			continue
		}
		m := PracticeMatch{Practice: p, Reciprocal: reciprocal[p.OrganisationID]}
		var reasons []Reason
		for _, k := range themes {
			if w := me.Profile.Theme(k.Key).Wants; w.Wanted() && slices.Contains(p.Themes, k.Key) {
				m.Score += w.weight()
				reasons = append(reasons, Reason{Code: ReasonOffersThemeYouWant, Params: map[string]string{"theme": k.Key, "level": string(w)}})
			}
		}
		for _, i := range c.MatchedQueries {
			if i >= 0 && i < len(questions) {
				m.Score += scoreAnswersQuestion
				reasons = append(reasons, Reason{Code: ReasonAnswersQuestion, Params: map[string]string{"question": questions[i].Text, "theme": questions[i].Theme}})
			}
		}
		if len(reasons) == 0 {
			continue
		}
		if d := p.Decision; d != nil && (d.Outcome == OutcomeGoodPractice || d.Outcome == OutcomePromisingPractice) {
			m.Score += map[string]int{OutcomeGoodPractice: scoreGoodPractice, OutcomePromisingPractice: scorePromisingPractice}[d.Outcome]
			reasons = append(reasons, Reason{Code: ReasonJudgedGood, Params: map[string]string{"outcome": d.Outcome}})
		}
		if m.Reciprocal {
			reasons = append([]Reason{{Code: ReasonReciprocal}}, reasons...)
		}
		m.Reasons = reasons
		out = append(out, m)
	}
	// Sorted by position, not by value: a match holds a whole practice, which the sort would
	// otherwise copy at every comparison (a tenth of the matches request's CPU time on the
	// benchmark data set). Ids compare as bytes, in the order of their text.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &out[i], &out[j]
		return cmp.Or(compareFirst(a.Reciprocal, b.Reciprocal), cmp.Compare(b.Score, a.Score),
			cmp.Compare(a.Practice.Title, b.Practice.Title), bytes.Compare(a.Practice.ID[:], b.Practice.ID[:]))
	})
	sorted := make([]PracticeMatch, len(out))
	for k, i := range order {
		sorted[k] = out[i]
	}
	return sorted
}

// LearningCell counts, for one theme and one country, the organisations that offer it and those
// that want it somewhat or highly.
type LearningCell struct {
	Theme, Country               string
	Offers, WantsSome, WantsHigh int
}

// CountryPair is two countries with reciprocal interest: A offers B the themes AOffersB (B wants
// them) and B offers A the themes BOffersA. Themes counts both lists.
type CountryPair struct {
	A, B               string
	AOffersB, BOffersA []string
	Themes             int
}

// LearningMap is a programme's offers and wants by theme and country, and the pairs of countries
// with the most reciprocal interest.
type LearningMap struct {
	Countries []string
	Cells     []LearningCell
	Pairs     []CountryPair
}

// MaxCountryPairs is how many pairs the learning map lists.
const MaxCountryPairs = 10

// BuildLearningMap counts the organisations' offers and wants per theme and country (themes in the
// programme's order, countries alphabetical; cells with nothing in them are left out) and pairs the
// countries: country A offers a theme when one of its organisations does, and wants it when one
// wants it somewhat or highly. A pair is listed when each side offers a theme the other wants,
// most themes first, then by the countries' codes.
func BuildLearningMap(orgs []LearnerOrganisation, themes []Keyed) LearningMap {
	type key struct{ theme, country string }
	counts := map[key]*LearningCell{}
	countrySet := map[string]bool{}
	for _, o := range orgs {
		countrySet[o.Country] = true
		for _, k := range themes {
			t := o.Profile.Theme(k.Key)
			if t.Empty() {
				continue
			}
			c := counts[key{k.Key, o.Country}]
			if c == nil {
				c = &LearningCell{Theme: k.Key, Country: o.Country}
				counts[key{k.Key, o.Country}] = c
			}
			if t.Offers {
				c.Offers++
			}
			switch t.Wants {
			case WantSome:
				c.WantsSome++
			case WantHigh:
				c.WantsHigh++
			}
		}
	}
	m := LearningMap{Countries: slices.Sorted(maps.Keys(countrySet)), Cells: []LearningCell{}, Pairs: []CountryPair{}}
	for _, k := range themes {
		for _, country := range m.Countries {
			if c := counts[key{k.Key, country}]; c != nil && (c.Offers > 0 || c.WantsSome > 0 || c.WantsHigh > 0) {
				m.Cells = append(m.Cells, *c)
			}
		}
	}
	offers := func(country, theme string) bool { c := counts[key{theme, country}]; return c != nil && c.Offers > 0 }
	wants := func(country, theme string) bool {
		c := counts[key{theme, country}]
		return c != nil && c.WantsSome+c.WantsHigh > 0
	}
	for i, a := range m.Countries {
		for _, b := range m.Countries[i+1:] {
			p := CountryPair{A: a, B: b, AOffersB: []string{}, BOffersA: []string{}}
			for _, k := range themes {
				if offers(a, k.Key) && wants(b, k.Key) {
					p.AOffersB = append(p.AOffersB, k.Key)
				}
				if offers(b, k.Key) && wants(a, k.Key) {
					p.BOffersA = append(p.BOffersA, k.Key)
				}
			}
			if len(p.AOffersB) > 0 && len(p.BOffersA) > 0 {
				p.Themes = len(p.AOffersB) + len(p.BOffersA)
				m.Pairs = append(m.Pairs, p)
			}
		}
	}
	slices.SortStableFunc(m.Pairs, func(x, y CountryPair) int {
		return cmp.Or(cmp.Compare(y.Themes, x.Themes), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	if len(m.Pairs) > MaxCountryPairs {
		m.Pairs = m.Pairs[:MaxCountryPairs]
	}
	return m
}
