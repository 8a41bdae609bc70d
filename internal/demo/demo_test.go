package demo

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// The demo programmes read in every interface language.
func TestDemoProgrammesAreTranslated(t *testing.T) {
	for key, p := range programmes {
		for _, lang := range []string{"nl", "fr", "de"} {
			tr := p.Translations[lang]
			if tr.Name == "" || tr.Description == "" || tr.Objective == "" {
				t.Errorf("%s: programme texts in %s incomplete", key, lang)
			}
			for _, list := range [][]domain.Keyed{p.Themes, p.TargetGroups} {
				for _, k := range list {
					if k.Titles[lang] == "" || k.Titles[lang] == k.Title {
						t.Errorf("%s: %s has no %s title", key, k.Key, lang)
					}
				}
			}
		}
	}
}

// A demo call names themes of its programme, and the practices that answer it belong to that
// programme and were submitted inside its window.
func TestDemoCallsFitTheirProgrammes(t *testing.T) {
	calls := map[string]string{}
	for _, c := range demoCalls {
		calls[c.key] = c.programme
		p := programmes[c.programme]
		for _, th := range c.call.Themes {
			if !p.HasTheme(th) {
				t.Errorf("call %s: %s is not a theme of %s", c.key, th, c.programme)
			}
		}
		if errs := domain.CheckCallWindow(&c.call); errs != nil {
			t.Errorf("call %s: %v", c.key, errs)
		}
		// Submitted demo practices carry 15 February 2026 as their submission date.
		if submitted := (domain.Call{OpensAt: c.call.OpensAt, ClosesAt: c.call.ClosesAt}); submitted.State(time.Date(2026, 2, 15, 10, 0, 0, 0, time.UTC)) != domain.CallOpen {
			t.Errorf("call %s was not open when the demo practices were submitted", c.key)
		}
	}
	answered := 0
	for _, d := range demoPractices {
		if d.call == "" {
			continue
		}
		answered++
		if calls[d.call] != d.programme {
			t.Errorf("practice %s answers call %q of another programme", d.key, d.call)
		}
	}
	if answered == 0 {
		t.Error("no demo practice answers a call")
	}
}

func personByEmail(t *testing.T, email string) person {
	t.Helper()
	for _, p := range demoPeople() {
		if p.email == email {
			return p
		}
	}
	t.Fatalf("no demo person %s", email)
	return person{}
}

func practiceByKey(t *testing.T, key string) demoPractice {
	t.Helper()
	for _, p := range allPractices() {
		if p.key == key {
			return p
		}
	}
	t.Fatalf("no demo practice %s", key)
	return demoPractice{}
}

// About forty practices, each written in its organisation's own language (or a declared
// exception), from its organisation's country, in distinct words.
func TestDemoPracticesAreWrittenInTheirOrganisationsLanguage(t *testing.T) {
	all := allPractices()
	if n := len(all); n < 36 || n > 45 {
		t.Errorf("%d demo practices, want about forty", n)
	}
	seen := map[string]string{}
	for _, p := range all {
		t.Run(p.key, func(t *testing.T) {
			o := orgByKey(p.org)
			if o.key == "" {
				t.Fatalf("unknown organisation %s", p.org)
			}
			if !writesIn(p.org, p.text.Language) && languageExceptions[p.key] == "" {
				t.Errorf("written in %s, but %s writes in %s and no exception is declared", p.text.Language, o.name, organisationLanguage[p.org])
			}
			if p.text.Country != "" && p.text.Country != o.country {
				t.Errorf("country %s, organisation's %s", p.text.Country, o.country)
			}
			if !domain.ValidLocale(p.text.Language) && p.text.Translations["en"].Title == "" {
				t.Errorf("written in %s, which the interface lacks, without an English translation", p.text.Language)
			}
			author := personByEmail(t, p.author)
			if author.org != p.org {
				t.Errorf("author %s is not of %s", p.author, p.org)
			}
			if _, ok := author.roles[p.programme]; !ok {
				t.Errorf("author %s is not a member of %s", p.author, p.programme)
			}
			prog := programmes[p.programme]
			for _, th := range p.text.Themes {
				if !prog.HasTheme(th) {
					t.Errorf("theme %s is not one of %s", th, p.programme)
				}
			}
			for _, field := range []string{p.text.Title, p.text.Summary, p.text.Content.Context, p.text.Content.Approach} {
				if field == "" {
					continue
				}
				if strings.Contains(strings.ToLower(field), "lorem") {
					t.Errorf("placeholder text: %q", field)
				}
				if other, dup := seen[field]; dup {
					t.Errorf("the same text as %s: %q", other, field)
				}
				seen[field] = p.key
			}
			if p.status != domain.StatusDraft {
				pr := domain.Practice{PracticeText: p.text}
				if problems := pr.SubmitProblems(); len(problems) > 0 {
					t.Errorf("submitted without what submitting needs: %v", problems)
				}
			}
		})
	}
}

// Translations follow the practice: every translated practice has the title, summary, context,
// approach, each learning question and each product in the other language.
func TestDemoTranslationsAreComplete(t *testing.T) {
	translated := 0
	for _, p := range allPractices() {
		if len(p.text.Translations) > 0 {
			translated++
		}
		for lang, tr := range p.text.Translations {
			name := p.key + "/" + lang
			if lang == p.text.Language {
				t.Errorf("%s: translated into its own language", name)
			}
			if !slices.Contains(domain.TranslationStatuses, tr.Status) {
				t.Errorf("%s: status %q", name, tr.Status)
			}
			if tr.Title == "" || tr.Summary == "" || tr.Context == "" || tr.Approach == "" {
				t.Errorf("%s: title, summary, context or approach missing", name)
			}
			if len(tr.LearningQuestions) != len(p.text.Content.LearningQuestions) {
				t.Errorf("%s: %d learning questions, the practice has %d", name, len(tr.LearningQuestions), len(p.text.Content.LearningQuestions))
			}
			if len(tr.Products) != len(p.text.Products) {
				t.Errorf("%s: %d products translated of %d", name, len(tr.Products), len(p.text.Products))
			}
			for _, pt := range tr.Products {
				pr := domain.Practice{PracticeText: p.text}
				if _, ok := pr.Product(pt.ID); !ok || pt.Name == "" || pt.Description == "" {
					t.Errorf("%s: product translation %s incomplete or of no product", name, pt.ID)
				}
			}
		}
	}
	if n := len(allPractices()); translated*6 < n {
		t.Errorf("%d of %d practices translated, want about a fifth", translated, n)
	}
}

// Each organisation is one of the programme's six countries and each person speaks the
// interface language of their organisation's country where the interface has it.
func TestDemoPeopleHaveTheirCountrysLocale(t *testing.T) {
	countries := map[string]bool{"BE": true, "NL": true, "FR": true, "DE": true, "FI": true, "IE": true}
	for _, o := range demoOrganisations() {
		if !countries[o.country] || organisationLanguage[o.key] == "" {
			t.Errorf("organisation %s: country %s, language %q", o.key, o.country, organisationLanguage[o.key])
		}
	}
	emails := map[string]bool{}
	perCountry := map[string]int{}
	for _, p := range demoPeople() {
		if emails[p.email] {
			t.Errorf("%s appears twice", p.email)
		}
		emails[p.email] = true
		o := orgByKey(p.org)
		want := map[string]string{"BE": organisationLanguage[p.org], "NL": "nl", "FR": "fr", "DE": "de", "FI": "en", "IE": "en"}[o.country]
		if got := localeOf(p); got != want || !domain.ValidLocale(got) {
			t.Errorf("%s (%s): locale %s, want %s", p.email, o.country, got, want)
		}
		if slices.Contains(p.roles[cancer], domain.RoleReviewer) {
			perCountry[o.country]++
		}
	}
	for c := range countries {
		if perCountry[c] < 2 {
			t.Errorf("%d reviewers from %s in the cancer programme, want at least two", perCountry[c], c)
		}
	}
}

// allReviews is every demo assignment of the cancer programme: the first demo's spring reviews
// and the year's.
func allReviews() []roundReview {
	out := slices.Clone(roundReviews)
	for _, r := range springReviews {
		out = append(out, roundReview{round: "spring", practice: r.practice, reviewer: r.reviewer,
			scores: strings.Repeat(string(rune('0'+int(r.scored))), 6), recommendation: "good_practice"})
	}
	return out
}

// Reviews are cross-border: never of one's own country's or organisation's practice, by a
// reviewer of the programme who reads the practice's language or a translation of it; every
// practice of a round has two or three reviewers; outstanding ones only in the open round.
func TestDemoReviewersAreFromOtherCountries(t *testing.T) {
	inRound := map[string]string{"rentree": "spring", "bilan": "spring"}
	status := map[string]string{"spring": domain.RoundDecided}
	for _, r := range yearRounds {
		for _, p := range r.practices {
			inRound[p] = r.key
		}
		if r.status != "" {
			status[r.key] = r.status
		}
	}
	reviewers := map[string]int{}
	pairs := map[string]bool{}
	for _, r := range allReviews() {
		name := r.round + "/" + r.practice + "/" + r.reviewer
		p, rv := practiceByKey(t, r.practice), personByEmail(t, r.reviewer)
		if inRound[r.practice] != r.round {
			t.Errorf("%s: the practice is not in the round", name)
		}
		if pairs[name] {
			t.Errorf("%s: assigned twice", name)
		}
		pairs[name] = true
		if reviewerCountry(r.reviewer) == orgByKey(p.org).country {
			t.Errorf("%s: reviewer from the practice's own country", name)
		}
		if rv.org == p.org {
			t.Errorf("%s: reviewer from the practice's own organisation", name)
		}
		if !slices.Contains(rv.roles[cancer], domain.RoleReviewer) {
			t.Errorf("%s: not a reviewer of the programme", name)
		}
		reads := slices.Contains(rv.languages, p.text.Language)
		for lang := range p.text.Translations {
			reads = reads || slices.Contains(rv.languages, lang)
		}
		if !reads {
			t.Errorf("%s: reads neither %s nor a translation", name, p.text.Language)
		}
		if r.state != stateSubmitted && status[r.round] != domain.RoundOpen && r.state != stateDeclined {
			t.Errorf("%s: outstanding in a %s round", name, status[r.round])
		}
		if r.state != stateDeclined {
			reviewers[r.round+"/"+r.practice]++
		}
	}
	for p, round := range inRound {
		if n := reviewers[round+"/"+p]; n < 2 || n > 3 {
			t.Errorf("%s in %s: %d reviewers, want two or three", p, round, n)
		}
	}
	var open, outstanding int
	for _, r := range roundReviews {
		if status[r.round] == domain.RoundOpen {
			open++
			if r.state != stateSubmitted {
				outstanding++
			}
		}
	}
	if outstanding == 0 || outstanding == open {
		t.Errorf("open round: %d of %d reviews outstanding, want some but not all", outstanding, open)
	}
}

// Every submitted review is complete as SubmitReview requires, every draft valid; in each round
// reviewers disagree on at least one practice and agree on another.
func TestDemoRoundsHaveAgreementAndDisagreement(t *testing.T) {
	rubric := domain.Rubric{Criteria: domain.DefaultCriteria(), RecommendationOptions: domain.DefaultRecommendations}
	scores := map[string]map[string][]float64{}
	for _, r := range allReviews() {
		if r.state == stateAssigned || r.state == stateAccepted || r.state == stateDeclined {
			continue
		}
		p := practiceByKey(t, r.practice)
		var review domain.Review
		r.fill(&review, &rubric, p.text.Content.LearningQuestions)
		if errs := domain.CheckReviewDraft(&review, &rubric); len(errs) > 0 {
			t.Errorf("%s/%s by %s: %v", r.round, r.practice, r.reviewer, errs)
		}
		if r.state == stateDraft {
			continue
		}
		if problems := domain.ReviewSubmitProblems(&review, &rubric, p.text.Content.LearningQuestions); len(problems) > 0 {
			t.Errorf("%s/%s by %s is incomplete: %v", r.round, r.practice, r.reviewer, problems)
		}
		if r.on != "" {
			if day, err := time.Parse(time.DateOnly, r.on); err != nil || day.After(time.Now()) {
				t.Errorf("%s/%s by %s: submitted on %q", r.round, r.practice, r.reviewer, r.on)
			}
		}
		if scores[r.round] == nil {
			scores[r.round] = map[string][]float64{}
		}
		scores[r.round][r.practice] = append(scores[r.round][r.practice], *review.WeightedScore(&rubric))
	}
	for _, round := range []string{"spring", "autumn", "winter"} {
		var agree, disagree []string
		for practice, s := range scores[round] {
			if len(s) < 2 {
				continue
			}
			spread := slices.Max(s) - slices.Min(s)
			switch {
			case spread <= 10:
				agree = append(agree, practice)
			case spread >= 25:
				disagree = append(disagree, practice)
			}
		}
		if len(agree) == 0 || len(disagree) == 0 {
			t.Errorf("%s: reviewers agree on %v and disagree on %v; want both", round, agree, disagree)
		}
		if len(scores[round]) < 5 {
			t.Errorf("%s: %d practices with reviews, too few for agreement statistics", round, len(scores[round]))
		}
	}
}

// A decided practice's status is where its decision leads; practices in the open and closed
// rounds are in review, and every practice answering a call was submitted while it was open.
func TestDemoPracticeStatusFollowsTheRounds(t *testing.T) {
	calls := map[string]domain.Call{}
	for _, c := range demoCalls {
		calls[c.key] = c.call
	}
	for _, r := range yearRounds {
		for _, key := range r.practices {
			p := practiceByKey(t, key)
			if d, ok := roundDecision(key); ok {
				want, err := domain.Transition(domain.StatusInReview, domain.DecisionOutcomes[d.outcome])
				if err != nil || p.status != want || d.round != r.key {
					t.Errorf("%s: status %s after %s in %s", key, p.status, d.outcome, d.round)
				}
			} else if p.status != domain.StatusInReview {
				t.Errorf("%s: status %s in the %s round", key, p.status, r.key)
			}
		}
	}
	for _, p := range yearPractices() {
		if (p.submittedOn == "") != (p.status == domain.StatusDraft) {
			t.Errorf("%s: status %s, submitted on %q", p.key, p.status, p.submittedOn)
		}
		if c, ok := calls[p.call]; ok && p.submittedOn != "" {
			if c.State(at(p.submittedOn+"T10:00:00Z")) != domain.CallOpen {
				t.Errorf("%s: submitted on %s, outside its call", p.key, p.submittedOn)
			}
		}
	}
}

// Adaptations travel between countries (or, in the network, between companies), keep or change
// declared core elements consistently with their fidelity, and are followed up in time order
// over up to eighteen months with counts that fit inside each other.
func TestDemoAdaptationsAreFollowedUp(t *testing.T) {
	longest := 0.0
	countries := map[string]map[string]bool{}
	for _, d := range yearAdaptations {
		t.Run(d.key, func(t *testing.T) {
			p := practiceByKey(t, d.practice)
			if p.status != domain.StatusPublished {
				t.Errorf("adapts a practice that is %s", p.status)
			}
			adopting, source := orgByKey(d.org), orgByKey(p.org)
			if d.org == p.org || (p.programme == cancer && adopting.country == source.country) {
				t.Errorf("adopted by %s (%s) from %s (%s)", d.org, adopting.country, p.org, source.country)
			}
			if personByEmail(t, d.author).org != d.org {
				t.Errorf("recorded by %s of another organisation", d.author)
			}
			if errs := domain.CheckFrame(d.withCore(), coreElements(d.product), true); len(errs) > 0 {
				t.Errorf("frame: %v", errs)
			}
			if !slices.Contains(domain.AdaptationStages, d.stage) || len(d.barriers) == 0 || len(d.facilitators) == 0 {
				t.Errorf("stage %q, %d barriers, %d facilitators", d.stage, len(d.barriers), len(d.facilitators))
			}
			created := at(d.created + "T09:00:00Z")
			prev := domain.Outcome{RecordedOn: created}
			for i, o := range d.followUps {
				if errs := domain.CheckOutcome(o, time.Now()); len(errs) > 0 {
					t.Errorf("follow-up %d: %v", i, errs)
				}
				if !o.RecordedOn.After(prev.RecordedOn) {
					t.Errorf("follow-up %d on %s is not after %s", i, o.RecordedOn.Format(time.DateOnly), prev.RecordedOn.Format(time.DateOnly))
				}
				if o.Participants < prev.Participants || o.ReturnedToWork < prev.ReturnedToWork || o.ReturnedToWork > o.Participants {
					t.Errorf("follow-up %d: %d participants, %d returned after %d and %d", i, o.Participants, o.ReturnedToWork, prev.Participants, prev.ReturnedToWork)
				}
				if o.InWorkAfter6Months != nil && *o.InWorkAfter6Months > o.ReturnedToWork {
					t.Errorf("follow-up %d: more in work after six months than returned", i)
				}
				if o.Notes == "" {
					t.Errorf("follow-up %d says nothing about what helped or hindered", i)
				}
				prev = o
			}
			if n := len(d.followUps); n > 0 {
				longest = max(longest, d.followUps[n-1].RecordedOn.Sub(created).Hours()/24/30.44)
				if countries[d.practice] == nil {
					countries[d.practice] = map[string]bool{}
				}
				countries[d.practice][adopting.country+adopting.key] = true
			}
		})
	}
	if longest < 17 || longest > 19 {
		t.Errorf("the longest follow-up spans %.1f months, want about eighteen", longest)
	}
	several := 0
	for _, adopters := range countries {
		if len(adopters) >= 2 {
			several++
		}
	}
	if several < 3 {
		t.Errorf("%d practices followed up by two or more adopters, want at least three", several)
	}
}

// The demo activities keep the rules the API enforces: they end after they start, a peer-review
// meeting has one host and peers from other countries, and the organisations take part in the
// programme.
func TestDemoActivitiesKeepTheRules(t *testing.T) {
	country := map[string]string{}
	members := map[string]bool{}
	for _, o := range organisations {
		country[ID("organisation", o.key).String()] = o.country
	}
	for _, p := range people {
		if len(p.roles[cancer]) > 0 {
			members[ID("organisation", p.org).String()] = true
		}
	}
	kinds := map[string]bool{}
	for _, a := range demoActivities() {
		kinds[a.Kind+"/"+a.Status] = true
		countries := map[uuid.UUID]string{}
		for id, c := range country {
			countries[uuid.MustParse(id)] = c
		}
		if errs := domain.CheckActivityShape(&a, countries); len(errs) > 0 {
			t.Errorf("%s: %v", a.Title, errs)
		}
		refs := []uuid.UUID{a.HostOrganisationID}
		for _, p := range a.Participants {
			refs = append(refs, p.OrganisationID)
		}
		for _, f := range a.FollowUps {
			refs = append(refs, f.OwnerOrganisationID)
		}
		for _, id := range refs {
			if !members[id.String()] {
				t.Errorf("%s: organisation %s is not in the programme", a.Title, id)
			}
		}
	}
	for _, want := range []string{"study_visit/held", "peer_review_meeting/planned", "webinar/planned"} {
		if !kinds[want] {
			t.Errorf("no demo %s", want)
		}
	}
}

// The demo learning profiles name themes of their programmes, keep their questions within bounds,
// and make at least one reciprocal pair of countries, so that the matches and the map show
// something.
func TestDemoLearningProfilesFitAndPairUp(t *testing.T) {
	var learners []domain.LearnerOrganisation
	countries := map[string]string{}
	for _, o := range organisations {
		countries[o.key] = o.country
	}
	for _, d := range demoProfiles {
		p := programmes[d.programme]
		for _, th := range d.themes {
			if !p.HasTheme(th.Key) {
				t.Errorf("%s: %s is not a theme of %s", d.org, th.Key, d.programme)
			}
			if len(th.Questions) > domain.MaxLearningQuestions {
				t.Errorf("%s: too many questions on %s", d.org, th.Key)
			}
			for _, q := range th.Questions {
				if n := len([]rune(q)); n < domain.MinLearningQuestionChars || n > domain.MaxLearningQuestionChars {
					t.Errorf("%s: question of %d characters", d.org, n)
				}
			}
		}
		if d.programme == cancer {
			learners = append(learners, domain.LearnerOrganisation{ID: ID("organisation", d.org), Name: d.org, Country: countries[d.org],
				Profile: domain.LearningProfile{Themes: d.themes}})
		}
	}
	m := domain.BuildLearningMap(learners, programmes[cancer].Themes)
	if len(m.Pairs) == 0 {
		t.Fatal("no reciprocal pair of countries")
	}
	if m.Pairs[0].A != "BE" || (m.Pairs[0].B != "NL" && m.Pairs[0].B != "FI") {
		t.Errorf("the pair of most reciprocal interest: %+v", m.Pairs[0])
	}
	reciprocal := 0
	for _, o := range domain.MatchOrganisations(learners[0], learners, programmes[cancer].Themes) {
		if o.Reciprocal {
			reciprocal++
		}
	}
	if learners[0].Name != "jobcentrum" || reciprocal != 2 {
		t.Errorf("Jobcentrum's reciprocal partners: %d", reciprocal)
	}
}
