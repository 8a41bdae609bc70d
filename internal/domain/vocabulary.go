package domain

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The vocabularies a programme defines (its name and texts, its themes and target groups, its
// rubric's criteria) are written in one original language and may carry translations keyed by
// BCP 47 tag. A reader gets the text in their language where there is one and the original
// everywhere else, field by field: a translation may be partial.

// ProgrammeText is a programme's name, description and objective in one language.
type ProgrammeText struct {
	Name        string
	Description string
	Objective   string
}

// CriterionText is a criterion's title, description and level texts in one language. Levels
// name the scale value they translate; a level missing here keeps its original text.
type CriterionText struct {
	Title       string
	Description string
	Levels      []Level
}

// pick finds the translation for lang: the exact tag first (fr-BE), then its primary language
// (fr), then any other variant of that language (fr-CA), the lowest tag first so that the choice
// is stable.
func pick[T any](translations map[string]T, lang string) (T, bool) {
	var zero T
	if lang == "" || len(translations) == 0 {
		return zero, false
	}
	lang = strings.ToLower(lang)
	for _, k := range slices.Sorted(maps.Keys(translations)) {
		if strings.ToLower(k) == lang {
			return translations[k], true
		}
	}
	base, _, _ := strings.Cut(lang, "-")
	for _, k := range slices.Sorted(maps.Keys(translations)) {
		kb, _, _ := strings.Cut(strings.ToLower(k), "-")
		if kb == base {
			return translations[k], true
		}
	}
	return zero, false
}

// or returns s unless it is blank, then fallback.
func or(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// TitleIn is the theme's or target group's title in lang, or the original title.
func (k Keyed) TitleIn(lang string) string {
	t, _ := pick(k.Titles, lang)
	return or(t, k.Title)
}

// TextIn is the programme's name, description and objective in lang, each falling back to the
// original where it is not translated.
func (p *Programme) TextIn(lang string) ProgrammeText {
	t, _ := pick(p.Translations, lang)
	return ProgrammeText{Name: or(t.Name, p.Name), Description: or(t.Description, p.Description), Objective: or(t.Objective, p.Objective)}
}

// NameIn is the programme's name in lang, or the original name.
func (p *Programme) NameIn(lang string) string { return p.TextIn(lang).Name }

// ThemeTitle is the title of the theme key in lang; an unknown key is returned as it is.
func (p *Programme) ThemeTitle(key, lang string) string {
	for _, k := range p.Themes {
		if k.Key == key {
			return k.TitleIn(lang)
		}
	}
	return key
}

// In is the criterion as a reader of lang sees it: title, description and each level's label and
// descriptor in lang where translated, the original otherwise. Everything else is unchanged.
func (c Criterion) In(lang string) Criterion {
	t, ok := pick(c.Translations, lang)
	if !ok {
		return c
	}
	out := c
	out.Title, out.Description = or(t.Title, c.Title), or(t.Description, c.Description)
	out.Levels = make([]Level, len(c.Levels))
	for i, l := range c.Levels {
		out.Levels[i] = l
		for _, tl := range t.Levels {
			if tl.Value == l.Value {
				out.Levels[i].Label, out.Levels[i].Descriptor = or(tl.Label, l.Label), or(tl.Descriptor, l.Descriptor)
			}
		}
	}
	return out
}

// Complete reports whether the criterion has every text in lang: title, description (when the
// original has one) and a label and descriptor for every level.
func (c Criterion) Complete(lang string) bool {
	t, ok := c.Translations[lang]
	if !ok || strings.TrimSpace(t.Title) == "" || (c.Description != "" && strings.TrimSpace(t.Description) == "") {
		return false
	}
	for _, l := range c.Levels {
		if !slices.ContainsFunc(t.Levels, func(tl Level) bool {
			return tl.Value == l.Value && strings.TrimSpace(tl.Label) != "" && strings.TrimSpace(tl.Descriptor) != ""
		}) {
			return false
		}
	}
	return true
}

// WithoutTranslations is the criterion with what reviewers judge only: the rules of a rubric
// in use compare this, since translations may still be added to it.
func (c Criterion) WithoutTranslations() Criterion {
	c.Translations = nil
	return c
}

// SameJudgement reports whether two versions of a rubric ask reviewers the same: title, options
// and criteria equal but for their translations.
func SameJudgement(a, b *Rubric) bool {
	strip := func(cs []Criterion) []Criterion {
		out := make([]Criterion, len(cs))
		for i, c := range cs {
			out[i] = c.WithoutTranslations()
		}
		return out
	}
	return a.Title == b.Title && slices.Equal(a.RecommendationOptions, b.RecommendationOptions) &&
		slices.EqualFunc(strip(a.Criteria), strip(b.Criteria), func(x, y Criterion) bool {
			return x.Key == y.Key && x.Title == y.Title && x.Description == y.Description && x.Tier == y.Tier && x.Weight == y.Weight &&
				x.Scale == y.Scale && slices.Equal(x.Levels, y.Levels) && x.AllowNA == y.AllowNA
		})
}

// checkCriterionTranslations names what is wrong with a criterion's translations: a level value
// that is not on the criterion's scale, or a value given twice. f is the criterion's field path.
func checkCriterionTranslations(f string, c Criterion) []FieldError {
	var errs []FieldError
	allowed := make([]int, 0, c.Scale.Max-c.Scale.Min+1)
	for v := c.Scale.Min; v <= c.Scale.Max && len(allowed) < 101; v++ {
		allowed = append(allowed, v)
	}
	for _, lang := range slices.Sorted(maps.Keys(c.Translations)) {
		seen := map[int]bool{}
		for j, l := range c.Translations[lang].Levels {
			field := fmt.Sprintf("%s.translations.%s.levels[%d].value", f, lang, j)
			switch {
			case l.Value < c.Scale.Min || l.Value > c.Scale.Max:
				errs = append(errs, FieldError{Field: field, Code: FieldOneOf, Message: fmt.Sprintf("the value %d is not on the criterion's scale", l.Value),
					Params: map[string]any{"allowed": allowed}})
			case seen[l.Value]:
				errs = append(errs, FieldError{Field: field, Code: FieldDuplicate, Message: fmt.Sprintf("the value %d is translated twice", l.Value)})
			}
			seen[l.Value] = true
		}
	}
	return errs
}

// TidyTranslations drops blank texts and translations left with nothing in them, so that
// "missing" has one spelling: absent.
func TidyTranslations(c *Criterion) {
	for lang, t := range c.Translations {
		t.Title, t.Description = strings.TrimSpace(t.Title), strings.TrimSpace(t.Description)
		levels := t.Levels[:0:0]
		for _, l := range t.Levels {
			l.Label, l.Descriptor = strings.TrimSpace(l.Label), strings.TrimSpace(l.Descriptor)
			if l.Label != "" || l.Descriptor != "" {
				levels = append(levels, l)
			}
		}
		t.Levels = levels
		if t.Title == "" && t.Description == "" && len(t.Levels) == 0 {
			delete(c.Translations, lang)
			continue
		}
		c.Translations[lang] = t
	}
}

// TidyProgrammeTranslations drops blank texts and empty translations of a programme, its themes
// and its target groups.
func TidyProgrammeTranslations(p *Programme) {
	for lang, t := range p.Translations {
		t = ProgrammeText{Name: strings.TrimSpace(t.Name), Description: strings.TrimSpace(t.Description), Objective: strings.TrimSpace(t.Objective)}
		if t == (ProgrammeText{}) {
			delete(p.Translations, lang)
			continue
		}
		p.Translations[lang] = t
	}
	for _, list := range [][]Keyed{p.Themes, p.TargetGroups} {
		for _, k := range list {
			for lang, title := range k.Titles {
				if title = strings.TrimSpace(title); title == "" {
					delete(k.Titles, lang)
				} else {
					k.Titles[lang] = title
				}
			}
		}
	}
}
