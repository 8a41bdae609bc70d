package demo

import (
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
