package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// A question becomes any two of its words, each stemmed in the languages of matchConfigs; a
// question of stop words only asks nothing.
func TestQuestionsBecomePairsOfTheirWords(t *testing.T) {
	s, _, _ := newTestStore(t)
	qs, err := s.questionQueries(context.Background(), []string{"How do you involve employers in job coaching?", "and the", "Rückkehr?"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 {
		t.Fatalf("%d queries", len(qs))
	}
	for _, want := range []string{"('employ' & 'job')", "('coach' & 'employ')", "('involv' & 'job')"} {
		if !strings.Contains(qs[0], want) && !strings.Contains(qs[0], swapPair(want)) {
			t.Errorf("query of the first question lacks %s: %s", want, qs[0])
		}
	}
	if strings.Contains(qs[1], "&") {
		t.Errorf("stop words make pairs: %s", qs[1])
	}
	if !strings.Contains(qs[2], "'rückkehr'") || strings.Contains(qs[2], "&") {
		t.Errorf("a one-word question is that word: %s", qs[2])
	}
}

func swapPair(p string) string {
	a, b, _ := strings.Cut(strings.Trim(p, "()"), " & ")
	return "(" + b + " & " + a + ")"
}

// The question search reads its matches from the full-text index: with sequential scans
// discouraged, the plan of a programme of several hundred practices names the GIN index and
// answers at most questionCandidates practices a question.
func TestQuestionSearchIsBoundedAndUsesTheFullTextIndex(t *testing.T) {
	s, own, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	other, err := s.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: "Other", Country: "NL", Kind: "ngo", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	author, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "a@example.org", Name: "A", OrganisationID: other.ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		summary := fmt.Sprintf("Practice %d about sick leave and early contact.", i)
		if i%10 == 0 {
			summary = fmt.Sprintf("Job coaches involve employers, practice %d.", i)
		}
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, summary, language, country, status)
			VALUES ($1, $2, $3, $4, $5, $6, 'en', 'NL', 'published')`, uuid.New(), prog.ID, other.ID, author.ID, fmt.Sprintf("P%d", i), summary)
	}
	exec(`ANALYZE practices`)
	queries, err := s.questionQueries(ctx, []string{"How do you involve employers in job coaching?"})
	if err != nil {
		t.Fatal(err)
	}
	f := domain.LearningCandidateFilter{ProgrammeID: prog.ID, OrganisationID: own.ID, Country: "BE", Viewer: domain.PracticeSearchViewer{Coordinator: true}}
	where, args := learningVisible(f)
	sql, qargs := questionMatches(queries, where, args)
	var plan []string
	err = s.WithTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if err := db.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
			return err
		}
		return db.Raw("EXPLAIN "+sql, qargs...).Scan(&plan).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(plan, "\n"); !strings.Contains(text, "pb_practices_matching") || strings.Contains(text, "Seq Scan on practices") {
		t.Errorf("the question search does not read the full-text index:\n%s", text)
	}
	f.Questions = []string{"How do you involve employers in job coaching?"}
	got, err := s.LearningCandidates(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != questionCandidates {
		t.Fatalf("%d candidates, want the bound %d", len(got), questionCandidates)
	}
	for _, c := range got {
		if !strings.HasPrefix(c.Practice.Summary, "Job coaches") || len(c.MatchedQueries) != 1 || c.MatchedQueries[0] != 0 {
			t.Errorf("candidate %q matched %v", c.Practice.Summary, c.MatchedQueries)
		}
	}
	// The same ten newest matches whether they are among the questionRecent newest practices
	// (found in date order) or not (read from the full-text index): here the matches are moved
	// back a year, in the order they had, behind 270 newer practices that do not match.
	exec(`UPDATE practices SET updated_at = updated_at - interval '1 year' WHERE summary LIKE 'Job coaches%'`)
	old, err := s.LearningCandidates(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	summaries := func(cs []domain.LearningCandidate) []string {
		out := lists.Map(cs, func(c domain.LearningCandidate) string { return c.Practice.Summary })
		slices.Sort(out)
		return out
	}
	if a, b := summaries(got), summaries(old); !slices.Equal(a, b) {
		t.Fatalf("matches read from the index %v, found in date order %v", b, a)
	}
	for _, want := range []string{"practice 290.", "practice 200."} {
		if !slices.ContainsFunc(summaries(old), func(s string) bool { return strings.HasSuffix(s, want) }) {
			t.Fatalf("the newest matches lack %q: %v", want, summaries(old))
		}
	}
}
