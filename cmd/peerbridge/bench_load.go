package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/peerbridge/peerbridge/internal/benchdata"
	"github.com/peerbridge/peerbridge/internal/config"
	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/loadtest"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// benchLoad runs the HTTP load test of `make bench` against a running server on the generated
// data set, and next to each scenario the same SQL statements run directly on PostgreSQL. The
// statements are recorded, not copied: each scenario's request is sent once to an in-process
// server on a connection that traces what it sends, and that is what the SQL run replays.
func benchLoad(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench-load", flag.ContinueOnError)
	base := fs.String("url", "http://127.0.0.1:8080", "base URL of the running server")
	pid := fs.Int("pid", 0, "process id of the server, to sample its memory (0: do not)")
	conns := fs.Int("connections", 32, "concurrent connections (and SQL workers)")
	seconds := fs.Float64("seconds", 8, "measured seconds per scenario, HTTP and SQL each")
	warmup := fs.Float64("warmup", 2, "warm-up seconds before each measurement")
	timeout := fs.Duration("timeout", 30*time.Second, "bound of one request or statement sequence")
	only := fs.String("only", "", "regular expression: run only the scenarios whose name matches")
	ready := fs.String("start-to-ready", "", "the server's measured start-to-ready time, to print with the table")
	soak := fs.Duration("soak", 0, "after the table, run all the chosen scenarios mixed for this long and print the server's memory over time (0: do not)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	filter, err := regexp.Compile(*only)
	if err != nil {
		return fmt.Errorf("--only: %w", err)
	}
	if cfg.DatabaseURL == "" {
		return errors.New("DATABASE_URL is not set")
	}
	plan := loadtest.Plan{Workers: *conns, Warmup: secondsOf(*warmup), Measure: secondsOf(*seconds), Timeout: *timeout}

	// The recording server logs only what goes wrong: its access log would drown the progress.
	log := newLogger(stderr, "warn")
	rec := &loadtest.Recorder{}
	db, err := postgres.OpenForRecording(cfg.DatabaseURL, log, rec)
	if err != nil {
		return err
	}
	defer db.Close()
	webDir, err := os.MkdirTemp("", "peerbridge-bench-web")
	if err != nil {
		return err
	}
	defer os.RemoveAll(webDir)
	local := httpapi.New(newService(cfg, db, log, cfg.JWTSecret), postgres.NewStore(db), log, httpapi.Options{
		WebDir: webDir, RequestTimeout: 10 * time.Minute, HeavySlots: 1000})

	poolCfg, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	poolCfg.MaxConns = int32(*conns)
	// The statements replay with the application's session settings.
	postgres.SessionSettings(poolCfg.ConnConfig.RuntimeParams)
	pool, err := pgxpool.NewWithConfig(ctx, poolCfg)
	if err != nil {
		return err
	}
	defer pool.Close()

	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: *conns, MaxIdleConnsPerHost: *conns, DisableCompression: true}}
	b := &bench{base: strings.TrimRight(*base, "/"), client: client, local: local, tokens: map[string]string{}}
	fmt.Fprintln(stderr, "bench-load: reading the data set and signing in")
	if err := b.discover(ctx, pool); err != nil {
		return err
	}
	scenarios, notes := b.scenarios(ctx, pool)
	var rows []benchRow
	for _, sc := range scenarios {
		if !filter.MatchString(sc.name) {
			continue
		}
		fmt.Fprintf(stderr, "bench-load: %s\n", sc.name)
		row := benchRow{name: sc.name}
		var variants [][]loadtest.Statement
		recordNow := func() {
			var err error
			if variants, err = b.record(sc, rec); err != nil {
				row.sqlNote = err.Error()
			}
		}
		// A write is recorded first, against the data the HTTP run will then change. A read is
		// recorded after the HTTP run, so that the statements replayed are those of a request
		// that finds the caches the server keeps (round statistics, dashboard figures) filled,
		// as nearly all of the HTTP run's requests did: the recording server's own transactions
		// roll back, so it could never fill them itself.
		if sc.write {
			recordNow()
		}
		sampler := loadtest.StartSampler(*pid, 100*time.Millisecond)
		cpu := serverCPU(*pid, plan.Warmup)
		row.http = loadtest.Run(ctx, plan, b.httpOp(sc))
		row.cpuPerRequest = cpu(row.http.OK + row.http.Errors)
		row.rssPeak = sampler.Stop()
		if *pid != 0 {
			time.Sleep(time.Second)
			if m, err := loadtest.ReadMemory(*pid); err == nil {
				row.rssAfter = m.RSS
			}
		}
		if !sc.write {
			recordNow()
		}
		if variants != nil {
			row.sql = loadtest.Run(ctx, plan, loadtest.Replay(pool, variants))
			row.statements = len(variants[0])
		}
		rows = append(rows, row)
		fmt.Fprintf(stderr, "  HTTP p50 %s p99 %s %.0f req/s, %d errors %s; SQL p50 %s %.0f req/s %s\n", ms(row.http.P50), ms(row.http.P99),
			row.http.PerSecond, row.http.Errors, row.http.KindsString(), ms(row.sql.P50), row.sql.PerSecond, row.sql.KindsString())
	}
	var final loadtest.Memory
	if *pid != 0 {
		time.Sleep(3 * time.Second)
		final, _ = loadtest.ReadMemory(*pid)
	}
	writeBenchTable(stdout, rows, plan, final, *ready, notes)
	if *soak > 0 {
		var mix []loadScenario
		for _, sc := range scenarios {
			if filter.MatchString(sc.name) {
				mix = append(mix, sc)
			}
		}
		b.soak(ctx, stdout, stderr, mix, plan, *soak, *pid)
	}
	return nil
}

// soakWindow is how often the soak run reports.
const soakWindow = 30 * time.Second

// soak runs the scenarios mixed (each worker takes the next scenario for each request) for d, in
// windows, and prints per window the requests per second, the errors and the server's resident
// memory after it: memory that keeps growing under a steady load is a leak.
func (b *bench) soak(ctx context.Context, stdout, stderr io.Writer, mix []loadScenario, plan loadtest.Plan, d time.Duration, pid int) {
	if len(mix) == 0 {
		return
	}
	next := make([]int, plan.Workers)
	ops := make([]loadtest.Op, len(mix))
	for i, sc := range mix {
		ops[i] = b.httpOp(sc)
	}
	op := func(ctx context.Context, worker int) error {
		i := (worker + next[worker]) % len(ops)
		next[worker]++
		return ops[i](ctx, worker)
	}
	fmt.Fprintf(stderr, "bench-load: soak, %d scenarios mixed for %s\n", len(mix), d)
	fmt.Fprintf(stdout, "\nSoak: the %d scenarios above mixed, %d connections, for %s; the server's memory after each %s.\n\n", len(mix), plan.Workers, d, soakWindow)
	table := [][]string{{"minute", "req/s", "p50", "p99", "errors", "RSS", "peak so far"}}
	var first, last int64
	for at := time.Duration(0); at < d && ctx.Err() == nil; at += soakWindow {
		window := min(soakWindow, d-at)
		sampler := loadtest.StartSampler(pid, time.Second)
		sum := loadtest.Run(ctx, loadtest.Plan{Workers: plan.Workers, Measure: window, Timeout: plan.Timeout}, op)
		sampler.Stop()
		m, _ := loadtest.ReadMemory(pid)
		if first == 0 {
			first = m.RSS
		}
		last = m.RSS
		errs := strconv.Itoa(sum.Errors)
		if sum.Errors > 0 {
			errs += " (" + sum.KindsString() + ")"
		}
		table = append(table, []string{fmt.Sprintf("%.1f", (at + window).Minutes()), fmt.Sprintf("%.0f", sum.PerSecond), ms(sum.P50), ms(sum.P99), errs,
			mib(m.RSS), mib(m.HWM)})
	}
	writeMarkdown(stdout, table)
	fmt.Fprintf(stdout, "\nResident memory after the first window %s, after the last %s.\n", mib(first), mib(last))
}

func secondsOf(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// loadScenario is one row of the table. Worker w sends request(w % variants); a write runs as
// many variants as workers, so that no two workers change the same object.
type loadScenario struct {
	name     string
	variants int
	write    bool
	request  func(v int) loadRequest
	// answered, when set, sees each successful answer (to keep an ETag).
	answered func(v int, h http.Header)
}

type loadRequest struct {
	method, path, token string
	body                []byte
	header              map[string]string
}

type bench struct {
	queries atomic.Int64 // searches composed by newQuery
	base    string
	client  *http.Client
	local   *httpapi.Server

	mu     sync.Mutex
	tokens map[string]string

	programme, round                  string
	coordinator                       string
	partners, reviewers, notified     []string
	practices                         []string
	adaptations, adopters             []string
	reviewPractice                    string
	learners                          []string // partners whose organisation wants to learn something
	activities                        []string
	reviewAssignments, reviewerTokens []string
	etags                             []string
}

func (b *bench) discover(ctx context.Context, pool *pgxpool.Pool) error {
	q := func(dst *[]string, sql string, args ...any) error {
		rows, err := pool.Query(ctx, sql, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				return err
			}
			*dst = append(*dst, s)
		}
		return rows.Err()
	}
	var one []string
	if err := q(&one, `SELECT id::text FROM programmes WHERE name = $1`, benchdata.ProgrammeName); err != nil || len(one) == 0 {
		return fmt.Errorf("no generated programme %q (run `peerbridge bench-seed` first): %v", benchdata.ProgrammeName, err)
	}
	b.programme = one[0]
	steps := []struct {
		dst  *[]string
		sql  string
		want int
	}{
		{&b.partners, `SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id AND m.programme_id = $1
			WHERE m.roles ? 'partner' AND NOT m.roles ? 'coordinator' ORDER BY u.email LIMIT 8`, 1},
		{&b.reviewers, `SELECT u.email FROM users u JOIN assignments a ON a.reviewer_id = u.id
			GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 8`, 1},
		{&b.notified, `SELECT u.email FROM users u LEFT JOIN notifications n ON n.user_id = u.id
			GROUP BY u.email ORDER BY count(n.*) DESC, u.email LIMIT 8`, 1},
		{&b.practices, `SELECT id::text FROM practices WHERE programme_id = $1 AND status = 'published' ORDER BY id LIMIT 32`, 1},
		// A partner per organisation whose learning profile wants something, and activities: a
		// data set generated before they were has none, and their scenarios are left out.
		{&b.learners, `SELECT email FROM (SELECT DISTINCT ON (u.organisation_id) u.email FROM users u
			JOIN memberships m ON m.user_id = u.id AND m.programme_id = $1 AND m.roles ? 'partner' AND NOT m.roles ? 'coordinator'
			WHERE EXISTS (SELECT 1 FROM learning_profile_themes t WHERE t.programme_id = $1 AND t.organisation_id = u.organisation_id AND t.wants <> 'none')
			ORDER BY u.organisation_id, u.email) x ORDER BY email LIMIT 8`, 0},
		{&b.activities, `SELECT id::text FROM activities WHERE programme_id = $1 ORDER BY id LIMIT 32`, 0},
	}
	for _, s := range steps {
		args := []any{}
		if strings.Contains(s.sql, "$1") {
			args = append(args, b.programme)
		}
		if err := q(s.dst, s.sql, args...); err != nil || len(*s.dst) < s.want {
			return fmt.Errorf("reading the data set: %v (%s)", err, strings.Fields(s.sql)[1])
		}
	}
	one = nil
	if err := q(&one, `SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id AND m.programme_id = $1
		WHERE m.roles ? 'coordinator' ORDER BY u.email LIMIT 1`, b.programme); err != nil || len(one) == 0 {
		return fmt.Errorf("no coordinator in the data set: %v", err)
	}
	b.coordinator = one[0]
	one = nil
	if err := q(&one, `SELECT r.id::text FROM rounds r JOIN round_practices rp ON rp.round_id = r.id
		WHERE r.programme_id = $1 GROUP BY r.id ORDER BY count(*) DESC LIMIT 1`, b.programme); err != nil || len(one) == 0 {
		return fmt.Errorf("no round in the data set: %v", err)
	}
	b.round = one[0]
	one = nil
	if err := q(&one, `SELECT practice_id::text FROM assignments a JOIN reviews r ON r.assignment_id = a.id
		WHERE r.status = 'submitted' ORDER BY a.practice_id LIMIT 1`); err != nil || len(one) == 0 {
		return fmt.Errorf("no reviewed practice in the data set: %v", err)
	}
	b.reviewPractice = one[0]
	rows, err := pool.Query(ctx, `SELECT a.id::text, (SELECT u.email FROM users u WHERE u.organisation_id = a.adopting_organisation_id ORDER BY u.email LIMIT 1)
		FROM adaptations a WHERE a.programme_id = $1 ORDER BY a.id LIMIT 32`, b.programme)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		var email *string
		if err := rows.Scan(&id, &email); err != nil {
			rows.Close()
			return err
		}
		if email != nil {
			b.adaptations, b.adopters = append(b.adaptations, id), append(b.adopters, *email)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// Sign in everyone the scenarios act as, once: tokens outlive the run.
	for _, group := range [][]string{{b.coordinator}, b.partners, b.reviewers, b.notified, b.adopters, b.learners} {
		for _, email := range group {
			if _, err := b.token(ctx, email); err != nil {
				return err
			}
		}
	}
	return nil
}

// token signs email in on the running server, once.
func (b *bench) token(ctx context.Context, email string) (string, error) {
	b.mu.Lock()
	t, ok := b.tokens[email]
	b.mu.Unlock()
	if ok {
		return t, nil
	}
	body, _ := json.Marshal(map[string]string{"email": email, "password": benchdata.Password})
	status, _, out, err := b.send(ctx, loadRequest{method: "POST", path: "/api/v1/auth/login", body: body})
	if err != nil {
		return "", fmt.Errorf("sign in %s: %w", email, err)
	}
	if status != 200 {
		return "", fmt.Errorf("sign in %s: status %d: %s", email, status, out)
	}
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(out, &tokens); err != nil {
		return "", err
	}
	b.mu.Lock()
	b.tokens[email] = tokens.AccessToken
	b.mu.Unlock()
	return tokens.AccessToken, nil
}

func (b *bench) tok(email string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens[email]
}

// send makes one request to the running server and reads the whole answer.
// Only the measured requests ask for compression, as a browser does; the client here never
// decompresses, so the setup's own requests, whose answers it reads, do not.
func (b *bench) send(ctx context.Context, r loadRequest) (int, http.Header, []byte, error) {
	return b.sendAs(ctx, r, false)
}

func (b *bench) sendAs(ctx context.Context, r loadRequest, compressed bool) (int, http.Header, []byte, error) {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, b.base+r.path, body)
	if err != nil {
		return 0, nil, nil, err
	}
	prepare(req.Header, r)
	if compressed {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	res, err := b.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, out, err
}

func prepare(h http.Header, r loadRequest) {
	if r.body != nil {
		h.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		h.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		h.Set(k, v)
	}
}

// httpOp sends the scenario's request of each worker to the running server.
func (b *bench) httpOp(sc loadScenario) loadtest.Op {
	return func(ctx context.Context, worker int) error {
		v := worker % sc.variants
		status, h, _, err := b.sendAs(ctx, sc.request(v), true)
		if err != nil {
			return err
		}
		if status < 200 || status > 299 {
			return &loadtest.Failure{Kind: strconv.Itoa(status)}
		}
		if sc.answered != nil {
			sc.answered(v, h)
		}
		return nil
	}
}

// record sends each variant of the scenario to the in-process server and keeps the statements
// it sent. A write is sent once; its statements are replayed in a transaction that rolls back
// (the recording server's transactions roll back too, so a write changes nothing and an ETag
// stays valid). A read is sent twice and the second sending kept: nearly every request of the
// HTTP run found the running server's in-memory caches (practice list pages, report figures)
// filled, and the second sending finds the recording server's filled the same way. A scenario
// whose every request is new (fresh) misses them both times.
func (b *bench) record(sc loadScenario, rec *loadtest.Recorder) ([][]loadtest.Statement, error) {
	var variants [][]loadtest.Statement
	for v := range sc.variants {
		sends := 2
		if sc.write {
			sends = 1
		}
		var stmts []loadtest.Statement
		for range sends {
			var err error
			if stmts, err = b.recordOne(sc.request(v), rec); err != nil {
				return nil, err
			}
		}
		if len(stmts) == 0 {
			return nil, errors.New("recording: no statements")
		}
		if sc.write {
			stmts = loadtest.RolledBack(stmts)
		}
		variants = append(variants, stmts)
	}
	return variants, nil
}

// recordOne sends r to the in-process server and returns the statements it sent.
func (b *bench) recordOne(r loadRequest, rec *loadtest.Recorder) ([]loadtest.Statement, error) {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req := httptest.NewRequest(r.method, r.path, body)
	prepare(req.Header, r)
	rec.Begin()
	res, err := b.local.App().Test(req, -1)
	stmts := rec.End()
	if err != nil {
		return nil, fmt.Errorf("recording: %w", err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return nil, fmt.Errorf("recording: status %d", res.StatusCode)
	}
	return stmts, nil
}

type benchRow struct {
	name              string
	http, sql         loadtest.Summary
	statements        int
	sqlNote           string
	rssPeak, rssAfter int64
	// cpuPerRequest is the server's CPU time (user and system) per request while measured.
	cpuPerRequest time.Duration
}

// serverCPU reads the server's CPU time once the warm-up is over; the function it returns reads
// it again and divides the difference by the requests answered since.
func serverCPU(pid int, warmup time.Duration) func(requests int) time.Duration {
	if pid == 0 {
		return func(int) time.Duration { return 0 }
	}
	start := make(chan time.Duration, 1)
	go func() {
		time.Sleep(warmup)
		c, _ := loadtest.ReadCPU(pid)
		start <- c
	}()
	return func(requests int) time.Duration {
		from := <-start
		to, err := loadtest.ReadCPU(pid)
		if err != nil || requests == 0 || from == 0 {
			return 0
		}
		return (to - from) / time.Duration(requests)
	}
}

// cpuMS writes a CPU time per request in milliseconds, "—" when not measured.
func cpuMS(d time.Duration) string {
	if d <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

func ms(d time.Duration) string {
	switch {
	case d == 0:
		return "—"
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < 10*time.Second:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func mib(b int64) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%d MiB", b>>20)
}

// writeBenchTable prints the one table of `make bench`, as Markdown.
func writeBenchTable(w io.Writer, rows []benchRow, plan loadtest.Plan, final loadtest.Memory, ready string, notes []string) {
	fmt.Fprintf(w, "\n%d connections, %s warm-up, %s measured per scenario and side.\n\n", plan.Workers, plan.Warmup, plan.Measure)
	table := [][]string{{"scenario", "HTTP p50", "p90", "p99", "req/s", "errors", "SQL p50", "req/s", "stmts", "ratio", "server CPU/req", "RSS peak", "after"}}
	for _, r := range rows {
		errs := strconv.Itoa(r.http.Errors)
		if r.http.Errors > 0 {
			errs += " (" + r.http.KindsString() + ")"
		}
		sqlP50, sqlRPS, ratio, stmts := "—", "—", "—", "—"
		if r.sqlNote == "" {
			sqlP50, sqlRPS, stmts = ms(r.sql.P50), fmt.Sprintf("%.0f", r.sql.PerSecond), strconv.Itoa(r.statements)
			if r.sql.Errors > 0 {
				sqlRPS += fmt.Sprintf(" (%d errors)", r.sql.Errors)
			}
			if r.sql.PerSecond > 0 {
				ratio = fmt.Sprintf("%.2f", r.http.PerSecond/r.sql.PerSecond)
			}
		} else {
			sqlP50 = r.sqlNote
		}
		table = append(table, []string{r.name, ms(r.http.P50), ms(r.http.P90), ms(r.http.P99), fmt.Sprintf("%.0f", r.http.PerSecond), errs,
			sqlP50, sqlRPS, stmts, ratio, cpuMS(r.cpuPerRequest), mib(r.rssPeak), mib(r.rssAfter)})
	}
	writeMarkdown(w, table)
	fmt.Fprintln(w)
	if final.HWM > 0 {
		fmt.Fprintf(w, "Server memory: peak (VmHWM) %s; resident 3 s after the last scenario (VmRSS) %s.\n", mib(final.HWM), mib(final.RSS))
	}
	if ready != "" {
		fmt.Fprintf(w, "Start to ready (process start until /readyz answers 200, migrations applied): %s.\n", ready)
	}
	for _, n := range notes {
		fmt.Fprintln(w, "Note: "+n)
	}
}

// writeMarkdown prints rows as a Markdown table with aligned columns; the first row is the header.
func writeMarkdown(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	line := func(cells []string) {
		var sb strings.Builder
		for i, c := range cells {
			sb.WriteString("| " + c + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)) + " ")
		}
		fmt.Fprintln(w, sb.String()+"|")
	}
	line(rows[0])
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("-", n)
	}
	line(rule)
	for _, r := range rows[1:] {
		line(r)
	}
}
