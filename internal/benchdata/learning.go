package benchdata

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// profiled says which organisations keep a learning profile: all but
// Organisations-LearningProfiles of them, counted back from the last one in steps that move to
// another country each time.
func (g *gen) profiled() []bool {
	n := len(g.orgs)
	out := make([]bool, n)
	for o := range out {
		out[o] = true
	}
	for o, left := n-1, n-g.size.LearningProfiles; left > 0; o = (o - g.size.Countries - 1 + n) % n {
		for !out[o] {
			o = (o - 1 + n) % n
		}
		out[o] = false
		left--
	}
	return out
}

// pairedThemes are the themes an organisation of country index c offers and wants because its
// country is paired with another in reciprocal interest: countries 2k and 2k+1 teach each other
// two themes each, for every pair k but each third one, which is left to chance. ok is false for a
// country without such a partner.
func pairedThemes(c, countries int) (offers, wants []string, ok bool) {
	k := c / 2
	if k%3 == 2 || c^1 >= countries {
		return nil, nil, false
	}
	a := []string{themes[k%4].Key, themes[(k+1)%4].Key}
	b := []string{themes[(k+2)%4].Key, themes[(k+3)%4].Key}
	if c%2 == 0 {
		return a, b, true
	}
	return b, a, true
}

// learningThemes is what organisation o says about each theme, in the programme's order; themes
// that say nothing are left out, as the store leaves them out. Organisations of paired countries
// mostly follow their country's pairing; every organisation offers one theme and wants one at
// least, and asks its questions in its own language (now and then in English, the programme's
// working language), drawn from the questions partners ask about each theme.
func (g *gen) learningThemes(o int) []domain.LearningTheme {
	r := g.rng("learning", o)
	country := g.orgs[o].country
	lang := countryLanguage[country]
	paired, wantedPaired, ok := pairedThemes(o%g.size.Countries, g.size.Countries)
	follows := ok && r.IntN(4) > 0
	out := make([]domain.LearningTheme, len(themes))
	offered, wanted := 0, 0
	for j, k := range themes {
		t := domain.LearningTheme{Key: k.Key, Wants: domain.WantNone, Questions: []string{}}
		switch {
		case follows && slices.Contains(paired, k.Key):
			t.Offers = true
		case follows && slices.Contains(wantedPaired, k.Key):
			t.Wants = domain.WantHigh
		default:
			t.Offers = r.IntN(7) == 0
			if x := r.IntN(12); !t.Offers && x < 3 {
				t.Wants = []domain.Want{domain.WantSome, domain.WantSome, domain.WantHigh}[x]
			}
		}
		if t.Offers {
			offered++
		}
		if t.Wants.Wanted() {
			wanted++
		}
		out[j] = t
	}
	if wanted == 0 {
		j := r.IntN(len(out))
		for out[j].Offers {
			j = (j + 1) % len(out)
		}
		out[j].Wants = domain.WantSome
	}
	if offered == 0 {
		j := r.IntN(len(out))
		for out[j].Wants.Wanted() {
			j = (j + 1) % len(out)
		}
		out[j].Offers = true
	}
	for j := range out {
		t := &out[j]
		n := 0
		switch {
		case t.Wants.Wanted():
			n = 1 + r.IntN(2)
		case !t.Offers && r.IntN(8) == 0:
			n = 1 // a question on a theme it does not rank among its wants
		}
		if n == 0 {
			continue
		}
		l := lang
		if l != "en" && r.IntN(6) == 0 {
			l = "en"
		}
		bank := learningQuestions[l][t.Key]
		for _, q := range r.Perm(len(bank))[:n] {
			t.Questions = append(t.Questions, bank[q])
		}
	}
	kept := out[:0]
	for _, t := range out {
		if !t.Empty() {
			kept = append(kept, t)
		}
	}
	return kept
}

// learningProfiles writes the organisations' learning profiles in the programme, as
// SaveLearningProfile stores them: one profile row, and a row per theme that says something.
func (g *gen) learningProfiles(ctx context.Context, tx pgx.Tx) error {
	byOrg := make([][]int, len(g.orgs))
	for u, usr := range g.users {
		byOrg[usr.org] = append(byOrg[usr.org], u)
	}
	profiled := g.profiled()
	var orgs []int
	type themeRow struct {
		org int
		t   domain.LearningTheme
	}
	var rows []themeRow
	for o := range g.orgs {
		if !profiled[o] {
			continue
		}
		orgs = append(orgs, o)
		for _, t := range g.learningThemes(o) {
			rows = append(rows, themeRow{o, t})
		}
	}
	err := copyRows(ctx, tx, "learning_profiles", []string{"programme_id", "organisation_id", "version", "updated_by", "created_at", "updated_at"}, len(orgs),
		func(i int) []any {
			o := orgs[i]
			r := g.rng("learning-profile", o)
			created := g.ago(r, 400, 60)
			version := 1 + r.IntN(3)
			updated := created.Add(time.Duration(version-1) * time.Duration(1+r.IntN(20)) * 24 * time.Hour)
			return []any{g.programme, g.orgs[o].id, version, g.users[pick(r, byOrg[o])].id, created, updated}
		})
	if err != nil {
		return err
	}
	return copyRows(ctx, tx, "learning_profile_themes", []string{"programme_id", "organisation_id", "theme_key", "offers", "wants", "questions"}, len(rows),
		func(i int) []any {
			t := rows[i].t
			return []any{g.programme, g.orgs[rows[i].org].id, t.Key, t.Offers, string(t.Wants), mustJSON(t.Questions)}
		})
}
