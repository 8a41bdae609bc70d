package postgres

import "testing"

// TestReplaceNameRewritesWholeMentionsOnly checks pb_replace_name (migration 0036), which erasure
// uses on what other people wrote: a mention of the name as a whole word is replaced, with its
// characters taken literally; a longer word or name that starts with it, a name too short to
// tell from a word, and text without it are left as they were.
func TestReplaceNameRewritesWholeMentionsOnly(t *testing.T) {
	s, _, _ := newTestStore(t)
	for _, c := range []struct{ body, name, want string }{
		{"Thanks, Anna Berg.", "Anna Berg", "Thanks, Former member 7F3A."},
		{"Anna Berg's point; ask Anna Berg!", "Anna Berg", "Former member 7F3A's point; ask Former member 7F3A!"},
		{"Anna Bergman wrote this", "Anna Berg", "Anna Bergman wrote this"},
		{"Johanna Berg wrote this", "Anna Berg", "Johanna Berg wrote this"},
		{"anna berg wrote this", "Anna Berg", "anna berg wrote this"},
		{"Ask J.P. Smit (or J.P. Smit's team)", "J.P. Smit", "Ask Former member 7F3A (or Former member 7F3A's team)"},
		{"Ask JxPx Smit", "J.P. Smit", "Ask JxPx Smit"},
		{"Ann knows Annie", "Ann", "Ann knows Annie"},
		{"Zoë Ødegård [NL] said so", "Zoë Ødegård [NL]", "Former member 7F3A said so"},
		{"", "Anna Berg", ""},
	} {
		var got string
		if err := s.SQL().QueryRow(`SELECT pb_replace_name($1, $2, 'Former member 7F3A')`, c.body, c.name).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("pb_replace_name(%q, %q) = %q, want %q", c.body, c.name, got, c.want)
		}
	}
}
