package service

import "testing"

// A calendar's location names the country in the reader's language, and keeps what is not a
// country code as it is.
func TestCountryNameInTheReadersLanguage(t *testing.T) {
	for _, c := range []struct{ code, locale, want string }{
		{"FI", "en", "Finland"}, {"FI", "de", "Finnland"}, {"FI", "fr", "Finlande"}, {"BE", "nl", "België"},
		{"NL", "", "Netherlands"}, {"", "en", ""}, {"not a code", "en", "not a code"},
	} {
		if got := countryName(c.code, c.locale); got != c.want {
			t.Errorf("countryName(%q, %q) = %q, want %q", c.code, c.locale, got, c.want)
		}
	}
}
