package httpapi_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Files whose first bytes say what they are.
var (
	pdfHead = []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
	pngHead = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00")
	elfHead = append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00"), make([]byte, 40)...)
	peHead  = append(append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 44)...), "\x80\x00\x00\x00"...)
)

// noise is n reproducible bytes after head.
func noise(head []byte, n int) []byte {
	out := make([]byte, n)
	copy(out, head)
	r := rand.NewChaCha8([32]byte{7})
	_, _ = r.Read(out[len(head):])
	return out
}

// multipartFile is a multipart/form-data body with one part named field holding content.
func multipartFile(field, fileName string, content []byte) (body []byte, contentType string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	_ = mw.WriteField("note", "fields before the file are skipped")
	h := textproto.MIMEHeader{}
	quote := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, field, quote.Replace(fileName)))
	// The client's claim, which the server must not believe.
	h.Set("Content-Type", "application/pdf")
	pw, _ := mw.CreatePart(h)
	_, _ = pw.Write(content)
	_ = mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

func (e *env) upload(token, ownerPath, fileName string, content []byte) response {
	e.t.Helper()
	body, ct := multipartFile("file", fileName, content)
	return e.do(req{method: "POST", path: ownerPath + "/attachments", token: token, body: body, header: map[string]string{"Content-Type": ct}})
}

func fieldNamed(r response, field, code string) bool {
	var p struct {
		Errors []struct{ Field, Code string }
	}
	_ = json.Unmarshal(r.Body, &p)
	for _, e := range p.Errors {
		if e.Field == field && e.Code == code {
			return true
		}
	}
	return false
}

func TestAttachmentUploadEdgeCases(t *testing.T) {
	w := newWorld(t)
	partner := w.tok["partner"]
	p := w.createPractice(partner, fullPractice("Job coaching", "en"))
	owner := "/api/v1/practices/" + p["id"].(string)

	// A PDF by its content.
	pdf := noise(pdfHead, 3000)
	got := must(t, w.upload(partner, owner, "Evaluation 2025.pdf", pdf), 201).json(t)
	sum := sha256.Sum256(pdf)
	if got["media_type"] != "application/pdf" || got["size"] != float64(len(pdf)) || got["sha256"] != hex.EncodeToString(sum[:]) ||
		got["file_name"] != "Evaluation 2025.pdf" || got["owner_type"] != "practice" || got["can_delete"] != true {
		t.Fatalf("stored PDF: %v", got)
	}
	if up, _ := got["uploaded_by"].(map[string]any); up["name"] != "partner" {
		t.Fatalf("uploader: %v", got["uploaded_by"])
	}

	// Text named .pdf is text; the name is kept, the claim (application/pdf) is not believed.
	txt := must(t, w.upload(partner, owner, "minutes.pdf", []byte("Minutes of the meeting.\nNext steps: call the employers.\n")), 201).json(t)
	if mt, _, _ := mime.ParseMediaType(txt["media_type"].(string)); mt != "text/plain" {
		t.Fatalf("text named .pdf stored as %v", txt["media_type"])
	}

	// A path in the name is dropped: a plain name remains.
	for name, want := range map[string]string{
		"../../etc/passwd":               "passwd",
		`..\..\windows\system32\x.txt`:   "x.txt",
		"invoice\u202eftp.exe\u200b.txt": "invoiceftp.exe.txt",
		"tab\tseparated.txt":             "tab separated.txt",
		// As browsers send `Plan "final".txt` and a name with a line break (HTML's form encoding).
		"Plan %22final%22.txt":            "Plan _final_.txt",
		"two%0D%0Alines.txt":              "two lines.txt",
		"100% sure.txt":                   "100% sure.txt",
		"...":                             "file",
		strings.Repeat("ä", 300) + ".txt": strings.Repeat("ä", 196) + ".txt",
	} {
		r := must(t, w.upload(partner, owner, name, []byte("plain words")), 201).json(t)
		if r["file_name"] != want {
			t.Errorf("%q stored as %q, want %q", name, r["file_name"], want)
		}
	}

	// Executables renamed report.pdf are refused by their content.
	for kind, content := range map[string][]byte{"ELF": noise(elfHead, 4096), "PE": noise(peHead, 4096)} {
		r := must(t, w.upload(partner, owner, "report.pdf", content), 415)
		if r.code() != "unsupported_media_type" || r.Header.Get("Content-Type") != "application/problem+json" {
			t.Fatalf("%s executable: %s", kind, r.Body)
		}
	}
	// HTML could run in the browser: refused too.
	must(t, w.upload(partner, owner, "page.txt", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")), 415)

	// Empty file, no file field, not multipart.
	if r := must(t, w.upload(partner, owner, "empty.txt", nil), 400); !fieldNamed(r, "file", "too_small") {
		t.Fatalf("empty file: %s", r.Body)
	}
	body, ct := multipartFile("document", "report.pdf", pdf)
	if r := must(t, w.do(req{method: "POST", path: owner + "/attachments", token: partner, body: body, header: map[string]string{"Content-Type": ct}}), 400); !fieldNamed(r, "file", "required") {
		t.Fatalf("missing file field: %s", r.Body)
	}
	must(t, w.do(req{method: "POST", path: owner + "/attachments", token: partner, body: `{"file":"x"}`}), 415)
	must(t, w.do(req{method: "POST", path: owner + "/attachments", token: partner, body: "--x\r\nbroken", header: map[string]string{"Content-Type": "multipart/form-data; boundary=x"}}), 400)

	// Just over 20 MB, sent in full: 413 file_too_large once the 20 MB are counted.
	r := must(t, w.upload(partner, owner, "big.pdf", noise(pdfHead, domain.MaxAttachmentSize+1)), 413)
	if r.code() != "file_too_large" || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("oversize: %s", r.Body)
	}
	// Announced far larger: refused before the body is read.
	r = must(t, w.upload(partner, owner, "bigger.pdf", noise(pdfHead, domain.MaxAttachmentSize+1<<20)), 413)
	if r.code() != "file_too_large" {
		t.Fatalf("announced oversize: %s", r.Body)
	}

	// Only the accepted files are there, with every chunk and nothing pending.
	list := must(t, w.get(owner+"/attachments", partner), 200).json(t)["items"].([]any)
	if len(list) != 11 || countRows(t, w, "attachments") != 11 {
		t.Fatalf("%d files listed, %d rows", len(list), countRows(t, w, "attachments"))
	}
	var pending, chunks int
	_ = w.db.SQL().QueryRow(`SELECT count(*) FROM attachments WHERE completed_at IS NULL`).Scan(&pending)
	_ = w.db.SQL().QueryRow(`SELECT count(*) FROM attachment_chunks`).Scan(&chunks)
	if pending != 0 || chunks != 11 {
		t.Fatalf("%d pending uploads, %d chunks left behind", pending, chunks)
	}
	// The programme's other members do not see a draft's files; partners of other programmes
	// and anonymous callers neither.
	must(t, w.get(owner+"/attachments", w.tok["reviewer"]), 404)
	must(t, w.get(owner+"/attachments", w.tok["outsider"]), 404)
	must(t, w.get(owner+"/attachments", ""), 401)
	must(t, w.get("/api/v1/attachments/"+got["id"].(string), w.tok["reviewer"]), 404)
	// The coordinator reads it but may not add to it.
	must(t, w.get(owner+"/attachments", w.tok["coordinator"]), 404) // a draft is its organisation's alone
	if r := must(t, w.upload(w.tok["coordinator"], owner, "x.txt", []byte("x")), 404); r.code() != "not_found" {
		t.Fatal(string(r.Body))
	}
}

func TestAttachmentDownloadIsByteExact(t *testing.T) {
	w := newWorld(t)
	partner := w.tok["partner"]
	p := w.createPractice(partner, fullPractice("Job coaching", "en"))
	owner := "/api/v1/practices/" + p["id"].(string)
	// Three chunks and a bit.
	content := noise(pngHead, 3*domain.AttachmentChunkSize+1234)
	got := must(t, w.upload(partner, owner, `Rapport d'évaluation "final".png`, content), 201).json(t)
	name := "Rapport d'évaluation _final_.png" // quotes are among the characters file systems refuse
	if got["file_name"] != name {
		t.Fatalf("stored as %q", got["file_name"])
	}
	r := must(t, w.get(got["download_url"].(string), partner), 200)
	if !bytes.Equal(r.Body, content) {
		t.Fatalf("downloaded %d bytes, differ from the %d uploaded", len(r.Body), len(content))
	}
	sum := sha256.Sum256(r.Body)
	if hex.EncodeToString(sum[:]) != got["sha256"] {
		t.Fatal("sha256 of the download differs from the stored one")
	}
	h := r.Header
	want := map[string]string{
		"Content-Type":           "image/png",
		"Content-Length":         strconv.Itoa(len(content)),
		"X-Content-Type-Options": "nosniff",
		"Content-Disposition":    `attachment; filename="Rapport d'_valuation _final_.png"; filename*=UTF-8''Rapport%20d%27%C3%A9valuation%20_final_.png`,
	}
	for k, v := range want {
		if h.Get(k) != v {
			t.Errorf("%s: %q, want %q", k, h.Get(k), v)
		}
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "sandbox") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if _, params, err := mime.ParseMediaType(h.Get("Content-Disposition")); err != nil || params["filename"] != name {
		t.Errorf("Content-Disposition does not read back as the name: %v %v", params, err)
	}
	head := must(t, w.do(req{method: "HEAD", path: got["download_url"].(string), token: partner}), 200)
	if head.Header.Get("Content-Length") != strconv.Itoa(len(content)) || len(head.Body) != 0 {
		t.Errorf("HEAD: Content-Length %q, %d bytes of body", head.Header.Get("Content-Length"), len(head.Body))
	}
	// Text comes back as text with its charset, never as what its name says.
	txt := must(t, w.upload(partner, owner, "notes.pdf", []byte("Plain notes\n")), 201).json(t)
	tr := must(t, w.get(txt["download_url"].(string), partner), 200)
	if tr.Header.Get("Content-Type") != "text/plain; charset=utf-8" || string(tr.Body) != "Plain notes\n" {
		t.Fatalf("text download: %q %q", tr.Header.Get("Content-Type"), tr.Body)
	}
	must(t, w.get("/api/v1/attachments/00000000-0000-4000-8000-000000000000", partner), 404)
	must(t, w.get("/api/v1/attachments/not-a-uuid", partner), 404)
}

// TestAttachmentsOfABlindRoundPractice: a practice under review in a blind round is seen only
// by its organisation, the coordinators and its assigned reviewers; so are its files. Reviewers
// cannot add files, so no reviewer's name can ever stand among them.
func TestAttachmentsOfABlindRoundPractice(t *testing.T) {
	w := newReviewWorld(t)
	partner := w.tok["partner"]
	p := w.createPractice(partner, fullPractice("Employer pool", "en"))
	id := p["id"].(string)
	owner := "/api/v1/practices/" + id
	got := must(t, w.upload(partner, owner, "discussion-paper.pdf", noise(pdfHead, 5000)), 201).json(t)
	file := got["download_url"].(string)
	must(t, w.action(partner, id, "submit"), 200)
	w.practiceID = id
	round := w.newRound(true)
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.assignment(round, w.revDE.ID.String())

	for who, token := range map[string]string{"organisation": partner, "coordinator": w.tok["coordinator"], "assigned reviewer": w.tok["rev.de"], "admin": w.tok["admin"]} {
		list := must(t, w.get(owner+"/attachments", token), 200).json(t)["items"].([]any)
		if len(list) != 1 {
			t.Fatalf("%s sees %d files", who, len(list))
		}
		if f := list[0].(map[string]any); f["can_delete"] != false {
			t.Errorf("%s may delete a file of a practice under review: %v", who, f)
		}
		must(t, w.get(file, token), 200)
	}
	for who, token := range map[string]string{"another reviewer": w.tok["rev.fi"], "a reviewer's colleague": w.tok["reviewer"],
		"a non-member": w.tok["outsider"]} {
		if r := must(t, w.get(owner+"/attachments", token), 404); r.code() != "not_found" {
			t.Fatal(string(r.Body))
		}
		if r := must(t, w.get(file, token), 404); strings.Contains(string(r.Body), "Practice") {
			t.Fatalf("%s learns what the file belongs to: %s", who, r.Body)
		}
		must(t, w.do(req{method: "DELETE", path: file, token: token}), 404)
	}
	must(t, w.get(file, ""), 401)
	// The reviewer can read but not add; the organisation cannot change files under review.
	must(t, w.upload(w.tok["rev.de"], owner, "my-notes.txt", []byte("notes")), 403)
	if r := must(t, w.upload(partner, owner, "late.txt", []byte("late")), 409); r.code() != "practice_not_editable" {
		t.Fatal(string(r.Body))
	}
	must(t, w.do(req{method: "DELETE", path: file, token: partner}), 409)
	// The organisation's view of the files names no reviewer.
	body := string(must(t, w.get(owner+"/attachments", partner), 200).Body)
	for _, secret := range []string{w.revDE.Name, w.revDE.ID.String(), w.orgDE.Name} {
		if strings.Contains(body, secret) {
			t.Fatalf("the organisation's file list shows %q", secret)
		}
	}
	// Once the reviewer's assignment is gone, so is the file.
	if _, err := w.db.SQL().Exec(`UPDATE assignments SET status = 'declined' WHERE reviewer_id = $1`, w.revDE.ID); err != nil {
		t.Fatal(err)
	}
	must(t, w.get(file, w.tok["rev.de"]), 404)
}

func TestAttachmentDeleteRights(t *testing.T) {
	w := newAdaptationWorld(t)
	ad := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)
	owner := "/api/v1/adaptations/" + ad["id"].(string)
	f := must(t, w.upload(w.partnerDE, owner, "plan.txt", []byte("The plan.")), 201).json(t)
	file := f["download_url"].(string)
	// Every member reads an adaptation's files; only its adopting organisation changes them.
	for _, token := range []string{w.tok["partner"], w.tok["coordinator"], w.tok["rev.fi"]} {
		items := must(t, w.get(owner+"/attachments", token), 200).json(t)["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["can_delete"] != false {
			t.Fatalf("list: %v", items)
		}
		must(t, w.get(file, token), 200)
		must(t, w.do(req{method: "DELETE", path: file, token: token}), 403)
		must(t, w.upload(token, owner, "x.txt", []byte("x")), 403)
	}
	must(t, w.do(req{method: "DELETE", path: file, token: w.tok["outsider"]}), 404)
	must(t, w.do(req{method: "DELETE", path: file, token: w.partnerDE}), 204)
	must(t, w.get(file, w.partnerDE), 404)
	must(t, w.do(req{method: "DELETE", path: file, token: w.partnerDE}), 404)
	if n := countRows(t, w.world, "attachment_chunks"); n != 0 {
		t.Fatalf("%d chunks left after the delete", n)
	}
	entries := auditEntries(t, w.world, "")
	if findEntry(entries, "attachment.added", ad["id"].(string)) == nil || findEntry(entries, "attachment.deleted", ad["id"].(string)) == nil {
		t.Fatal("adding and removing a file are not in the audit log")
	}

	// A new product's files: its organisations and the coordinators change them.
	np := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Regional employer pool", "kind": "network", "status": "in_development", "description": "Grew out of the Köln adaptation",
		"derived_from_adaptation_ids": []string{ad["id"].(string)}, "organisation_ids": []string{w.orgDE.ID.String()},
	}}), 201).json(t)
	prod := "/api/v1/products/" + np["id"].(string)
	must(t, w.upload(w.tok["partner"], prod, "x.txt", []byte("x")), 403) // the Dutch organisation is not involved
	pf := must(t, w.upload(w.tok["coordinator"], prod, "flyer.png", noise(pngHead, 2000)), 201).json(t)
	if items := must(t, w.get(prod+"/attachments", w.tok["partner"]), 200).json(t)["items"].([]any); len(items) != 1 {
		t.Fatalf("product files: %v", items)
	}
	must(t, w.do(req{method: "DELETE", path: pf["download_url"].(string), token: w.tok["partner"]}), 403)
	must(t, w.do(req{method: "DELETE", path: pf["download_url"].(string), token: w.partnerDE}), 204)
	must(t, w.get(prod+"/attachments", w.tok["outsider"]), 404)

	// A deleted draft takes its files with it.
	p := w.createPractice(w.tok["partner"], fullPractice("Short-lived", "en"))
	must(t, w.upload(w.tok["partner"], "/api/v1/practices/"+p["id"].(string), "x.txt", []byte("x")), 201)
	must(t, w.do(req{method: "DELETE", path: "/api/v1/practices/" + p["id"].(string), token: w.tok["partner"]}), 204)
	if n := countRows(t, w.world, "attachments"); n != 0 {
		t.Fatalf("%d files outlive their owners", n)
	}
}

// heapPeak samples the heap in use until stop is called and returns the highest value seen.
func heapPeak() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}

func heapNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// TestAttachmentStreamingKeepsMemoryFlat sends a file just under 20 MB through a real socket and
// reads it back, watching this process's heap (server and client both live here): it must stay
// far below the file's size both ways, so neither direction holds the file.
func TestAttachmentStreamingKeepsMemoryFlat(t *testing.T) {
	w := newWorld(t)
	base := w.listen()
	partner := w.tok["partner"]
	p := w.createPractice(partner, fullPractice("Job coaching", "en"))
	size := domain.MaxAttachmentSize - 1024
	// Collect garbage early, so that what is measured is what is held.
	defer debug.SetGCPercent(debug.SetGCPercent(10))

	// The body is produced while it is sent: a multipart writer on a pipe, fed from a generator.
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	sent := sha256.New()
	go func() {
		part, err := mw.CreateFormFile("file", "annual-report.pdf")
		if err == nil {
			_, err = part.Write(pdfHead)
			sent.Write(pdfHead)
			rng := rand.NewChaCha8([32]byte{9})
			buf := make([]byte, 32<<10)
			for left := size - len(pdfHead); left > 0 && err == nil; left -= len(buf) {
				b := buf[:min(len(buf), left)]
				_, _ = rng.Read(b)
				sent.Write(b)
				_, err = part.Write(b)
			}
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	hr, _ := http.NewRequest("POST", base+"/api/v1/practices/"+p["id"].(string)+"/attachments", pr)
	hr.Header.Set("Content-Type", mw.FormDataContentType())
	hr.Header.Set("Authorization", "Bearer "+partner)

	before := heapNow()
	stop := heapPeak()
	res, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	upPeak := stop()
	if res.StatusCode != 201 {
		t.Fatalf("upload: %d %s", res.StatusCode, body)
	}
	var got struct {
		ID, SHA256 string
		Size       int
	}
	if err := json.Unmarshal(body, &got); err != nil || got.Size != size || got.SHA256 != hex.EncodeToString(sent.Sum(nil)) {
		t.Fatalf("stored %d bytes with sha256 %s: %v", got.Size, got.SHA256, err)
	}

	before2 := heapNow()
	stop = heapPeak()
	dr, _ := http.NewRequest("GET", base+"/api/v1/attachments/"+got.ID, nil)
	dr.Header.Set("Authorization", "Bearer "+partner)
	res, err = http.DefaultClient.Do(dr)
	if err != nil {
		t.Fatal(err)
	}
	received := sha256.New()
	n, err := io.Copy(received, res.Body)
	res.Body.Close()
	downPeak := stop()
	if err != nil || res.StatusCode != 200 || n != int64(size) || hex.EncodeToString(received.Sum(nil)) != got.SHA256 {
		t.Fatalf("download: %d, %d bytes, %v", res.StatusCode, n, err)
	}

	// Well below the file: a handful of chunks at most, never the file.
	limit := uint64(size / 3)
	grow := func(peak, from uint64) uint64 { return max(peak, from) - from }
	t.Logf("heap grew by %d KiB during the upload and %d KiB during the download (file %d KiB)",
		grow(upPeak, before)>>10, grow(downPeak, before2)>>10, size>>10)
	if grow(upPeak, before) > limit || grow(downPeak, before2) > limit {
		t.Fatalf("the heap grew by %d (upload) and %d (download) bytes for a %d-byte file", grow(upPeak, before), grow(downPeak, before2), size)
	}
}
