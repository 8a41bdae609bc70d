package demo

import (
	"testing"

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
