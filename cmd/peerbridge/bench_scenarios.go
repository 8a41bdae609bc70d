package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/peerbridge/peerbridge/internal/benchdata"
)

// searches are real queries in the four languages of the data set; stemming matches them against
// the practices' prose ("employers" finds "employer", "Arbeitgeber" finds "Arbeitgebern").
var searches = []string{
	"employers return to work", "fatigue concentration colleagues", "werkgevers terugkeer naar het werk", "geleidelijke re-integratie",
	"retour au travail employeur", "accompagnement des salariés", "Rückkehr an den Arbeitsplatz Arbeitgeber", "stufenweise Wiedereingliederung",
}

// scenarios are the rows of the table: every main read, as the users who make them, and a write
// mix. notes say what could not be set up.
func (b *bench) scenarios(ctx context.Context, pool *pgxpool.Pool) ([]loadScenario, []string) {
	prog := "/api/v1/programmes/" + b.programme
	get := func(path, token string) loadRequest { return loadRequest{method: "GET", path: path, token: token} }
	partner := func(v int) string { return b.tok(b.partners[v%len(b.partners)]) }
	out := []loadScenario{
		{name: "search (partner, 8 queries en/nl/fr/de)", variants: len(searches), request: func(v int) loadRequest {
			return get(prog+"/practices?q="+url.QueryEscape(searches[v]), partner(v))
		}},
		{name: "search, a new query each time (partner)", variants: 8, request: func(v int) loadRequest {
			return get(prog+"/practices?q="+url.QueryEscape(b.newQuery()), partner(v))
		}},
		{name: "practice listing, page 5 (partner)", variants: 1, request: func(v int) loadRequest {
			return get(prog+"/practices?page=5&page_size=20", partner(v))
		}},
		{name: "public catalogue (anonymous)", variants: 1, request: func(int) loadRequest {
			return get("/api/v1/public/practices", "")
		}},
		{name: "adaptations list (partner)", variants: 1, request: func(v int) loadRequest {
			return get(prog+"/adaptations", partner(v))
		}},
		{name: "round results (coordinator)", variants: 1, request: func(int) loadRequest {
			return get("/api/v1/rounds/"+b.round+"/results", b.tok(b.coordinator))
		}},
		{name: "dashboard (coordinator)", variants: 1, request: func(int) loadRequest {
			return get(prog+"/dashboard", b.tok(b.coordinator))
		}},
		{name: "programme report (coordinator)", variants: 1, request: func(int) loadRequest {
			return get(prog+"/report", b.tok(b.coordinator))
		}},
		{name: "practice page (partner)", variants: min(8, len(b.practices)), request: func(v int) loadRequest {
			return get("/api/v1/practices/"+b.practices[v], partner(v))
		}},
		{name: "reviews of a practice (coordinator)", variants: 1, request: func(int) loadRequest {
			return get("/api/v1/practices/"+b.reviewPractice+"/reviews", b.tok(b.coordinator))
		}},
		{name: "assignment list (reviewer)", variants: len(b.reviewers), request: func(v int) loadRequest {
			return get("/api/v1/me/assignments", b.tok(b.reviewers[v]))
		}},
		{name: "notifications (member)", variants: len(b.notified), request: func(v int) loadRequest {
			return get("/api/v1/me/notifications", b.tok(b.notified[v]))
		}},
		{name: "learning map (coordinator)", variants: 1, request: func(int) loadRequest {
			return get(prog+"/learning-map", b.tok(b.coordinator))
		}},
	}
	var notes []string
	if len(b.learners) > 0 {
		out = append(out, loadScenario{name: "matches (partner)", variants: len(b.learners), request: func(v int) loadRequest {
			return get(prog+"/matches", b.tok(b.learners[v]))
		}})
	} else {
		notes = append(notes, "matches not measured: no partner's organisation has a learning profile that wants something")
	}
	if len(b.activities) > 0 {
		// The activities tab asks for the hundred activities on either side of now, as the web app does.
		now := url.QueryEscape(time.Now().UTC().Format(time.RFC3339))
		out = append(out, loadScenario{name: "activities list (member)", variants: 8, request: func(v int) loadRequest {
			if v%2 == 0 {
				return get(prog+"/activities?from="+now+"&sort=starts_at&page_size=100", partner(v))
			}
			return get(prog+"/activities?to="+now+"&sort=-starts_at&page_size=100", partner(v))
		}}, loadScenario{name: "activity page (member)", variants: min(8, len(b.activities)), request: func(v int) loadRequest {
			return get("/api/v1/activities/"+b.activities[v], partner(v))
		}})
	} else {
		notes = append(notes, "activities not measured: the data set has none")
	}
	out = append(out, loadScenario{name: "write: comment on a practice (partner)", variants: len(b.practices), write: true, request: func(v int) loadRequest {
		body, _ := json.Marshal(map[string]string{"body": "How did employers in your region fund the coaching after the first year?"})
		return loadRequest{method: "POST", path: "/api/v1/practices/" + b.practices[v] + "/comments", token: partner(v), body: body}
	}})
	if len(b.adaptations) > 0 {
		today := time.Now().UTC().Format(time.DateOnly)
		out = append(out, loadScenario{name: "write: adaptation follow-up (adopting partner)", variants: len(b.adaptations), write: true,
			request: func(v int) loadRequest {
				body, _ := json.Marshal(map[string]any{"recorded_on": today, "participants": 24, "returned_to_work": 9, "notes": "Follow-up after six months."})
				return loadRequest{method: "POST", path: "/api/v1/adaptations/" + b.adaptations[v] + "/outcomes", token: b.tok(b.adopters[v]), body: body}
			}})
	}
	if err := b.openDrafts(ctx, pool); err != nil {
		notes = append(notes, "review autosave not measured: "+err.Error())
	} else {
		out = append(out, loadScenario{name: "write: review draft autosave, If-Match (reviewer)", variants: len(b.reviewAssignments), write: true,
			request: func(v int) loadRequest {
				body, _ := json.Marshal(map[string]any{"strengths": "Clear plan agreed with the employer before the first day; monthly reviews."})
				b.mu.Lock()
				etag := b.etags[v]
				b.mu.Unlock()
				return loadRequest{method: "PUT", path: "/api/v1/assignments/" + b.reviewAssignments[v] + "/review", token: b.reviewerTokens[v],
					body: body, header: map[string]string{"If-Match": etag}}
			},
			answered: func(v int, h http.Header) {
				b.mu.Lock()
				b.etags[v] = h.Get("ETag")
				b.mu.Unlock()
			}})
	}
	return out, notes
}

// loadTestRound names the round openDrafts opens; a later run on the same database
// (BENCH_DATABASE_URL) finds it by that name and reuses it instead of opening another.
const loadTestRound = "Load test round"

// openDrafts prepares what review autosave needs, as a coordinator and reviewers would: a round
// on submitted practices, assigned automatically (one practice per reviewer), opened, and each
// assignment accepted. A run on a database measured before reuses the round an earlier run
// opened, so the data set does not gain a round, and lose submitted practices to it, per run.
func (b *bench) openDrafts(ctx context.Context, pool *pgxpool.Pool) error {
	var roundID string
	err := pool.QueryRow(ctx, `SELECT r.id::text FROM rounds r WHERE r.programme_id = $1 AND r.status = 'open' AND r.name LIKE $2
		AND EXISTS (SELECT 1 FROM assignments a WHERE a.round_id = r.id AND a.status IN ('assigned', 'accepted'))
		ORDER BY r.created_at DESC LIMIT 1`, b.programme, loadTestRound+" %").Scan(&roundID)
	if errors.Is(err, pgx.ErrNoRows) {
		roundID, err = b.openLoadTestRound(ctx, pool)
	}
	if err != nil {
		return err
	}
	rows, err := pool.Query(ctx, `SELECT a.id::text, u.email, a.status FROM assignments a JOIN users u ON u.id = a.reviewer_id
		WHERE a.round_id = $1 AND a.status IN ('assigned', 'accepted') ORDER BY a.id`, roundID)
	if err != nil {
		return err
	}
	type pending struct{ id, email, status string }
	var todo []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.id, &p.email, &p.status); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, p)
	}
	rows.Close()
	for _, p := range todo {
		token, err := b.token(ctx, p.email)
		if err != nil {
			return err
		}
		if p.status == "assigned" {
			if status, _, out, err := b.send(ctx, loadRequest{method: "POST", path: "/api/v1/assignments/" + p.id + "/accept", token: token}); err != nil || status != 200 {
				return fmt.Errorf("accept assignment: %d %v %.200s", status, err, out)
			}
		}
		status, h, out, err := b.send(ctx, loadRequest{method: "GET", path: "/api/v1/assignments/" + p.id + "/review", token: token})
		if err != nil || status != 200 || h.Get("ETag") == "" {
			return fmt.Errorf("read review draft: %d %v %.200s", status, err, out)
		}
		b.reviewAssignments, b.reviewerTokens, b.etags = append(b.reviewAssignments, p.id), append(b.reviewerTokens, token), append(b.etags, h.Get("ETag"))
	}
	if len(b.reviewAssignments) == 0 {
		return fmt.Errorf("auto-assign made no assignment")
	}
	return nil
}

// openLoadTestRound opens the round of openDrafts through the API, as a coordinator would, and
// returns its id.
func (b *bench) openLoadTestRound(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	var rubric string
	if err := pool.QueryRow(ctx, `SELECT id::text FROM rubrics WHERE programme_id = $1 AND status = 'active' LIMIT 1`, b.programme).Scan(&rubric); err != nil {
		return "", fmt.Errorf("no active rubric: %w", err)
	}
	var practices []string
	rows, err := pool.Query(ctx, `SELECT p.id::text FROM practices p WHERE p.programme_id = $1 AND p.status = 'submitted'
		AND NOT EXISTS (SELECT 1 FROM round_practices rp WHERE rp.practice_id = p.id) ORDER BY p.id LIMIT 32`, b.programme)
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return "", err
		}
		practices = append(practices, id)
	}
	rows.Close()
	if len(practices) == 0 {
		return "", fmt.Errorf("no submitted practice outside a round")
	}
	coord := b.tok(b.coordinator)
	call := func(method, path string, body any, want int) (map[string]any, error) {
		var raw []byte
		if body != nil {
			raw, _ = json.Marshal(body)
		}
		status, _, out, err := b.send(ctx, loadRequest{method: method, path: path, token: coord, body: raw})
		if err != nil {
			return nil, err
		}
		if status != want {
			return nil, fmt.Errorf("%s %s: status %d: %.200s", method, path, status, out)
		}
		var m map[string]any
		_ = json.Unmarshal(out, &m)
		return m, nil
	}
	round, err := call("POST", "/api/v1/programmes/"+b.programme+"/rounds", map[string]any{
		"name": loadTestRound + " " + time.Now().UTC().Format(time.RFC3339), "rubric_id": rubric,
		"due_at": time.Now().UTC().Add(30 * 24 * time.Hour).Format(time.RFC3339), "reviewers_per_practice": 1, "max_load": 1}, 201)
	if err != nil {
		return "", err
	}
	roundID, _ := round["id"].(string)
	if _, err := call("POST", "/api/v1/rounds/"+roundID+"/practices", map[string]any{"practice_ids": practices}, 200); err != nil {
		return "", err
	}
	if _, err := call("POST", "/api/v1/rounds/"+roundID+"/auto-assign", map[string]any{"dry_run": false}, 200); err != nil {
		return "", err
	}
	if _, err := call("POST", "/api/v1/rounds/"+roundID+"/open", nil, 200); err != nil {
		return "", err
	}
	return roundID, nil
}

// searchWords are the words newQuery composes searches from, per language of the data set.
var searchWords = func() [][]string {
	var out [][]string
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		out = append(out, benchdata.SearchWords(lang))
	}
	return out
}()

// newQuery composes a search no earlier request of the run made — two words of one language's
// sentence bank, the languages in turn — so that no cache the server keeps can answer it. (Two
// hundred words a language give tens of thousands of pairs, more than a run sends.)
func (b *bench) newQuery() string {
	n := int(b.queries.Add(1))
	words := searchWords[n%len(searchWords)]
	k := n / len(searchWords)
	i := k % len(words)
	j := (i + 1 + (k/len(words))%(len(words)-1)) % len(words)
	return words[i] + " " + words[j]
}
