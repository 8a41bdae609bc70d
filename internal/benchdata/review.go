package benchdata

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type member struct {
	p   int // practice index
	rev int
}

type roundPlan struct {
	name                string
	status              string
	opens, due, decided time.Time
	members             []member
	decisions           map[int]string // practice index → outcome, for decided rounds
	reviewers           [][]int        // per member, user indexes
	assignments         []uuid.UUID
}

func outcomeFor(s domain.PracticeStatus, r *rand.Rand) string {
	switch s {
	case domain.StatusRevisionRequested:
		return "revision_requested"
	case domain.StatusNotRetained:
		return "not_retained"
	default:
		if r.IntN(3) == 0 {
			return "promising_practice"
		}
		return "good_practice"
	}
}

// planRounds puts the practices in review into the open round and the decided ones into two
// earlier rounds, so that there are exactly Reviews/3 (round, practice) pairs.
func (g *gen) planRounds() error {
	var inReview, decided []int
	for i, p := range g.practices {
		switch p.status {
		case domain.StatusInReview:
			inReview = append(inReview, i)
		case domain.StatusPublished, domain.StatusRevisionRequested, domain.StatusNotRetained, domain.StatusArchived:
			decided = append(decided, i)
		}
	}
	pairs := g.size.Reviews / 3
	r3 := inReview[:min(len(inReview), pairs)]
	n12 := pairs - len(r3)
	a := min((n12+1)/2, len(decided))
	b := n12 - a
	if b > len(decided) {
		return fmt.Errorf("benchdata: %d reviews need more reviewed practices than %d", g.size.Reviews, g.size.Practices)
	}
	mk := func(name, status string, opens int) *roundPlan {
		o := g.now.Add(-time.Duration(opens) * 24 * time.Hour)
		return &roundPlan{name: name, status: status, opens: o, due: o.Add(45 * 24 * time.Hour), decided: o.Add(60 * 24 * time.Hour), decisions: map[int]string{}}
	}
	for k := range g.rounds {
		g.rounds[k] = uuid.New()
	}
	g.plans = [3]*roundPlan{mk("First review round", "decided", 600), mk("Second review round", "decided", 380), mk("Third review round", "closed", 60)}
	inRound2 := map[int]bool{}
	for _, i := range decided[len(decided)-b:] {
		inRound2[i] = true
	}
	for _, i := range decided[:a] {
		g.plans[0].members = append(g.plans[0].members, member{i, 1})
		if inRound2[i] {
			g.plans[0].decisions[i] = "revision_requested"
		} else {
			g.plans[0].decisions[i] = outcomeFor(g.practices[i].status, g.rng("outcome", i))
		}
	}
	for _, i := range decided[len(decided)-b:] {
		rev := 1
		if g.plans[0].decisions[i] != "" {
			rev = 2
		}
		g.practices[i].revision = rev
		g.plans[1].members = append(g.plans[1].members, member{i, rev})
		g.plans[1].decisions[i] = outcomeFor(g.practices[i].status, g.rng("outcome", i))
	}
	for _, i := range r3 {
		g.plans[2].members = append(g.plans[2].members, member{i, g.practices[i].revision})
	}
	for k := range 2 {
		round := g.plans[k]
		for i, outcome := range round.decisions {
			p := &g.practices[i]
			p.decision = mustDoc(domain.Decision{Outcome: outcome, Rationale: "Decided after three peer reviews: " + reviewText[i%len(reviewText)],
				DecidedAt: round.decided, RoundID: g.rounds[k]})
			if p.status == domain.StatusPublished || p.status == domain.StatusArchived {
				p.publishedAt = ptr(round.decided)
			}
		}
	}
	for i := range g.practices {
		p := &g.practices[i]
		if p.publishedAt == nil && (p.status == domain.StatusPublished || p.status == domain.StatusArchived) {
			p.publishedAt = ptr(p.submitted.Add(30 * 24 * time.Hour))
		}
	}
	return nil
}

// pickReviewers gives every member of a round three reviewers who read the practice, work
// in another country than the practice and, where possible, in distinct countries.
func (g *gen) pickReviewers(round *roundPlan) error {
	readers := map[string][]int{}
	for u, usr := range g.users {
		for _, l := range usr.langs {
			readers[l] = append(readers[l], u)
		}
	}
	next := map[string]int{}
	for _, m := range round.members {
		p := g.practices[m.p]
		list := readers[p.lang]
		var got []int
		countries := map[string]bool{p.country: true}
		for strict := 1; strict >= 0 && len(got) < 3; strict-- {
			for range len(list) {
				u := list[next[p.lang]%len(list)]
				next[p.lang]++
				c := g.orgs[g.users[u].org].country
				if c == p.country || slices.Contains(got, u) || strict == 1 && countries[c] {
					continue
				}
				got = append(got, u)
				countries[c] = true
				if len(got) == 3 {
					break
				}
			}
		}
		if len(got) < 3 {
			return fmt.Errorf("benchdata: too few reviewers read %s outside %s", p.lang, p.country)
		}
		round.reviewers = append(round.reviewers, got)
	}
	return nil
}

func (g *gen) reviews(ctx context.Context, tx pgx.Tx) error {
	criteria := domain.DefaultCriteria()
	rubric := domain.Rubric{Criteria: criteria}
	for k, round := range g.plans {
		if _, err := tx.Exec(ctx, `INSERT INTO rounds (id, programme_id, name, rubric_id, status, opens_at, due_at, reviewers_per_practice, max_load, blind, cross_border, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 3, 100, true, true, $6, $8)`, g.rounds[k], g.programme, round.name, g.rubric, round.status, round.opens, round.due, round.decided); err != nil {
			return fmt.Errorf("benchdata: round: %w", err)
		}
		if err := copyRows(ctx, tx, "round_practices", []string{"round_id", "practice_id", "revision", "added_at"}, len(round.members), func(i int) []any {
			return []any{g.rounds[k], g.practices[round.members[i].p].id, round.members[i].rev, round.opens}
		}); err != nil {
			return err
		}
		if err := g.pickReviewers(round); err != nil {
			return err
		}
		n := 3 * len(round.members)
		round.assignments = make([]uuid.UUID, n)
		for i := range round.assignments {
			round.assignments[i] = uuid.New()
		}
		if err := copyRows(ctx, tx, "assignments", []string{"id", "round_id", "practice_id", "reviewer_id", "status", "due_at", "source", "explanation", "created_at", "updated_at"}, n, func(i int) []any {
			m := round.members[i/3]
			u := round.reviewers[i/3][i%3]
			return []any{round.assignments[i], g.rounds[k], g.practices[m.p].id, g.users[u].id, "submitted", round.due, "auto",
				fmt.Sprintf("Reads %s, works in %s (practice in %s), load balanced.", g.practices[m.p].lang, g.orgs[g.users[u].org].country, g.practices[m.p].country),
				round.opens, round.due}
		}); err != nil {
			return err
		}
		if err := copyRows(ctx, tx, "reviews", []string{"assignment_id", "revision", "scores", "strengths", "improvements", "transferability", "answers",
			"recommendation", "confidence", "status", "submitted_at", "weighted_score", "gates_passed", "version", "created_at", "updated_at"}, n, func(i int) []any {
			m := round.members[i/3]
			p := g.practices[m.p]
			r := g.rng(fmt.Sprintf("review%d", k), i)
			quality := 1 + g.rng("quality", m.p).IntN(4)
			scores := make([]domain.Score, 0, len(criteria))
			for _, c := range criteria {
				sc := domain.Score{CriterionKey: c.Key}
				switch {
				case c.Gate():
					v := 1.0
					if r.IntN(20) == 0 {
						v = 0
					}
					sc.Value, sc.Comment = &v, pick(r, reviewText)
				case c.AllowNA && r.IntN(20) == 0:
				default:
					v := float64(min(c.Scale.Max, max(c.Scale.Min, quality+r.IntN(3)-1)))
					sc.Value = &v
					if r.IntN(3) == 0 {
						sc.Comment = pick(r, reviewText)
					}
				}
				scores = append(scores, sc)
			}
			answers := make([]domain.Answer, len(p.questions))
			for j, q := range p.questions {
				answers[j] = domain.Answer{Question: q, Answer: pick(r, reviewText) + " " + pick(r, reviewText)}
			}
			rec := domain.DefaultRecommendations[min(3, max(0, 4-quality+r.IntN(2)-1))]
			submitted := round.opens.Add(time.Duration(1+r.IntN(40*24)) * time.Hour)
			review := domain.Review{Scores: scores}
			outcome := review.ComputeOutcome(&rubric)
			return []any{round.assignments[i], m.rev, mustDoc(scores), pick(r, reviewText) + " " + pick(r, reviewText), pick(r, reviewText),
				mustDoc(domain.Transferability{Rating: ptr(1 + r.IntN(5)), Conditions: pick(r, reviewText)}), mustDoc(answers),
				rec, 1 + r.IntN(5), "submitted", submitted, outcome.WeightedScore, outcome.GatesPassed, 3, round.opens, submitted}
		}); err != nil {
			return err
		}
		var decided []int
		for i := range round.decisions {
			decided = append(decided, i)
		}
		slices.Sort(decided)
		if err := copyRows(ctx, tx, "decisions", []string{"round_id", "practice_id", "outcome", "rationale", "decided_by", "decided_at"}, len(decided), func(i int) []any {
			return []any{g.rounds[k], g.practices[decided[i]].id, round.decisions[decided[i]], "Decided after three peer reviews: " + reviewText[decided[i]%len(reviewText)],
				g.users[0].id, round.decided}
		}); err != nil {
			return err
		}
	}
	// The first review date of each practice, as the store maintains it when reviews are submitted.
	if _, err := tx.Exec(ctx, `SELECT pb_refresh_first_reviews(ARRAY(SELECT DISTINCT practice_id FROM assignments))`); err != nil {
		return fmt.Errorf("benchdata: first reviews: %w", err)
	}
	return nil
}

func (g *gen) adaptations(ctx context.Context, tx pgx.Tx) error {
	var sources []int
	for i, p := range g.practices {
		if p.status == domain.StatusPublished || p.status == domain.StatusArchived || p.status == domain.StatusInReview {
			sources = append(sources, i)
		}
	}
	if len(sources) == 0 {
		return fmt.Errorf("benchdata: no practice to adapt")
	}
	n := g.size.Adaptations
	ids := make([]uuid.UUID, n)
	orgOf := make([]int, n)
	stages := make([]string, n)
	created := make([]time.Time, n)
	byOrg := make([][]int, len(g.orgs))
	for u, usr := range g.users {
		byOrg[usr.org] = append(byOrg[usr.org], u)
	}
	err := copyRows(ctx, tx, "adaptations", []string{"id", "programme_id", "source_practice_id", "product_id", "adopting_organisation_id", "country", "title",
		"context_description", "target_groups", "stage", "frame", "barriers", "facilitators", "created_by", "created_at", "updated_at"}, n, func(i int) []any {
		r := g.rng("adaptation", i)
		p := g.practices[pick(r, sources)]
		o := r.IntN(len(g.orgs))
		for g.orgs[o].country == p.country {
			o = r.IntN(len(g.orgs))
		}
		ids[i], orgOf[i], stages[i] = uuid.New(), o, pick(r, domain.AdaptationStages)
		created[i] = g.ago(r, 500, 10)
		var product any
		var core []string
		if len(p.core) > 0 && r.IntN(5) > 0 {
			j := r.IntN(len(p.products))
			product, core = p.products[j], p.core[j]
		}
		cut := r.IntN(len(core) + 1)
		fidelity := "consistent"
		if cut < len(core) {
			fidelity = pick(r, []string{"inconsistent", "unknown"})
		}
		reasons := map[string][]string{}
		for _, lvl := range some(r, domain.ReasonLevels, 2) {
			reasons[lvl] = some(r, domain.ReasonVocabulary[lvl], 2)
		}
		frame := domain.Frame{When: pick(r, domain.FrameWhen), Planned: pick(r, domain.FramePlanned), DecidedBy: some(r, domain.FrameDecidedBy, 3),
			What: some(r, domain.FrameWhat, 2), Level: pick(r, domain.FrameLevel), ContextModifications: some(r, domain.FrameContextModifications, 2),
			ContentModifications: some(r, domain.FrameContentModifications, 3), Fidelity: fidelity,
			CoreElementsKept: append([]string{}, core[:cut]...), CoreElementsChanged: append([]string{}, core[cut:]...),
			Goals: some(r, domain.FrameGoals, 3), Reasons: reasons}
		lang := countryLanguage[g.orgs[o].country]
		return []any{ids[i], g.programme, p.id, product, g.orgs[o].id, g.orgs[o].country,
			fmt.Sprintf("%s in %s", pick(r, titleMethods[lang]), pick(r, cities)), paragraph(r, lang, 3),
			mustJSON(some(r, keys(targetGroups), 2)), stages[i], mustDoc(frame), mustJSON(some(r, barriers, 3)), mustJSON(some(r, facilitators, 3)),
			g.users[pick(r, byOrg[o])].id, created[i], created[i].Add(time.Duration(r.IntN(200)) * time.Hour)}
	})
	if err != nil {
		return err
	}
	type oc struct{ a, k int }
	var outs []oc
	for i, st := range stages {
		if st == "implementing" || st == "evaluating" || st == "sustained" || st == "discontinued" {
			for k := range 1 + g.rng("followups", i).IntN(3) {
				outs = append(outs, oc{i, k})
			}
		}
	}
	return copyRows(ctx, tx, "adaptation_outcomes", []string{"id", "adaptation_id", "recorded_on", "participants", "returned_to_work", "in_work_after_6_months",
		"placements_offered", "satisfaction", "notes", "created_by", "created_at"}, len(outs), func(j int) []any {
		o := outs[j]
		r := g.rng("outcome-row", j)
		at := created[o.a].Add(time.Duration(60*(o.k+1)) * 24 * time.Hour)
		if at.After(g.now) {
			at = g.now
		}
		n := 5 + r.IntN(60)
		back := r.IntN(n + 1)
		return []any{uuid.New(), ids[o.a], at, n, back, r.IntN(back + 1), r.IntN(n), float64(10+r.IntN(41)) / 10,
			strings.Join([]string{pick(r, commentText), pick(r, reviewText)}, " "), g.users[pick(r, byOrg[orgOf[o.a]])].id, at}
	})
}

func (g *gen) comments(ctx context.Context, tx pgx.Tx) error {
	var visible []int
	for i, p := range g.practices {
		if p.status != domain.StatusDraft {
			visible = append(visible, i)
		}
	}
	adaptations, err := tx.Query(ctx, `SELECT id FROM adaptations WHERE programme_id = $1 ORDER BY id`, g.programme)
	if err != nil {
		return err
	}
	adIDs, err := pgx.CollectRows(adaptations, pgx.RowTo[uuid.UUID])
	if err != nil {
		return err
	}
	type subject struct {
		kind string
		id   uuid.UUID
	}
	ids := make([]uuid.UUID, g.size.Comments)
	subjects := make([]subject, g.size.Comments)
	return copyRows(ctx, tx, "comments", []string{"id", "programme_id", "subject_type", "subject_id", "parent_id", "author_id", "body", "created_at", "updated_at"}, g.size.Comments, func(i int) []any {
		r := g.rng("comment", i)
		ids[i] = uuid.New()
		var parent any
		switch {
		case i > 0 && r.IntN(3) == 0:
			subjects[i], parent = subjects[i-1], ids[i-1]
		case len(adIDs) > 0 && r.IntN(5) == 0:
			subjects[i] = subject{"adaptation", pick(r, adIDs)}
		default:
			subjects[i] = subject{"practice", g.practices[pick(r, visible)].id}
		}
		at := g.now.Add(-time.Duration(g.size.Comments-i) * 17 * time.Minute)
		body := pick(r, commentText)
		if r.IntN(2) == 0 {
			body += " " + pick(r, commentText)
		}
		return []any{ids[i], g.programme, subjects[i].kind, subjects[i].id, parent, pick(r, g.users).id, body, at, at}
	})
}
