package httpapi

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"
)

// compressionApp answers GET /body?text=… with a JSON body made of text, and GET /stream with
// the same body sent as a stream, through z.
func compressionApp(z *apiCompression) *fiber.App {
	app := fiber.New()
	app.Use(z.handler(func(c *fiber.Ctx) bool { return c.Path() == "/plain" }))
	body := func(c *fiber.Ctx) string {
		return `{"text":"` + strings.Repeat(c.Query("text"), 100) + `"}`
	}
	app.Get("/body", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.SendString(body(c))
	})
	app.Get("/plain", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.SendString(body(c))
	})
	app.Get("/stream", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, "text/csv")
		return c.SendStream(strings.NewReader(body(c)))
	})
	return app
}

// fetch sends a GET with Accept-Encoding and returns the answer's encoding and its body as sent
// (compressed) and decoded.
func fetch(t *testing.T, app *fiber.App, path, accept string) (encoding string, sent, decoded []byte) {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	if accept != "" {
		r.Header.Set("Accept-Encoding", accept)
	}
	resp, err := app.Test(r, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sent, err = io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	encoding = resp.Header.Get("Content-Encoding")
	var rd io.Reader
	switch encoding {
	case "":
		return encoding, sent, sent
	case "gzip":
		if rd, err = gzip.NewReader(bytes.NewReader(sent)); err != nil {
			t.Fatal(err)
		}
	case "br":
		rd = brotli.NewReader(bytes.NewReader(sent))
	case "deflate": // HTTP's deflate is the zlib format (RFC 9110)
		if rd, err = zlib.NewReader(bytes.NewReader(sent)); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("Content-Encoding %q", encoding)
	}
	if decoded, err = io.ReadAll(rd); err != nil {
		t.Fatalf("%s body does not decode: %v", encoding, err)
	}
	if vary := resp.Header.Get("Vary"); !strings.Contains(vary, "Accept-Encoding") {
		t.Errorf("compressed answer without Vary: Accept-Encoding (%q)", vary)
	}
	return encoding, sent, decoded
}

func TestAnswersAreCompressedAsTheClientAcceptsAndTheLastOnesKept(t *testing.T) {
	z := newAPICompression(1 << 20)
	app := compressionApp(z)
	want := []byte(`{"text":"` + strings.Repeat("werkgever ", 100) + `"}`)
	for _, c := range []struct{ accept, encoding string }{
		{"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"deflate", "deflate"}, {"", ""}, {"identity", ""},
	} {
		encoding, first, decoded := fetch(t, app, "/body?text=werkgever+", c.accept)
		if encoding != c.encoding || !bytes.Equal(decoded, want) {
			t.Fatalf("Accept-Encoding %q: %q, body %.60q", c.accept, encoding, decoded)
		}
		if encoding == "" {
			continue
		}
		if len(first) >= len(want) {
			t.Errorf("%s: %d bytes for a body of %d", encoding, len(first), len(want))
		}
		// The same answer again is sent as compressed the first time, from what was kept.
		_, again, _ := fetch(t, app, "/body?text=werkgever+", c.accept)
		if !bytes.Equal(again, first) {
			t.Errorf("%s: the same answer compressed differently the second time", encoding)
		}
	}
	if n := z.order.Len(); n != 3 {
		t.Errorf("%d answers kept, want one per encoding (3)", n)
	}
	// Another answer is compressed on its own.
	if _, _, decoded := fetch(t, app, "/body?text=employeur+", "gzip"); !bytes.Contains(decoded, []byte("employeur")) {
		t.Errorf("another answer decoded to %.60q", decoded)
	}
	// Streams (exports) are compressed too, never kept; a skipped path is left as it is.
	if encoding, _, decoded := fetch(t, app, "/stream?text=werkgever+", "gzip"); encoding != "gzip" || !bytes.Equal(decoded, want) {
		t.Errorf("stream: %q, %.60q", encoding, decoded)
	}
	if encoding, _, _ := fetch(t, app, "/plain?text=werkgever+", "gzip"); encoding != "" {
		t.Errorf("a skipped path was compressed (%q)", encoding)
	}
	if n := z.order.Len(); n != 4 {
		t.Errorf("%d answers kept, want 4", n)
	}
}

// A kept compressed form is only ever given for the very bytes it was made of: a body under the
// same key (as a hash collision would give) is compressed afresh.
func TestKeptCompressionNeedsTheSameBytes(t *testing.T) {
	z := newAPICompression(1 << 20)
	key := compressionKey{hash: 42, size: 5, encoding: "gzip"}
	z.keep(key, []byte("alpha"), []byte("compressed alpha"))
	if out, ok := z.kept(key, []byte("alpha")); !ok || string(out) != "compressed alpha" {
		t.Fatalf("kept(alpha) = %q, %v", out, ok)
	}
	if out, ok := z.kept(key, []byte("bravo")); ok {
		t.Fatalf("a different body under the same key was answered with %q", out)
	}
	body := []byte("charlie")
	z.keep(compressionKey{hash: 7, size: 7, encoding: "gzip"}, body, []byte("c"))
	body[0] = 'X' // the caller's buffer is reused by the next request: what is kept is a copy
	if _, ok := z.kept(compressionKey{hash: 7, size: 7, encoding: "gzip"}, []byte("charlie")); !ok {
		t.Fatal("the kept body changed with the caller's buffer")
	}
}

func TestKeptCompressionStaysWithinItsBytes(t *testing.T) {
	z := newAPICompression(8000)
	key := func(i int) compressionKey { return compressionKey{hash: uint64(i), size: 900, encoding: "gzip"} }
	body := bytes.Repeat([]byte("a"), 900)
	for i := range 20 {
		z.keep(key(i), body, make([]byte, 100))
		if z.bytes > z.maxBytes {
			t.Fatalf("after %d answers: %d bytes kept, more than %d", i+1, z.bytes, z.maxBytes)
		}
	}
	if _, ok := z.kept(key(0), body); ok {
		t.Error("the least recently used answer is still kept")
	}
	if _, ok := z.kept(key(19), body); !ok {
		t.Error("the newest answer is not kept")
	}
	// Reading an answer makes it the most recently used: it outlives those kept after it.
	z.kept(key(12), body)
	for i := 20; i < 26; i++ {
		z.keep(key(i), body, make([]byte, 100))
	}
	if _, ok := z.kept(key(12), body); !ok {
		t.Error("an answer read again was forgotten before older ones")
	}
	if _, ok := z.kept(key(13), body); ok {
		t.Error("an answer not read again outlived one that was")
	}
	// An answer larger than an eighth of the cache is compressed but not kept.
	before := z.order.Len()
	z.keep(compressionKey{hash: 99, size: 2000, encoding: "gzip"}, bytes.Repeat([]byte("b"), 2000), nil)
	if z.order.Len() != before {
		t.Error("a large answer was kept")
	}
	if got := z.order.Len(); got != len(z.entries) {
		t.Errorf("%d in the order, %d in the map", got, len(z.entries))
	}
}
