package httpapi

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Request bodies. The server streams request bodies (fiber's StreamRequestBody) so that an
// attachment is read as it arrives and never whole. Every other route keeps what a buffering
// server gave it: readBody reads its body in full, at most Options.BodyLimit bytes, before any
// handler runs, and a Content-Length above the limit is refused before a byte of the body is
// read (see requestConfig), with the connection closed after the 413.

const (
	// uploadBodyLimit is the most an upload request may announce or send: the largest file and
	// room for the multipart boundaries and part headers around it.
	uploadBodyLimit = domain.MaxAttachmentSize + 256<<10
	// transferTimeout is how long an upload may take to arrive and a download to leave (the
	// server's own timeouts are for small JSON bodies: 15 s to read, 60 s to write).
	transferTimeout = 10 * time.Minute
	// oversizeHeader carries requestConfig's verdict to readBody; the value is a secret of this
	// process, so a client cannot set it.
	oversizeHeader = "X-Peerbridge-Oversize"
)

var (
	uploadPath   = regexp.MustCompile(`^/api/v1/(` + ownerSegments() + `)/[^/]+/attachments/?$`)
	downloadPath = regexp.MustCompile(`^/api/v1/attachments/[^/]+/?$`)
)

// ownerSegments is "practices|adaptations|products": every kind of object that takes files.
func ownerSegments() string {
	segs := make([]string, 0, len(domain.AttachmentOwners))
	for _, s := range domain.AttachmentOwners {
		segs = append(segs, regexp.QuoteMeta(s))
	}
	slices.Sort(segs)
	return strings.Join(segs, "|")
}

func isUpload(method, path string) bool {
	return method == fiber.MethodPost && uploadPath.MatchString(path)
}

func isDownload(method, path string) bool {
	return (method == fiber.MethodGet || method == fiber.MethodHead) && downloadPath.MatchString(path)
}

// requestConfig runs when a request's headers have arrived, before its body: uploads may take
// longer to arrive and be larger, downloads longer to leave; a body announced larger than the
// route takes is not read at all.
func (s *Server) requestConfig(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
	uri := h.RequestURI()
	if i := bytes.IndexByte(uri, '?'); i >= 0 {
		uri = uri[:i]
	}
	method, path := string(h.Method()), string(uri)
	cfg := fasthttp.RequestConfig{MaxRequestBodySize: s.opts.BodyLimit}
	switch {
	case isUpload(method, path):
		cfg.MaxRequestBodySize, cfg.ReadTimeout = uploadBodyLimit, transferTimeout
	case isDownload(method, path):
		cfg.WriteTimeout = transferTimeout
	}
	if h.ContentLength() > cfg.MaxRequestBodySize {
		h.Set(oversizeHeader, s.oversizeMark)
		h.SetContentLength(0)
		h.SetConnectionClose()
	}
	return cfg
}

// readBody enforces the body limits: uploads go on as a stream (their handler limits them),
// every other body is read here, whole and bounded, as the handlers expect it.
func (s *Server) readBody(c *fiber.Ctx) error {
	upload := isUpload(c.Method(), c.Path())
	if mark := c.Get(oversizeHeader); mark != "" {
		c.Request().Header.Del(oversizeHeader)
		if mark == s.oversizeMark {
			c.Context().SetConnectionClose()
			if upload {
				return domain.FileTooLarge()
			}
			return domain.Errorf(domain.CodeBodyTooLarge, "The request body is too large.")
		}
	}
	if upload {
		// Whatever the answer (a 401, a refusal part-way), what the client has not sent yet
		// must not be read as the next request.
		c.Context().SetConnectionClose()
		return c.Next()
	}
	req := c.Request()
	if req.IsBodyStream() {
		b, err := io.ReadAll(io.LimitReader(req.BodyStream(), int64(s.opts.BodyLimit)+1))
		if err != nil {
			c.Context().SetConnectionClose()
			return domain.Errorf(domain.CodeBadRequest, "The request body could not be read.")
		}
		if len(b) > s.opts.BodyLimit {
			c.Context().SetConnectionClose()
			return domain.Errorf(domain.CodeBodyTooLarge, "The request body is too large.")
		}
		req.SetBody(b)
	}
	return c.Next()
}

// cappedBody reads at most left bytes of an upload; one byte more is domain.CodeFileTooLarge.
type cappedBody struct {
	r    io.Reader
	left int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var one [1]byte
		if n, err := b.r.Read(one[:]); n > 0 {
			return 0, domain.FileTooLarge()
		} else if err != nil {
			return 0, err
		}
		return 0, nil
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}
