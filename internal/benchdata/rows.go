package benchdata

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func ptr[T any](v T) *T { return &v }

// ago is a moment between from and to days before now.
func (g *gen) ago(r *rand.Rand, from, to int) time.Time {
	return g.now.Add(-time.Duration(to*24*3600+r.IntN(max(1, (from-to)*24*3600))) * time.Second)
}

var orgWords = []string{"Werkwijzer", "Retour Emploi", "Arbeit Plus", "WorkBridge", "Route Terug", "Cap Travail", "Neustart", "Back2Work", "Horizon", "De Brug"}

func (g *gen) identities(ctx context.Context, tx pgx.Tx) error {
	s := g.size
	g.orgs = make([]org, s.Organisations)
	for i := range g.orgs {
		g.orgs[i] = org{id: uuid.New(), country: countryCodes[i%s.Countries]}
	}
	if err := copyRows(ctx, tx, "organisations", []string{"id", "name", "country", "kind", "city", "website", "created_at", "updated_at"}, s.Organisations, func(i int) []any {
		r := g.rng("org", i)
		t := g.ago(r, 900, 800)
		return []any{g.orgs[i].id, fmt.Sprintf("%s %s %d", pick(r, orgWords), g.orgs[i].country, i+1), g.orgs[i].country,
			domain.OrganisationKinds[i%len(domain.OrganisationKinds)], pick(r, cities), fmt.Sprintf("https://org%d.example.org", i+1), t, t}
	}); err != nil {
		return err
	}
	g.users = make([]user, s.Users)
	for i := range g.users {
		o := i % s.Organisations
		own := countryLanguage[g.orgs[o].country]
		langs := []string{"en"}
		for _, l := range []string{own, languages[1+i%3]} {
			if !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
		g.users[i] = user{id: uuid.New(), org: o, langs: langs}
	}
	return copyRows(ctx, tx, "users", []string{"id", "email", "name", "organisation_id", "password_hash", "languages", "expertise", "is_admin", "created_at", "updated_at"}, s.Users, func(i int) []any {
		r := g.rng("user", i)
		u := g.users[i]
		t := g.ago(r, 800, 700)
		return []any{u.id, fmt.Sprintf("user%04d@bench.example.org", i), fmt.Sprintf("%s %s", pick(r, firstNames), pick(r, lastNames)),
			g.orgs[u.org].id, g.hash, mustJSON(u.langs), mustJSON(some(r, keys(themes), 2)), i == 0, t, t}
	})
}

var firstNames = []string{"Anne", "Bart", "Claire", "Dieter", "Els", "François", "Greet", "Hans", "Inès", "Jan", "Katrin", "Luc", "Marie", "Niamh", "Olivier", "Petra", "Sofie", "Thomas"}
var lastNames = []string{"Peeters", "Janssens", "de Vries", "Müller", "Dubois", "Murphy", "Schmidt", "Lambert", "Bakker", "Wagner", "Leroy", "O'Brien", "Visser", "Fischer"}

func keys(ks []domain.Keyed) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Key
	}
	return out
}

func (g *gen) programmeAndRubric(ctx context.Context, tx pgx.Tx) error {
	g.programme, g.rubric = uuid.New(), uuid.New()
	if _, err := tx.Exec(ctx, `INSERT INTO programmes (id, name, description, objective, themes, target_groups, languages, public_catalogue, starts_on, ends_on)
		VALUES ($1, $2, $3, $4, $5, $6, $7, true, '2025-01-01', '2027-12-31')`, g.programme, ProgrammeName,
		"Partners in twelve European countries compare how they bring people with or after cancer back to work.",
		"Improve return-to-work programmes by exchanging information, peer review, adaptation and new products.",
		mustDoc(themes), mustDoc(targetGroups), mustJSON(languages)); err != nil {
		return fmt.Errorf("benchdata: programme: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options)
		VALUES ($1, $2, 1, 'Default rubric (EC best-practice criteria)', 'active', $3, $4)`, g.rubric, g.programme, mustDoc(domain.DefaultCriteria()), mustJSON(domain.DefaultRecommendations)); err != nil {
		return fmt.Errorf("benchdata: rubric: %w", err)
	}
	return copyRows(ctx, tx, "memberships", []string{"programme_id", "user_id", "roles"}, len(g.users), func(i int) []any {
		roles := []string{"partner", "reviewer"}
		if i == 0 {
			roles = []string{"coordinator", "partner"}
		}
		return []any{g.programme, g.users[i].id, mustJSON(roles)}
	})
}

// statusFor spreads practices over their life: most are reviewed, published or in review.
func statusFor(r *rand.Rand) domain.PracticeStatus {
	x := r.IntN(100)
	switch {
	case x < 8:
		return domain.StatusDraft
	case x < 13:
		return domain.StatusSubmitted
	case x < 43:
		return domain.StatusInReview
	case x < 83:
		return domain.StatusPublished
	case x < 90:
		return domain.StatusRevisionRequested
	case x < 95:
		return domain.StatusNotRetained
	case x < 97:
		return domain.StatusWithdrawn
	default:
		return domain.StatusArchived
	}
}

// text is a practice's text; the same index always gives the same text, so revisions can
// reproduce it.
type text struct {
	title, summary string
	themes, groups []string
	content        domain.PracticeContent
	products       []domain.Product
	translations   map[string]domain.Translation
}

func (g *gen) text(i int) text {
	p := &g.practices[i]
	r := g.rng("text", i)
	l := p.lang
	t := text{
		title:   fmt.Sprintf("%s %s (%s)", pick(r, titleMethods[l]), pick(r, titleGroups[l]), pick(r, cities)),
		summary: paragraph(r, l, 2),
		themes:  some(r, keys(themes), 2), groups: some(r, keys(targetGroups), 2),
	}
	t.content = domain.PracticeContent{
		Context: paragraph(r, l, 9), Approach: paragraph(r, l, 13), Resources: paragraph(r, l, 5),
		Scale:    domain.Scale{Participants: ptr(20 + r.IntN(2000)), Sites: ptr(1 + r.IntN(30)), SinceYear: ptr(2010 + r.IntN(15))},
		Evidence: domain.Evidence{Level: pick(r, domain.EvidenceLevels), Description: paragraph(r, l, 5), Indicators: []string{"returned_to_work", "in_work_after_6_months"}},
		Outcomes: paragraph(r, l, 9), Transferability: paragraph(r, l, 7), LessonsLearned: paragraph(r, l, 7),
		LearningQuestions: p.questions,
		Links:             []domain.Link{{Title: "Project website", URL: fmt.Sprintf("https://practice%d.example.org", i)}},
		Contact:           domain.Contact{Name: pick(r, firstNames) + " " + pick(r, lastNames), Email: fmt.Sprintf("contact%d@example.org", i)},
	}
	for j, id := range p.products {
		t.products = append(t.products, domain.Product{ID: id, Name: pick(r, titleMethods[l]), Kind: domain.ProductKinds[(i+j)%len(domain.ProductKinds)],
			Description: paragraph(r, l, 3), CoreElements: some(r, coreElements[l], 3)})
	}
	if tl := p.translated; tl != "" {
		tr := domain.Translation{Status: pick(r, domain.TranslationStatuses),
			Title:   fmt.Sprintf("%s %s", pick(r, titleMethods[tl]), pick(r, titleGroups[tl])),
			Summary: paragraph(r, tl, 2), Context: paragraph(r, tl, 9), Approach: paragraph(r, tl, 13), Resources: paragraph(r, tl, 5),
			Outcomes: paragraph(r, tl, 9), Transferability: paragraph(r, tl, 7), LessonsLearned: paragraph(r, tl, 7),
			LearningQuestions: questions[tl][:len(p.questions)], UpdatedAt: p.created.Add(48 * time.Hour), UpdatedBy: p.author}
		for _, pr := range t.products {
			tr.Products = append(tr.Products, domain.ProductTranslation{ID: pr.ID, Name: pick(r, titleMethods[tl]), Description: paragraph(r, tl, 3)})
		}
		t.translations = map[string]domain.Translation{tl: tr}
	}
	return t
}

func (g *gen) practiceRows(ctx context.Context, tx pgx.Tx) error {
	s := g.size
	byOrg := make([][]uuid.UUID, s.Organisations)
	for _, u := range g.users {
		byOrg[u.org] = append(byOrg[u.org], u.id)
	}
	g.practices = make([]practice, s.Practices)
	for i := range g.practices {
		r := g.rng("practice", i)
		o := r.IntN(s.Organisations)
		country := g.orgs[o].country
		lang := countryLanguage[country]
		if lang == "en" && r.IntN(4) > 0 || r.IntN(5) == 0 {
			lang = languages[r.IntN(len(languages))]
		}
		p := practice{id: uuid.New(), org: o, author: pick(r, byOrg[o]), lang: lang, country: country, status: statusFor(r),
			created: g.ago(r, 700, 30), questions: questions[lang][:1+r.IntN(3)]}
		if r.Float64() < s.TranslatedShare {
			for p.translated == "" || p.translated == lang {
				p.translated = languages[r.IntN(len(languages))]
			}
		}
		for range 1 + r.IntN(3) {
			p.products = append(p.products, uuid.New())
		}
		if p.status != domain.StatusDraft {
			p.revision = 1
			p.submitted = ptr(p.created.Add(time.Duration(1+r.IntN(20)) * 24 * time.Hour))
		}
		g.practices[i] = p
	}
	// Rounds decide statuses, revisions and decisions before the rows are written.
	if err := g.planRounds(); err != nil {
		return err
	}
	cols := []string{"id", "programme_id", "organisation_id", "created_by", "title", "summary", "language", "country", "themes", "target_groups",
		"content", "products", "translations", "status", "revision", "decision", "created_at", "updated_at", "submitted_at", "published_at"}
	return copyRows(ctx, tx, "practices", cols, s.Practices, func(i int) []any {
		p := g.practices[i]
		t := g.text(i)
		for _, pr := range t.products {
			g.practices[i].core = append(g.practices[i].core, pr.CoreElements)
		}
		updated := p.created
		if p.submitted != nil {
			updated = *p.submitted
		}
		if p.publishedAt != nil {
			updated = *p.publishedAt
		}
		tr := []byte("{}")
		if t.translations != nil {
			tr = mustDoc(t.translations)
		}
		var decision any
		if p.decision != nil {
			decision = p.decision
		}
		return []any{p.id, g.programme, g.orgs[p.org].id, p.author, t.title, t.summary, p.lang, p.country, mustJSON(t.themes), mustJSON(t.groups),
			mustDoc(t.content), mustDoc(t.products), tr, string(p.status), p.revision, decision, p.created, updated, p.submitted, p.publishedAt}
	})
}

func (g *gen) revisions(ctx context.Context, tx pgx.Tx) error {
	type ref struct{ p, n int }
	var refs []ref
	for i, p := range g.practices {
		for n := 1; n <= p.revision; n++ {
			refs = append(refs, ref{i, n})
		}
	}
	return copyRows(ctx, tx, "practice_revisions", []string{"practice_id", "number", "snapshot", "created_by", "created_at"}, len(refs), func(k int) []any {
		i := refs[k].p
		p := g.practices[i]
		t := g.text(i)
		snap := domain.PracticeText{Title: t.title, Summary: t.summary, Language: p.lang, Country: p.country, Themes: t.themes, TargetGroups: t.groups,
			Content: t.content, Products: t.products, Translations: t.translations}
		at := p.submitted.Add(time.Duration(refs[k].n-1) * 30 * 24 * time.Hour)
		return []any{p.id, refs[k].n, mustDoc(snap), p.author, at}
	})
}
