package httpapi

import (
	"bytes"
	"container/list"
	"hash/maphash"
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// apiCompression compresses the API's answers at the fastest level (brotli where the client
// accepts it, else gzip, else deflate), as fasthttp's handler does, and remembers the last
// compressed answers: an answer whose bytes are exactly those of one compressed before is sent
// as compressed then. Compressing was the largest single cost of the answers the server keeps
// or reads by primary key (28 % of the server's CPU for a kept page of adaptations, 16 % for a
// practice page, on the benchmark data set), and those bytes repeat: every reader of a kept
// page, a practice page read again, a notification list polled while nothing happened.
//
// The cache maps a body to its compressed form only, so it can answer nothing the server did
// not just produce for this request: a hit needs the whole body to be equal, byte for byte, not
// its hash alone. It holds at most maxBytes of bodies and their compressed forms, the least
// recently used forgotten first; bodies larger than an eighth of that are compressed but not kept.
type apiCompression struct {
	maxBytes int
	seed     maphash.Seed

	mu      sync.Mutex
	bytes   int
	entries map[compressionKey]*list.Element
	order   *list.List // most recently used first; values are *compressedBody
}

type compressionKey struct {
	hash     uint64
	size     int
	encoding string
}

type compressedBody struct {
	key        compressionKey
	body       []byte
	compressed []byte
}

func newAPICompression(maxBytes int) *apiCompression {
	return &apiCompression{maxBytes: maxBytes, seed: maphash.MakeSeed(), entries: map[compressionKey]*list.Element{}, order: list.New()}
}

// minCompressed is the smallest body worth compressing (fasthttp's threshold too).
const minCompressed = 200

// handler compresses what the rest of the chain answers, unless skip says not to.
func (z *apiCompression) handler(skip func(c *fiber.Ctx) bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if skip(c) {
			return c.Next()
		}
		if err := c.Next(); err != nil {
			return err
		}
		z.compress(c)
		return nil
	}
}

// compressStream is fasthttp's own compression, at the same levels, for answers sent as a
// stream (exports): their bytes are not at hand to be compared, so they are never kept.
var compressStream = fasthttp.CompressHandlerBrotliLevel(func(*fasthttp.RequestCtx) {}, fasthttp.CompressBrotliBestSpeed, fasthttp.CompressBestSpeed)

func (z *apiCompression) compress(c *fiber.Ctx) {
	resp := c.Response()
	if resp.IsBodyStream() {
		compressStream(c.Context())
		return
	}
	if len(resp.Header.ContentEncoding()) > 0 || !compressible(resp.Header.ContentType()) {
		return
	}
	body := resp.Body()
	if len(body) < minCompressed {
		return
	}
	req := &c.Context().Request.Header
	var encoding string
	switch {
	case req.HasAcceptEncoding("br"):
		encoding = "br"
	case req.HasAcceptEncoding("gzip"):
		encoding = "gzip"
	case req.HasAcceptEncoding("deflate"):
		encoding = "deflate"
	default:
		return
	}
	key := compressionKey{hash: maphash.Bytes(z.seed, body), size: len(body), encoding: encoding}
	out, ok := z.kept(key, body)
	if !ok {
		out = compressBody(encoding, body)
		z.keep(key, body, out)
	}
	resp.SetBody(out)
	resp.Header.Set(fiber.HeaderContentEncoding, encoding)
	c.Vary(fiber.HeaderAcceptEncoding)
}

func compressBody(encoding string, body []byte) []byte {
	switch encoding {
	case "br":
		return fasthttp.AppendBrotliBytesLevel(nil, body, fasthttp.CompressBrotliBestSpeed)
	case "gzip":
		return fasthttp.AppendGzipBytesLevel(nil, body, fasthttp.CompressBestSpeed)
	default:
		return fasthttp.AppendDeflateBytesLevel(nil, body, fasthttp.CompressBestSpeed)
	}
}

// compressible says whether a content type is worth compressing: text, JSON and the other
// application types (problem+json, YAML), as fasthttp decides.
func compressible(contentType []byte) bool {
	for _, prefix := range []string{"text/", "application/", "image/svg", "image/x-icon", "font/", "multipart/"} {
		if bytes.HasPrefix(contentType, []byte(prefix)) {
			return true
		}
	}
	return false
}

// kept returns the compressed form of body kept under key, if the body kept there is body.
func (z *apiCompression) kept(key compressionKey, body []byte) ([]byte, bool) {
	z.mu.Lock()
	el, ok := z.entries[key]
	if ok {
		z.order.MoveToFront(el)
	}
	z.mu.Unlock()
	if !ok {
		return nil, false
	}
	e := el.Value.(*compressedBody) // never changed once kept: read outside the lock
	if !bytes.Equal(e.body, body) {
		return nil, false
	}
	return e.compressed, true
}

// keep remembers body's compressed form, forgetting the least recently used beyond maxBytes.
func (z *apiCompression) keep(key compressionKey, body, compressed []byte) {
	size := len(body) + len(compressed)
	if size > z.maxBytes/8 {
		return
	}
	e := &compressedBody{key: key, body: bytes.Clone(body), compressed: compressed}
	z.mu.Lock()
	defer z.mu.Unlock()
	if old, ok := z.entries[key]; ok {
		z.forget(old)
	}
	z.entries[key] = z.order.PushFront(e)
	z.bytes += size
	for z.bytes > z.maxBytes {
		z.forget(z.order.Back())
	}
}

func (z *apiCompression) forget(el *list.Element) {
	e := el.Value.(*compressedBody)
	z.order.Remove(el)
	delete(z.entries, e.key)
	z.bytes -= len(e.body) + len(e.compressed)
}
