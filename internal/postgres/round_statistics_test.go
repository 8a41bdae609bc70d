package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// TestRoundCoincidencesEqualMatrixAlpha checks that the answer kinds RoundAggregates reads from SQL
// from the reviews' stored criterion values give the alpha of the reviewer × practice matrix,
// with n/a and missing answers, repeated keys (the first counts), drafts (left out), practices
// outside the round (left out) and practices with a single answer (not pairable).
func TestRoundCoincidencesEqualMatrixAlpha(t *testing.T) {
	s, org, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	rng := rand.New(rand.NewSource(5))
	const reviewers, practices = 5, 40
	keys := []string{"a", "b", "c"}
	var users []uuid.UUID
	for i := 0; i < reviewers; i++ {
		u, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: fmt.Sprintf("r%d@example.org", i), Name: "R", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u.ID)
	}
	rubric, round := uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active', '[]', '[]')`, rubric, prog.ID)
	exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'R', $3, 'open', now(), 2, 50)`,
		round, prog.ID, rubric)
	want := map[string][][]float64{}
	for p := 0; p < practices; p++ {
		pid := uuid.New()
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status) VALUES ($1, $2, $3, $4, 'P', 'en', 'BE', 'submitted')`,
			pid, prog.ID, org.ID, users[0])
		inRound := p%10 != 9
		if inRound {
			exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES ($1, $2, 1)`, round, pid)
		}
		unit := map[string][]float64{}
		for r := 0; r < 1+rng.Intn(reviewers); r++ {
			aid := uuid.New()
			exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, 'submitted', now(), 'manual')`,
				aid, round, pid, users[r])
			status := "submitted"
			if rng.Intn(6) == 0 {
				status = "draft" // a draft's answers do not count
			}
			var scores []map[string]any
			counted := map[string]bool{}
			for _, k := range keys {
				for rep := 0; rep < 1+rng.Intn(2); rep++ { // sometimes a repeated key: the first counts
					switch rng.Intn(5) {
					case 0: // not answered
					case 1:
						scores = append(scores, map[string]any{"criterion_key": k, "value": nil, "comment": "n/a"})
						counted[k] = true
					default:
						v := float64(1 + rng.Intn(4))
						scores = append(scores, map[string]any{"criterion_key": k, "value": v, "comment": "long text"})
						if !counted[k] && status == "submitted" {
							unit[k] = append(unit[k], v)
						}
						counted[k] = true
					}
				}
			}
			doc, _ := json.Marshal(scores)
			exec(`INSERT INTO reviews (assignment_id, revision, scores, status) VALUES ($1, 1, $2, $3)`, aid, string(doc), status)
		}
		if inRound {
			for _, k := range keys {
				want[k] = append(want[k], unit[k])
			}
		}
	}
	agg, err := s.RoundAggregates(ctx, round, keys)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		w, werr := stats.Alpha(want[k], stats.Ordinal)
		got := stats.AgreementOfUnitKinds(agg.Kinds[k], stats.Ordinal, stats.BootstrapConfig{Replicates: 10})
		var gerr error
		if math.IsNaN(got.Alpha) {
			gerr = fmt.Errorf("undefined (%s)", got.Reading)
		}
		g := got.Alpha
		if (werr == nil) != (gerr == nil) || (werr == nil && math.Abs(g-w) > 1e-12) {
			t.Errorf("%s: alpha from SQL answer kinds %v (%v), from the matrix %v (%v)", k, g, gerr, w, werr)
		}
		pairable := 0
		for _, u := range want[k] {
			if len(u) >= 2 {
				pairable++
			}
		}
		if got.Units != pairable {
			t.Errorf("%s: %d pairable units, want %d", k, got.Units, pairable)
		}
	}
}

// unitValuesFromScratch is round_unit_values as migrations 0016 and 0021 fill it, computed now from
// every submitted review.
const unitValuesFromScratch = `SELECT round_id, practice_id, key, vs::text AS vs, reviewers::text AS reviewers FROM pb_unit_values(NULL, NULL)`

// TestRoundUnitValuesFollowEveryChange checks that the per-practice values a round's agreement is
// computed from stay equal to a computation from scratch through every change that alters them —
// submitting, reopening, revising and editing reviews, deleting and moving assignments, a practice joining
// the round — and through two reviews of one practice submitted at the same time.
func TestRoundUnitValuesFollowEveryChange(t *testing.T) {
	var vs0 string
	s, org, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	var users []uuid.UUID
	for i := 0; i < 4; i++ {
		u, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: fmt.Sprintf("u%d@example.org", i), Name: "U", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u.ID)
	}
	rubric, round, other := uuid.New(), uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active', '[]', '["adopt", "adapt", "reject"]')`,
		rubric, prog.ID)
	for _, r := range []uuid.UUID{round, other} {
		exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'R', $3, 'open', now(), 2, 50)`,
			r, prog.ID, rubric)
	}
	practices := make([]uuid.UUID, 3)
	for i := range practices {
		practices[i] = uuid.New()
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status) VALUES ($1, $2, $3, $4, 'P', 'en', 'BE', 'submitted')`,
			practices[i], prog.ID, org.ID, users[0])
	}
	// The third practice joins the round only after its reviews are in.
	exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES ($1, $2, 1), ($1, $3, 1)`, round, practices[0], practices[1])
	scores := func(a, b any) string {
		return fmt.Sprintf(`[{"criterion_key": "a", "value": %v, "comment": "c"}, {"criterion_key": "b", "value": %v}]`, a, b)
	}
	assignment := map[[2]int]uuid.UUID{}
	for p := range practices {
		for r := 0; r < 3; r++ {
			id := uuid.New()
			assignment[[2]int{p, r}] = id
			exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, 'accepted', now(), 'manual')`,
				id, round, practices[p], users[r])
			var weighted any = 50 + 10*p + r
			if r == 2 && p == 1 {
				weighted = nil // a review without a weighted score (every criterion n/a)
			}
			exec(`INSERT INTO reviews (assignment_id, revision, scores, status, weighted_score) VALUES ($1, 1, $2, 'submitted', $3)`,
				id, scores(1+p+r, 4-r), weighted)
		}
	}
	check := func(step string) {
		t.Helper()
		var got, want []string
		rows := func(dst *[]string, q string) {
			var all string
			if err := s.SQL().QueryRowContext(ctx, `SELECT coalesce(string_agg(t::text, ';' ORDER BY t::text), '') FROM (`+q+`) t`).Scan(&all); err != nil {
				t.Fatal(err)
			}
			*dst = append(*dst, all)
		}
		rows(&got, `SELECT round_id, practice_id, key, vs::text AS vs, reviewers::text AS reviewers FROM round_unit_values`)
		rows(&want, unitValuesFromScratch)
		if got[0] != want[0] {
			t.Fatalf("%s: round_unit_values\n%s\nfrom scratch\n%s", step, got[0], want[0])
		}
	}
	check("after the reviews were submitted")
	exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES ($1, $2, 1)`, round, practices[2])
	check("after a practice joined the round")
	exec(`UPDATE reviews SET status = 'draft' WHERE assignment_id = $1`, assignment[[2]int{0, 1}])
	check("after a review was reopened")
	exec(`UPDATE reviews SET scores = $2 WHERE assignment_id = $1`, assignment[[2]int{0, 2}], scores("null", 2))
	check("after a submitted answer became n/a")
	exec(`UPDATE reviews SET scores = $2, status = 'submitted' WHERE assignment_id = $1`, assignment[[2]int{0, 1}], scores(4, 4))
	check("after a reopened review was submitted again")
	exec(`DELETE FROM assignments WHERE id = $1`, assignment[[2]int{1, 0}])
	check("after an assignment and its review were deleted")
	exec(`UPDATE assignments SET round_id = $2 WHERE id = $1`, assignment[[2]int{1, 1}], other)
	check("after an assignment moved to another round")
	exec(`UPDATE reviews SET weighted_score = 12.5 WHERE assignment_id = $1`, assignment[[2]int{2, 1}])
	check("after a weighted score was stored again")
	exec(`UPDATE reviews SET recommendation = 'adapt', gates_passed = true WHERE assignment_id = $1`, assignment[[2]int{2, 1}])
	check("after a recommendation and a gate outcome changed")
	exec(`DELETE FROM reviews WHERE assignment_id = $1`, assignment[[2]int{2, 2}])
	check("after a review was deleted")

	// A revise during the rebuttal keeps the first submission aside and reopens the review; the
	// resubmission through SaveReview brings the revised values in, the first ones out.
	revised, err := s.Review(ctx, assignment[[2]int{0, 0}], false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.KeepFirstSubmission(ctx, revised.FirstSubmission(time.Now())); err != nil {
		t.Fatal(err)
	}
	check("after a first submission was kept")
	if err := s.KeepFirstSubmission(ctx, revised.FirstSubmission(time.Now())); !domain.IsCode(err, domain.CodeAlreadyRevised) {
		t.Fatalf("keeping a second first submission: %v", err)
	}
	submitted := revised.SubmittedAt
	revised.Status, revised.SubmittedAt = domain.ReviewDraft, nil
	if revised, err = s.SaveReview(ctx, revised, revised.Version); err != nil {
		t.Fatal(err)
	}
	check("after a review was reopened for its revision")
	seven := 7.0
	revised.Scores[0].Value, revised.Status, revised.SubmittedAt = &seven, domain.ReviewSubmitted, submitted
	if revised, err = s.SaveReview(ctx, revised, revised.Version); err != nil {
		t.Fatal(err)
	}
	check("after a revised review was submitted again")
	if !revised.Revised {
		t.Fatal("the resubmitted review does not say it was revised")
	}
	if err := s.SQL().QueryRowContext(ctx, `SELECT vs::text FROM round_unit_values WHERE practice_id = $1 AND key = 'a'`, practices[0]).Scan(&vs0); err != nil || !strings.Contains(vs0, "7") {
		t.Fatalf("values after the revision: %q (%v), want the revised 7 in them", vs0, err)
	}

	// Two reviewers of one practice submit at the same time: each transaction's refresh must see
	// the other's review once it has committed.
	p := uuid.New()
	exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status) VALUES ($1, $2, $3, $4, 'P', 'en', 'BE', 'submitted')`,
		p, prog.ID, org.ID, users[0])
	exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES ($1, $2, 1)`, round, p)
	var ids []uuid.UUID
	for r := 0; r < 2; r++ {
		id := uuid.New()
		ids = append(ids, id)
		exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, 'accepted', now(), 'manual')`, id, round, p, users[r])
		exec(`INSERT INTO reviews (assignment_id, revision, scores, status, weighted_score, gates_passed, recommendation) VALUES ($1, 1, $2, 'draft', $3, $4, $5)`,
			id, scores(r+1, r+2), 40+r, r == 0, []string{"reject", "adopt"}[r])
	}
	txs := make([]*sql.Tx, 2)
	for i, id := range ids {
		tx, err := s.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		txs[i] = tx
		if _, err := tx.ExecContext(ctx, `UPDATE reviews SET status = 'submitted' WHERE assignment_id = $1`, id); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error, 2)
	for _, tx := range txs {
		go func() { done <- tx.Commit() }()
	}
	for range txs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	check("after two reviews of one practice were submitted at the same time")
	var vs string
	if err := s.SQL().QueryRowContext(ctx, `SELECT vs::text FROM round_unit_values WHERE practice_id = $1 AND key = 'a'`, p).Scan(&vs); err != nil || vs != "{1,2}" {
		t.Fatalf("values of the practice reviewed concurrently: %q (%v), want {1,2}", vs, err)
	}
	for key, want := range map[string]string{"#weighted_score": "{40,41}", "#gates_passed": "{0,1}", "#recommendation": "{1,3}"} {
		if err := s.SQL().QueryRowContext(ctx, `SELECT vs::text FROM round_unit_values WHERE practice_id = $1 AND key = $2`, p, key).Scan(&vs); err != nil || vs != want {
			t.Fatalf("%s of the practice reviewed concurrently: %q (%v), want %s", key, vs, err, want)
		}
	}
	// The weighted scores carry their reviewers in the same order: 40 by the first user, 41 by the
	// second.
	var reviewers string
	if err := s.SQL().QueryRowContext(ctx, `SELECT reviewers::text FROM round_unit_values WHERE practice_id = $1 AND key = '#weighted_score'`, p).Scan(&reviewers); err != nil ||
		reviewers != fmt.Sprintf("{%s,%s}", users[0], users[1]) {
		t.Fatalf("reviewers of the weighted scores: %q (%v), want %s then %s", reviewers, err, users[0], users[1])
	}
	// Equal scores keep the two arrays aligned (ties ordered by reviewer in both).
	exec(`UPDATE reviews SET weighted_score = 40 WHERE assignment_id = $1`, ids[1])
	check("after two weighted scores became equal")
}

// TestCachedRoundStatisticsAreDecodedOnce checks the statistics the store keeps decoded: a second
// read of the same version gives the same statistics without the document being sent again; a
// new version's statistics replace them; statistics cached for an earlier version than the
// round's are none; and two stores (two server instances) each read what the database holds.
func TestCachedRoundStatisticsAreDecodedOnce(t *testing.T) {
	s, _, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	rubric, round, other := uuid.New(), uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active', '[]', '["adopt", "adapt", "reject"]')`,
		rubric, prog.ID)
	for _, r := range []uuid.UUID{round, other} {
		exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'R', $3, 'open', now(), 2, 50)`,
			r, prog.ID, rubric)
	}
	version := func() int64 {
		var v int64
		if err := s.SQL().QueryRowContext(ctx, `SELECT coalesce((SELECT version FROM round_data_versions WHERE round_id = $1), 0)`, round).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	read := func(st *Store, step string) *domain.RoundStatistics {
		t.Helper()
		got, err := st.CachedRoundStatistics(ctx, []uuid.UUID{round, other})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("%s: %d rounds", step, len(got))
		}
		for _, c := range got {
			if c.RoundID == round {
				if c.DataVersion != version() {
					t.Fatalf("%s: data version %d, want %d", step, c.DataVersion, version())
				}
				return c.Statistics
			}
		}
		t.Fatalf("%s: round missing", step)
		return nil
	}
	if st := read(s, "nothing cached"); st != nil {
		t.Fatalf("statistics before any were cached: %+v", st)
	}
	save := func(practices int) {
		t.Helper()
		if err := s.SaveRoundStatistics(ctx, round, domain.RoundStatistics{DataVersion: version(), Practices: practices,
			ReviewerEffects: map[uuid.UUID]float64{uuid.New(): 0.5}}); err != nil {
			t.Fatal(err)
		}
	}
	save(7)
	if st := read(s, "first read"); st == nil || st.Practices != 7 || len(st.ReviewerEffects) != 1 {
		t.Fatalf("first read: %+v", st)
	}
	if kept, ok := s.statistics.get(round); !ok || kept.version != version() {
		t.Fatalf("not kept after the first read: %+v %v", kept, ok)
	}
	// Kept: the statement no longer sends the document, and the same statistics are read.
	var sent bool
	if err := s.SQL().QueryRowContext(ctx, `SELECT c.data_version IS DISTINCT FROM $2 FROM round_statistics c WHERE c.round_id = $1`, round, version()).Scan(&sent); err != nil || sent {
		t.Fatalf("the kept version is not the cached one: %v %v", sent, err)
	}
	if st := read(s, "second read"); st == nil || st.Practices != 7 {
		t.Fatalf("second read: %+v", st)
	}
	// A change moves the round's data version on: what is kept is for an earlier version, and
	// is not given as the round's statistics.
	before := version()
	if err := s.bumpRound(ctx, round); err != nil || version() != before+1 {
		t.Fatalf("bump: %v, version %d after %d", err, version(), before)
	}
	if st := read(s, "after a change"); st != nil {
		t.Fatalf("statistics of an earlier version given for the current one: %+v", st)
	}
	save(9)
	if st := read(s, "the new version"); st == nil || st.Practices != 9 {
		t.Fatalf("after a new version was cached: %+v", st)
	}
	// Another instance reads what the database holds.
	if st := read(NewStore(s.DB), "another store"); st == nil || st.Practices != 9 {
		t.Fatalf("another store: %+v", st)
	}
}
