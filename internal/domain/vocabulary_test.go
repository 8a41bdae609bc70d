package domain

import (
	"strings"
	"testing"
)

func TestDefaultRubricIsCompleteInEveryLanguage(t *testing.T) {
	criteria := DefaultCriteria()
	if errs := CheckRubric(criteria, DefaultRecommendations); len(errs) > 0 {
		t.Fatalf("the default rubric does not pass its own checks: %+v", errs)
	}
	for _, c := range criteria {
		if c.Title == "" || c.Description == "" {
			t.Errorf("%s: the original lacks a title or description", c.Key)
		}
		for _, lang := range DefaultRubricLanguages[1:] {
			if !c.Complete(lang) {
				t.Errorf("%s: not complete in %s: %+v", c.Key, lang, c.Translations[lang])
				continue
			}
			tr := c.Translations[lang]
			if tr.Title == c.Title && lang != "fr" { // "Participation" is the same word in French
				t.Errorf("%s: the %s title is the English one", c.Key, lang)
			}
			for i, l := range tr.Levels {
				if l.Descriptor == c.Levels[i].Descriptor {
					t.Errorf("%s: level %d in %s is left in English", c.Key, l.Value, lang)
				}
			}
		}
		if len(c.Translations) != len(DefaultRubricLanguages)-1 {
			t.Errorf("%s: translations %d, want %d", c.Key, len(c.Translations), len(DefaultRubricLanguages)-1)
		}
	}
	// Each call gives its own maps: a programme editing its copy changes no other.
	a, b := DefaultCriteria(), DefaultCriteria()
	a[0].Translations["nl"] = CriterionText{Title: "x"}
	if b[0].Translations["nl"].Title == "x" {
		t.Error("DefaultCriteria shares its translations between calls")
	}
}

func TestCriterionIn(t *testing.T) {
	c := Criterion{Key: "k", Title: "Relevance", Description: "Original", Scale: Range{0, 1},
		Levels: []Level{{0, "Fails", "fail text"}, {1, "Passes", "pass text"}},
		Translations: map[string]CriterionText{
			"fr":    {Title: "Pertinence", Levels: []Level{{Value: 1, Label: "Satisfait"}}},
			"de-AT": {Title: "Relevanz (AT)"},
		}}
	cases := []struct {
		lang, title, desc, label0, label1, desc1 string
	}{
		{"fr", "Pertinence", "Original", "Fails", "Satisfait", "pass text"},
		{"fr-BE", "Pertinence", "Original", "Fails", "Satisfait", "pass text"},
		{"de", "Relevanz (AT)", "Original", "Fails", "Passes", "pass text"},
		{"nl", "Relevance", "Original", "Fails", "Passes", "pass text"},
		{"", "Relevance", "Original", "Fails", "Passes", "pass text"},
	}
	for _, tc := range cases {
		got := c.In(tc.lang)
		if got.Title != tc.title || got.Description != tc.desc || got.Levels[0].Label != tc.label0 || got.Levels[1].Label != tc.label1 || got.Levels[1].Descriptor != tc.desc1 {
			t.Errorf("In(%q) = %+v", tc.lang, got)
		}
	}
	if c.Levels[1].Label != "Passes" {
		t.Error("In changed the original levels")
	}
}

func TestVocabularyFallsBackToTheOriginal(t *testing.T) {
	p := Programme{Name: "Return to work", Objective: "Aim",
		Translations: map[string]ProgrammeText{"nl": {Name: "Terug naar werk"}},
		Themes:       []Keyed{{Key: "a", Title: "Alpha", Titles: map[string]string{"fr": "Alpha (fr)"}}}}
	if got := p.NameIn("nl"); got != "Terug naar werk" {
		t.Errorf("NameIn(nl) = %q", got)
	}
	if got := p.TextIn("nl").Objective; got != "Aim" {
		t.Errorf("objective in nl = %q, want the original", got)
	}
	if got := p.NameIn("de"); got != "Return to work" {
		t.Errorf("NameIn(de) = %q", got)
	}
	if got := p.ThemeTitle("a", "fr"); got != "Alpha (fr)" {
		t.Errorf("ThemeTitle(a, fr) = %q", got)
	}
	if got := p.ThemeTitle("a", "de"); got != "Alpha" {
		t.Errorf("ThemeTitle(a, de) = %q", got)
	}
}

func TestRubricTranslationChecks(t *testing.T) {
	c := DefaultCriteria()
	c[2].Translations["fr"] = CriterionText{Title: "x", Levels: []Level{{Value: 5, Label: "y"}, {Value: 1, Label: "a"}, {Value: 1, Label: "b"}}}
	errs := CheckRubric(c, DefaultRecommendations)
	want := map[string]FieldCode{
		"criteria[2].translations.fr.levels[0].value": FieldOneOf,
		"criteria[2].translations.fr.levels[2].value": FieldDuplicate,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %+v, want %v", errs, want)
	}
	for _, e := range errs {
		if want[e.Field] != e.Code || !strings.Contains(e.Message, "value") {
			t.Errorf("unexpected error %+v", e)
		}
	}
}
