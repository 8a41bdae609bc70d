// Package benchdata generates the realistic data set of SPEC §6 — a programme with tens of
// thousands of practices of real prose in four languages, reviews over several rounds,
// adaptations with follow-ups and comments, the organisations' learning profiles and the exchange
// activities of two years (SPEC §7.4, §7.5) — in the exact shapes the application writes, so that
// load tests and query plans see what a real installation sees. Rows are streamed with COPY.
package benchdata

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// Size says how many rows of each kind Generate writes. Reviews are submitted reviews; every
// reviewed practice gets three, so Reviews should be a multiple of three.
type Size struct {
	Practices       int
	Users           int
	Organisations   int
	Countries       int
	Reviews         int
	Adaptations     int
	Comments        int
	TranslatedShare float64 // share of practices with a translation
	// LearningProfiles is how many organisations keep a learning profile.
	LearningProfiles int
	// Activities are the exchange activities, from two years ago to four months ahead.
	Activities int
}

// Full is the size SPEC §6 measures against.
var Full = Size{Practices: 20000, Users: 600, Organisations: 40, Countries: 12, Reviews: 60000, Adaptations: 10000, Comments: 30000, TranslatedShare: 0.2,
	LearningProfiles: 36, Activities: 600}

// Small is a fiftieth of Full (with enough organisations and countries for cross-border review),
// for tests and quick runs.
var Small = Size{Practices: 400, Users: 60, Organisations: 16, Countries: 8, Reviews: 1200, Adaptations: 200, Comments: 600, TranslatedShare: 0.2,
	LearningProfiles: 14, Activities: 12}

// Sizes names the presets.
var Sizes = map[string]Size{"full": Full, "small": Small}

// ProgrammeName is the name of the generated programme.
const ProgrammeName = "Benchmark — return to work after cancer"

// Password is the password of every generated user.
const Password = "bench-password-1"

var countryCodes = []string{"BE", "NL", "FR", "DE", "IE", "AT", "PT", "IT", "DK", "FI", "ES", "SE"}

var countryLanguage = map[string]string{"BE": "nl", "NL": "nl", "FR": "fr", "DE": "de", "AT": "de", "IE": "en",
	"PT": "en", "IT": "en", "DK": "en", "FI": "en", "ES": "en", "SE": "en"}

var languages = []string{"en", "nl", "fr", "de"}

var themes = []domain.Keyed{
	{Key: "actors_work_health", Title: "Who is involved in return to work, and how work and health are linked"},
	{Key: "products_services", Title: "Products and services that support employees (information, guidance, assessment)"},
	{Key: "upscaling", Title: "Scaling up projects and implementing them more widely"},
	{Key: "launch_parameters", Title: "Conditions for launching an intensive programme, and the most vulnerable groups"},
}

var targetGroups = []domain.Keyed{
	{Key: "cancer_survivors", Title: "Employees with or after cancer"},
	{Key: "chronic_illness", Title: "Employees with a chronic illness"},
	{Key: "older_workers", Title: "Older employees"},
	{Key: "low_skilled", Title: "Low-skilled workers"},
	{Key: "young_adults", Title: "Young adults moving from education to work"},
}

type org struct {
	id      uuid.UUID
	country string
}

type user struct {
	id    uuid.UUID
	org   int
	langs []string
}

type practice struct {
	id          uuid.UUID
	org         int
	author      uuid.UUID
	lang        string
	country     string
	status      domain.PracticeStatus
	revision    int
	translated  string // language of its translation, or ""
	products    []uuid.UUID
	core        [][]string // core elements per product, filled when the practice is written
	created     time.Time
	submitted   *time.Time
	questions   []string
	decision    []byte // decision document, or nil
	publishedAt *time.Time
}

type gen struct {
	size      Size
	seed      uint64
	now       time.Time
	hash      string
	programme uuid.UUID
	rubric    uuid.UUID
	orgs      []org
	users     []user
	practices []practice
	rounds    [3]uuid.UUID
	plans     [3]*roundPlan
}

func (g *gen) rng(kind string, i int) *rand.Rand {
	var h uint64 = 1469598103934665603
	for _, c := range kind {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return rand.New(rand.NewPCG(g.seed^h, uint64(i)))
}

// Generate writes one programme of the given size into db (a migrated, otherwise empty or
// unrelated database) in one transaction. Every user's password is Password, hashed once.
func Generate(ctx context.Context, db *sql.DB, size Size) error {
	if size.Organisations < 4 || size.Countries < 4 || size.Countries > len(countryCodes) || size.Users < size.Organisations {
		return fmt.Errorf("benchdata: need at least 4 organisations, 4 to %d countries and a user per organisation", len(countryCodes))
	}
	if size.LearningProfiles < 0 || size.LearningProfiles > size.Organisations || size.Activities < 0 {
		return fmt.Errorf("benchdata: need at most a learning profile per organisation, and no negative counts")
	}
	hash, err := auth.NewHasher(1).Hash(ctx, Password)
	if err != nil {
		return err
	}
	g := &gen{size: size, seed: 20261130, now: time.Now().UTC().Truncate(time.Second), hash: hash}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx) //nolint:errcheck
		steps := []func(context.Context, pgx.Tx) error{g.identities, g.programmeAndRubric, g.practiceRows, g.revisions, g.reviews, g.adaptations, g.comments, g.learningProfiles, g.activities}
		for _, step := range steps {
			if err := step(ctx, tx); err != nil {
				return err
			}
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
		_, err = pc.Exec(ctx, `ANALYZE`)
		return err
	})
}

// mustDoc encodes a domain value exactly as the store writes it into its jsonb column.
func mustDoc(v any) []byte {
	b, err := postgres.Document(v)
	if err != nil {
		panic(err)
	}
	return b
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// some picks between 1 and n distinct elements, in vocabulary order.
func some(r *rand.Rand, xs []string, n int) []string {
	k := 1 + r.IntN(n)
	perm := r.Perm(len(xs))[:min(k, len(xs))]
	out := []string{}
	for i, x := range xs {
		for _, p := range perm {
			if p == i {
				out = append(out, x)
			}
		}
	}
	return out
}

func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, n int, row func(i int) []any) error {
	i := 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if i >= n {
			return nil, nil
		}
		r := row(i)
		i++
		return r, nil
	})
	got, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
	if err != nil {
		return fmt.Errorf("benchdata: copy %s: %w", table, err)
	}
	if int(got) != n {
		return fmt.Errorf("benchdata: copy %s: %d of %d rows", table, got, n)
	}
	return nil
}

// paragraph joins n sentences of lang drawn from a permutation, with a sentence of figures that
// makes each document differ.
func paragraph(r *rand.Rand, lang string, n int) string {
	bank := sentences[lang]
	perm := r.Perm(len(bank))
	parts := make([]string, 0, n+1)
	for i := 0; i < n; i++ {
		parts = append(parts, bank[perm[i%len(perm)]])
	}
	parts = append(parts, figures(r, lang))
	return strings.Join(parts, " ")
}

func figures(r *rand.Rand, lang string) string {
	city, n, w, y := pick(r, cities), 20+r.IntN(480), 4+r.IntN(30), 2012+r.IntN(13)
	switch lang {
	case "nl":
		return fmt.Sprintf("In %s namen sinds %d in totaal %d mensen deel, met een gemiddelde begeleiding van %d weken.", city, y, n, w)
	case "fr":
		return fmt.Sprintf("À %s, %d personnes ont participé depuis %d, avec un accompagnement moyen de %d semaines.", city, n, y, w)
	case "de":
		return fmt.Sprintf("In %s haben seit %d insgesamt %d Menschen teilgenommen, bei einer durchschnittlichen Begleitung von %d Wochen.", city, y, n, w)
	default:
		return fmt.Sprintf("In %s, %d people have taken part since %d, with guidance lasting %d weeks on average.", city, n, y, w)
	}
}
