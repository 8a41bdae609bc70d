package benchdata

import (
	"slices"
	"strings"
	"unicode"
)

// SearchWords are the distinct words of at least six letters in the sentence bank of a language,
// in a fixed order: words that occur in the generated practices, for composing searches.
func SearchWords(lang string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sentences[lang] {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			w = strings.ToLower(w)
			if len([]rune(w)) >= 6 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out
}
