package demo

import (
	"testing"
	"time"

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
