package httpapi_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// prose is realistic filler: a practice is several kilobytes of text.
func prose(chars int) string {
	const s = "Employers and job coaches meet in the first weeks of absence and agree a joint return-to-work plan. "
	return strings.Repeat(s, chars/len(s)+1)[:chars]
}

// bigProgramme is a programme whose coordinator has n submitted practices of about 9 KB each:
// one made through the API, the others copied from its row in SQL (the same shape, new ids and
// titles), so that export.json is far larger than the socket buffers of listenSmallBuffers.
func bigProgramme(t *testing.T, opts httpapi.Options, n int) (e *env, prog domain.Programme, token string) {
	t.Helper()
	e = newEnvWithURL(t, testdb.New(t), opts)
	org := e.org("Jobcentrum", "BE")
	coord := e.user("coord@example.org", org, false)
	prog = e.programme("Return to work")
	e.member(prog, coord, domain.RoleCoordinator, domain.RolePartner)
	token = e.login(coord.Email)
	body := fullPractice("Werkgeversnetwerk", "en")
	body["summary"], body["context"], body["approach"], body["outcomes"] = prose(900), prose(3000), prose(3000), prose(2000)
	created := must(t, e.do(req{method: "POST", path: "/api/v1/programmes/" + prog.ID.String() + "/practices", token: token, body: body}), 201).json(t)
	id := created["id"].(string)
	must(t, e.do(req{method: "POST", path: "/api/v1/practices/" + id + "/submit", token: token}), 200)
	if _, err := e.db.SQL().Exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, summary, language, country, themes,
			target_groups, content, products, translations, status, revision, decision, version, created_at, updated_at, submitted_at, published_at)
		SELECT gen_random_uuid(), programme_id, organisation_id, created_by, title || ' ' || g, summary, language, country, themes,
			target_groups, content, products, translations, status, revision, decision, version, created_at, updated_at, submitted_at, published_at
		FROM practices, generate_series(2, $2) g WHERE id = $1`, id, n); err != nil {
		t.Fatal(err)
	}
	return e, prog, token
}

// smallBuffers gives every accepted connection a small send buffer, so that a download of a
// megabyte cannot sit in the kernel whatever its autotuning does: the sender must wait for the
// reader, as it does for a large export and a slow client in production.
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok && err == nil {
		_ = tc.SetWriteBuffer(32 << 10)
	}
	return c, err
}

// listenSmallBuffers serves the app on a loopback socket with small send buffers and returns
// its address.
func (e *env) listenSmallBuffers() string {
	e.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		e.t.Fatal(err)
	}
	go func() { _ = e.server.App().Listener(smallBuffers{ln}) }()
	e.t.Cleanup(func() { _ = e.server.App().Shutdown() })
	return ln.Addr().String()
}

// openExport asks for path on a raw connection with a small receive buffer and reads only the
// status line and headers. A 200's body is left unread, as by a stalled download; any other
// answer is read whole.
func openExport(t *testing.T, addr, path, token string) (res *http.Response, body []byte, conn net.Conn, err error) {
	conn, err = net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, nil, nil, err
	}
	if err = conn.(*net.TCPConn).SetReadBuffer(4096); err != nil {
		conn.Close()
		return nil, nil, nil, err
	}
	_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	if _, err = fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: peerbridge.test\r\nAuthorization: Bearer %s\r\n\r\n", path, token); err != nil {
		conn.Close()
		return nil, nil, nil, err
	}
	res, err = http.ReadResponse(bufio.NewReaderSize(conn, 4096), nil)
	if err != nil {
		conn.Close()
		return nil, nil, nil, err
	}
	if res.StatusCode != http.StatusOK {
		body, err = io.ReadAll(res.Body)
	}
	return res, body, conn, err
}

func problemCode(t *testing.T, res *http.Response, body []byte) string {
	t.Helper()
	if res.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("status %d is not problem+json: %v %s", res.StatusCode, res.Header, body)
	}
	return response{Status: res.StatusCode, Body: body}.code()
}

// spoolFiles counts this process's open files in dir, and the names left in it.
func spoolFiles(t *testing.T, dir string) (open, named int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range fds {
		if target, err := os.Readlink("/proc/self/fd/" + fd.Name()); err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			open++
		}
	}
	return open, len(entries)
}

// Two dozen downloads that stop reading must neither freeze the instance nor keep database
// connections: the first few exports are served from their spool, the rest are refused at once.
func TestStalledExportsDoNotStarveTheInstance(t *testing.T) {
	e, prog, token := bigProgramme(t, httpapi.Options{}, 120)
	addr := e.listenSmallBuffers()
	base := "http://" + addr
	paths := []string{"/api/v1/programmes/" + prog.ID.String() + "/export.json", "/api/v1/programmes/" + prog.ID.String() + "/export.json?include_identities=true"}

	type opened struct {
		res  *http.Response
		body []byte
		err  error
	}
	const stalled = 24
	results := make([]opened, stalled)
	var wg sync.WaitGroup
	for i := range stalled {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, body, conn, err := openExport(t, addr, paths[i%len(paths)], token)
			if conn != nil {
				t.Cleanup(func() { conn.Close() })
			}
			results[i] = opened{res, body, err}
		}()
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			t.Fatalf("an export request got no answer (is the instance starved?): %v", r.err)
		}
	}

	// Everything else still answers promptly, and the stalled downloads hold no connection.
	client := &http.Client{Timeout: 10 * time.Second}
	for range 3 {
		for _, p := range []string{"/api/v1/me", "/api/v1/programmes/" + prog.ID.String() + "/practices?page_size=5"} {
			r, err := http.NewRequest("GET", base+p, nil)
			if err != nil {
				t.Fatal(err)
			}
			r.Header.Set("Authorization", "Bearer "+token)
			start := time.Now()
			res, err := client.Do(r)
			if err != nil {
				t.Fatalf("GET %s while exports stall: %v", p, err)
			}
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if took := time.Since(start); res.StatusCode != 200 || took > 3*time.Second {
				t.Fatalf("GET %s while exports stall: %d after %v", p, res.StatusCode, took)
			}
		}
	}
	if inUse := e.db.SQL().Stats().InUse; inUse > 2 {
		t.Fatalf("%d database connections in use while only stalled downloads are open", inUse)
	}

	served, refused := 0, 0
	for _, r := range results {
		switch r.res.StatusCode {
		case http.StatusOK:
			served++
			// The premise: the body cannot all sit in socket buffers, so the sender really waits.
			if size, _ := strconv.Atoi(r.res.Header.Get("Content-Length")); size < 1<<20 {
				t.Fatalf("export of %q bytes is too small to stall the sender", r.res.Header.Get("Content-Length"))
			}
		case http.StatusTooManyRequests:
			refused++
			if code := problemCode(t, r.res, r.body); code != "too_many_exports" || r.res.Header.Get("Retry-After") == "" {
				t.Fatalf("refused export: code %q, headers %v", code, r.res.Header)
			}
		default:
			t.Fatalf("export answered %d: %s", r.res.StatusCode, r.body)
		}
	}
	if served != 4 || refused != stalled-4 {
		t.Fatalf("%d exports served and %d refused, want 4 (the default limit) and %d", served, refused, stalled-4)
	}
}

// With the limit reached an export is refused with 429 and Retry-After; once the download that
// held the slot goes away, the next export succeeds. The spool is unlinked while it is sent and
// closed afterwards, so nothing is left in the spool directory.
func TestExportLimitFreesWhenADownloadEnds(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads open files from /proc")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	const practices = 120
	e, prog, token := bigProgramme(t, httpapi.Options{MaxExports: 1, SpoolDir: dir}, practices)
	addr := e.listenSmallBuffers()
	base := "/api/v1/programmes/" + prog.ID.String()

	res, body, conn, err := openExport(t, addr, base+"/export.json", token)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Length") == "" || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("first export: %d %v %s", res.StatusCode, res.Header, body)
	}
	if open, named := spoolFiles(t, dir); open != 1 || named != 0 {
		t.Fatalf("while a download is stalled: %d spool files open and %d named in the spool directory, want 1 and 0", open, named)
	}

	for _, p := range []string{base + "/exports/practices.csv", base + "/export.json"} {
		r := must(t, e.get(p, token), 429)
		if r.code() != "too_many_exports" || r.Header.Get("Retry-After") == "" || r.Header.Get("Content-Type") != "application/problem+json" {
			t.Fatalf("over the limit: %v %s", r.Header, r.Body)
		}
	}
	// Authorisation still comes first: an unknown programme is not found, whatever the load.
	must(t, e.get("/api/v1/programmes/"+uuid.NewString()+"/exports/practices.csv", token), 404)

	conn.Close() // the stalled download goes away; the server notices on its next write
	var r response
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if r = e.get(base+"/exports/practices.csv", token); r.Status != 429 || time.Now().After(deadline) {
			break
		}
	}
	must(t, r, 200)
	if r.Header.Get("Content-Length") != strconv.Itoa(len(r.Body)) {
		t.Fatalf("Content-Length %q for a body of %d bytes", r.Header.Get("Content-Length"), len(r.Body))
	}
	rows, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
	if err != nil || len(rows) != practices+1 {
		t.Fatalf("practices export: %v, %d rows", err, len(rows))
	}
	// A client that accepts gzip gets the same file compressed, and the slot is given back too.
	z := must(t, e.do(req{method: "GET", path: base + "/exports/practices.csv", token: token, header: map[string]string{"Accept-Encoding": "gzip"}}), 200)
	if z.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("compressed export: %v", z.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z.Body))
	if err != nil {
		t.Fatal(err)
	}
	if unzipped, err := io.ReadAll(zr); err != nil || !bytes.Equal(unzipped, r.Body) {
		t.Fatalf("compressed export differs: %v, %d bytes against %d", err, len(unzipped), len(r.Body))
	}

	var open, named int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if open, named = spoolFiles(t, dir); open == 0 && named == 0 {
			return
		}
	}
	t.Fatalf("after the downloads: %d spool files still open, %d left in the spool directory", open, named)
}

// A database failure while the export is being prepared is an ordinary problem+json 503, not a
// 200 with a truncated file: nothing is sent before the spool is complete.
func TestExportFailingWhilePreparedAnswers503(t *testing.T) {
	dsn := testdb.New(t)
	proxied, proxy := throughCutProxy(t, dsn)
	e := newEnvWithURL(t, proxied, httpapi.Options{})
	org := e.org("Jobcentrum", "BE")
	coord := e.user("coord@example.org", org, false)
	prog := e.programme("Return to work")
	e.member(prog, coord, domain.RoleCoordinator)
	token := e.login(coord.Email)

	// A direct connection holds the adaptations table, so the export's query waits on it.
	direct, err := postgres.Open(dsn, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close()
	tx, err := direct.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.Exec(`LOCK TABLE adaptations IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		res *http.Response
		err error
	}
	done := make(chan answer, 1)
	go func() {
		hr, _ := http.NewRequest("GET", "/api/v1/programmes/"+prog.ID.String()+"/exports/adaptations.csv", nil)
		hr.Header.Set("Authorization", "Bearer "+token)
		res, err := e.server.App().Test(hr, -1)
		done <- answer{res, err}
	}()
	waiting := 0
	for deadline := time.Now().Add(15 * time.Second); waiting == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err := direct.SQL().QueryRowContext(context.Background(),
			`SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'adaptations'::regclass`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
	}
	if waiting == 0 {
		t.Fatal("the export never reached its query")
	}
	proxy.down()

	var a answer
	select {
	case a = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no answer after the database went away")
	}
	if a.err != nil {
		t.Fatal(a.err)
	}
	defer a.res.Body.Close()
	b, _ := io.ReadAll(a.res.Body)
	if a.res.StatusCode != 503 || a.res.Header.Get("Retry-After") == "" || problemCode(t, a.res, b) != "service_unavailable" {
		t.Fatalf("export during an outage: %d %v %s", a.res.StatusCode, a.res.Header, b)
	}
}
