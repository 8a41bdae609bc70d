package migrations_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/peerbridge/peerbridge/internal/testdb"
	"github.com/peerbridge/peerbridge/migrations"
)

// TestMigration0021 applies the migrations before 0021 to an empty database, stores two reviews as
// migration 0008 stored them (weighted scores rounded to one decimal), and checks that 0021
// recomputes them unrounded from their answers, with n/a left out, and keeps the per-unit values
// with their reviewers.
func TestMigration0021(t *testing.T) {
	admin := os.Getenv(testdb.EnvVar)
	if admin == "" {
		t.Skip(testdb.EnvVar + " not set")
	}
	ctx := context.Background()
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer adminDB.Close()
	name := fmt.Sprintf("m0021_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	if _, err := adminDB.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	defer adminDB.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`) //nolint:errcheck
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	apply := func(m migrations.Migration) {
		t.Helper()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Version, err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatalf("%s: %v", m.Version, err)
		}
	}
	var m0021 *migrations.Migration
	for i, m := range all {
		if strings.HasPrefix(m.Version, "0021_") {
			m0021 = &all[i]
			break
		}
		apply(m)
	}
	if m0021 == nil {
		t.Fatal("migration 0021 not found")
	}

	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	org, user, other, prog, rubric, round, practice := uuid.New(), uuid.New(), uuid.New(), uuid.New(), uuid.New(), uuid.New(), uuid.New()
	exec(`INSERT INTO organisations (id, name, country, kind) VALUES ($1, 'Org', 'BE', 'ngo')`, org)
	exec(`INSERT INTO users (id, email, name, organisation_id, password_hash) VALUES ($1, 'a@example.org', 'A', $3, 'x'), ($2, 'b@example.org', 'B', $3, 'x')`,
		user, other, org)
	exec(`INSERT INTO programmes (id, name) VALUES ($1, 'P')`, prog)
	// Two scored criteria of 0–30 with weights 1 and 2, and a gate.
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active',
		'[{"key": "g", "tier": "gate", "weight": 0, "scale": {"min": 0, "max": 1}},
		  {"key": "a", "tier": "core", "weight": 1, "scale": {"min": 0, "max": 30}},
		  {"key": "b", "tier": "qualifier", "weight": 2, "scale": {"min": 0, "max": 30}, "allow_na": true}]', '["adopt", "reject"]')`, rubric, prog)
	exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'R', $3, 'open', now(), 2, 50)`,
		round, prog, rubric)
	exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status) VALUES ($1, $2, $3, $4, 'P', 'en', 'BE', 'in_review')`,
		practice, prog, org, user)
	exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES ($1, $2, 1)`, round, practice)
	reviews := []struct {
		reviewer uuid.UUID
		scores   string
		stored   float64 // as migration 0008 rounded it
		want     float64
	}{
		// (26/30 + 2·26/30) / 3 = 86.666…
		{user, `[{"criterion_key": "g", "value": 1}, {"criterion_key": "a", "value": 26}, {"criterion_key": "b", "value": 26}]`, 86.7, 26.0 / 30 * 100},
		// b is n/a: a alone, 23/30 = 76.666…, not (23/30 + 0) / 3
		{other, `[{"criterion_key": "g", "value": 1}, {"criterion_key": "a", "value": 23}, {"criterion_key": "b", "value": null}]`, 76.7, 23.0 / 30 * 100},
	}
	for _, r := range reviews {
		a := uuid.New()
		exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, 'submitted', now(), 'manual')`,
			a, round, practice, r.reviewer)
		exec(`INSERT INTO reviews (assignment_id, revision, scores, status, submitted_at, weighted_score, gates_passed, recommendation)
			VALUES ($1, 1, $2, 'submitted', now(), $3, true, 'adopt')`, a, r.scores, r.stored)
	}
	exec(`INSERT INTO round_statistics (round_id, data_version, statistics) VALUES ($1, 1, '{}')`, round)

	apply(*m0021)

	for _, r := range reviews {
		var got float64
		if err := db.QueryRowContext(ctx, `SELECT v.weighted_score FROM reviews v JOIN assignments a ON a.id = v.assignment_id WHERE a.reviewer_id = $1`,
			r.reviewer).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != r.want {
			t.Errorf("review of %v: weighted score %v after the migration, want %v unrounded", r.reviewer, got, r.want)
		}
	}
	var vs, reviewers string
	if err := db.QueryRowContext(ctx, `SELECT vs::text, reviewers::text FROM round_unit_values WHERE round_id = $1 AND practice_id = $2 AND key = '#weighted_score'`,
		round, practice).Scan(&vs, &reviewers); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("{%v,%v}", other, user); reviewers != want || strings.Contains(vs, "76.7") || strings.Contains(vs, "86.7,") {
		t.Errorf("weighted-score unit: values %s reviewers %s, want the unrounded scores by %s", vs, reviewers, want)
	}
	// The per-review refresh is back: a score stored again moves the unit's values at commit.
	exec(`UPDATE reviews SET weighted_score = 50 WHERE assignment_id = (SELECT id FROM assignments WHERE reviewer_id = $1)`, other)
	if err := db.QueryRowContext(ctx, `SELECT vs::text FROM round_unit_values WHERE round_id = $1 AND practice_id = $2 AND key = '#weighted_score'`,
		round, practice).Scan(&vs); err != nil || !strings.HasPrefix(vs, "{50,") {
		t.Errorf("weighted-score unit after a review's score changed: %s (%v), want 50 first", vs, err)
	}
	var cached int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM round_statistics`).Scan(&cached); err != nil || cached != 0 {
		t.Errorf("statistics cached before the migration: %d left (%v)", cached, err)
	}
}
