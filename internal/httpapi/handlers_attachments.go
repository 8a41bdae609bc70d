package httpapi

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// ownerWords name each kind of owner in a 404.
var ownerWords = map[domain.AttachmentOwnerType]string{
	domain.OwnerPractice:   "Practice",
	domain.OwnerAdaptation: "Adaptation",
	domain.OwnerProduct:    "Product",
	domain.OwnerActivity:   "Activity",
}

// maxRoleLength bounds the multipart field role as it is read; every role is far shorter.
const maxRoleLength = 64

// downloadCSP: a file is never a page of this site. Should a browser render one anyway, it runs
// in a sandbox that may load nothing.
const downloadCSP = "default-src 'none'; frame-ancestors 'none'; sandbox"

func (s *Server) listAttachments(owner domain.AttachmentOwnerType) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := pathID(c, "id", ownerWords[owner])
		if err != nil {
			return err
		}
		list, err := s.svc.Attachments(c.UserContext(), actorOf(c), domain.AttachmentOwner{Type: owner, ID: id})
		if err != nil {
			return err
		}
		return c.JSON(attachmentListResponse{Items: lists.Map(list, toAttachmentResponse)})
	}
}

// uploadAttachment reads a multipart/form-data body as a stream: of the parts before `file`, an
// activity's `role` is read and the others skipped; `file` goes to the service as it arrives;
// anything after it is left unread (the connection closes after an upload: see readBody), so a
// role must come before the file.
func (s *Server) uploadAttachment(owner domain.AttachmentOwnerType) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := pathID(c, "id", ownerWords[owner])
		if err != nil {
			return err
		}
		mediaType, params, err := mime.ParseMediaType(string(c.Request().Header.ContentType()))
		if err != nil || mediaType != fiber.MIMEMultipartForm || params["boundary"] == "" {
			return domain.Errorf(domain.CodeUnsupportedMedia, "Send the file as multipart/form-data, in a field named file.")
		}
		var stream io.Reader = c.Context().RequestBodyStream()
		if stream == nil {
			stream = strings.NewReader(string(c.Body()))
		}
		body := &cappedBody{r: stream, left: uploadBodyLimit}
		parts := multipart.NewReader(body, params["boundary"])
		var (
			part *multipart.Part
			role string
		)
		for {
			if part, err = parts.NextPart(); err != nil {
				if errors.Is(err, io.EOF) {
					return domain.Invalid(domain.FieldError{Field: "file", Code: domain.FieldRequired, Message: "is required: send the file in a multipart field named file"})
				}
				return uploadBroken(err)
			}
			if part.FormName() == "file" {
				break
			}
			if part.FormName() == "role" {
				b, err := io.ReadAll(io.LimitReader(part, maxRoleLength+1))
				if err != nil {
					return uploadBroken(err)
				}
				if len(b) > maxRoleLength {
					return domain.Invalid(domain.FieldError{Field: "role", Code: domain.FieldTooLong, Params: map[string]any{"max": maxRoleLength},
						Message: "must be at most 64 characters"})
				}
				role = strings.TrimSpace(string(b))
			}
			if _, err := io.Copy(io.Discard, part); err != nil {
				return uploadBroken(err)
			}
		}
		// The upload's own time: reading 20 MB from a slow connection takes longer than a request.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(c.UserContext()), transferTimeout)
		defer cancel()
		v, err := s.svc.UploadAttachment(ctx, actorOf(c), domain.AttachmentOwner{Type: owner, ID: id}, role, formFileName(part), partReader{part})
		if err != nil {
			return err
		}
		return created(c, "/api/v1/attachments/"+v.ID.String(), v.Version, toAttachmentResponse(v))
	}
}

// browserEscapes undoes what HTML's multipart/form-data encoding does to a file name: browsers
// write a double quote, CR and LF as %22, %0D and %0A (and leave every other %), so the name
// the person chose reaches the sanitiser, which then treats those characters as it treats any.
var browserEscapes = strings.NewReplacer("%22", `"`, "%0D", "\r", "%0A", "\n")

// formFileName is the name of the uploaded file as the person's computer had it.
func formFileName(part *multipart.Part) string {
	return browserEscapes.Replace(part.FileName())
}

// partReader turns a broken upload into a 400 (or the 413 of cappedBody) for the service.
type partReader struct{ r io.Reader }

func (p partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, uploadBroken(err)
	}
	return n, err
}

func uploadBroken(err error) error {
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return domain.Wrap(domain.CodeBadRequest, err, "The multipart body could not be read to its end.")
}

// downloadAttachment streams a file chunk by chunk after the handler returns: the checks and the
// headers come first, so every refusal is a problem+json answer; the bytes follow, read from the
// database one chunk at a time as the connection takes them.
func (s *Server) downloadAttachment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Attachment")
	if err != nil {
		return err
	}
	v, err := s.svc.Attachment(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, v.MediaType)
	c.Set(fiber.HeaderContentDisposition, contentDisposition(v.FileName))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderContentSecurityPolicy, downloadCSP)
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	c.Set("Repr-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(v.SHA256)+":")
	if c.Method() == fiber.MethodHead {
		c.Response().Header.SetContentLength(int(v.Size))
		return nil
	}
	// The bytes are sent after this handler (and its request's deadline) ended.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.UserContext()), transferTimeout)
	c.Context().SetBodyStream(&closingReader{Reader: s.svc.AttachmentReader(ctx, v.Attachment), close: cancel}, int(v.Size))
	return nil
}

type closingReader struct {
	io.Reader
	close context.CancelFunc
}

func (r *closingReader) Close() error {
	r.close()
	return nil
}

// changeAttachmentRole says what an activity's file is, with If-Match like every PATCH.
func (s *Server) changeAttachmentRole(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Attachment")
	if err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	var req attachmentPatchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	v, err := s.svc.ChangeAttachmentRole(c.UserContext(), actorOf(c), id, version, req.role())
	if err != nil {
		return err
	}
	return sendVersioned(c, v.Version, toAttachmentResponse(v))
}

func (s *Server) deleteAttachment(c *fiber.Ctx) error {
	id, err := pathID(c, "id", "Attachment")
	if err != nil {
		return err
	}
	if err := s.svc.DeleteAttachment(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// contentDisposition offers a file for saving under its name (RFC 6266): filename* carries the
// name in UTF-8 (RFC 5987), filename an ASCII stand-in for old clients.
func contentDisposition(name string) string {
	var ascii, ext strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%':
			ascii.WriteByte('_')
		default:
			ascii.WriteRune(r)
		}
	}
	for _, b := range []byte(name) {
		if isAttrChar(b) {
			ext.WriteByte(b)
		} else {
			ext.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(b)|0x100, 16)[1:]))
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + ext.String()
}

// isAttrChar: the characters RFC 5987 lets stand for themselves in an ext-value.
func isAttrChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}
