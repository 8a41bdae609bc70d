package service

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"time"

	"github.com/gabriel-vasile/mimetype"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// AttachmentStore keeps files in chunks (SPEC §7.7).
type AttachmentStore interface {
	// CreatePendingAttachment records a file about to be written; it is invisible until
	// CompleteAttachment.
	CreatePendingAttachment(ctx context.Context, a domain.Attachment) error
	// PutAttachmentChunk stores chunk seq (from 0) of a pending file.
	PutAttachmentChunk(ctx context.Context, id uuid.UUID, seq int, b []byte) error
	// CompleteAttachment makes a pending file visible; CodeNotFound when it is gone.
	CompleteAttachment(ctx context.Context, id uuid.UUID, size int64, sum []byte) error
	// DeletePendingAttachment forgets a file whose upload failed.
	DeletePendingAttachment(ctx context.Context, id uuid.UUID) error
	// SweepPendingAttachments forgets at most limit uploads that never completed.
	SweepPendingAttachments(ctx context.Context, olderThan time.Duration, limit int) (int64, error)
	// Attachment returns CodeNotFound for an unknown or pending id.
	Attachment(ctx context.Context, id uuid.UUID) (domain.Attachment, error)
	// Attachments lists an owner's complete files, oldest first.
	Attachments(ctx context.Context, owner domain.AttachmentOwner) ([]domain.Attachment, error)
	// AttachmentChunk returns CodeNotFound when the chunk does not exist.
	AttachmentChunk(ctx context.Context, id uuid.UUID, seq int) ([]byte, error)
	// SetAttachmentRole changes a file's role (empty for none) if it is still at version;
	// CodeNotFound when it is gone, CodeVersionMismatch when it changed since.
	SetAttachmentRole(ctx context.Context, id uuid.UUID, version int, role string) (domain.Attachment, error)
	DeleteAttachment(ctx context.Context, id uuid.UUID) error
}

// sniffLength is how much of a file's start decides its type. Office documents name their parts
// (word/, xl/) and legacy ones their class id within the first few kilobytes, but not always the
// first four that the detector reads by default.
const sniffLength = 64 << 10

func init() { mimetype.SetLimit(sniffLength) }

// pendingUploadAge: an upload still pending after this long was abandoned by a server that
// stopped (uploads themselves are bounded by the HTTP server's read timeout, far shorter).
const pendingUploadAge = time.Hour

// AttachmentView is a file's description with what the caller may do with it.
type AttachmentView struct {
	domain.Attachment
	CanDelete bool
}

// ownerAccess is what the caller may do with an attachment's owner: see it (else the lookup
// failed with NotFound), and change its files when editErr is nil.
type ownerAccess struct {
	programmeID uuid.UUID
	editErr     error
}

// attachmentOwner decides visibility and edit rights on an owner exactly as its own routes do:
// a practice as GET /practices/{id} (drafts to their organisation, practices under review to
// their organisation, the coordinators and their assigned reviewers only), an adaptation, a new
// product and an activity to the members of their programme. Files change with the object: a
// practice's while its organisation may edit it (a draft, or a revision asked for), an
// adaptation's by its adopting organisation, a product's by its organisations and the
// coordinators, an activity's by the coordinators and the host organisation's partners.
func (s *Service) attachmentOwner(ctx context.Context, a *domain.Actor, owner domain.AttachmentOwner) (ownerAccess, error) {
	switch owner.Type {
	case domain.OwnerPractice:
		p, sc, err := s.accessiblePractice(ctx, a, owner.ID)
		if err != nil {
			return ownerAccess{}, notFoundAs(err, domain.NotFound("Practice"))
		}
		out := ownerAccess{programmeID: p.ProgrammeID}
		switch {
		case !domain.CanEditPractice(sc, &p):
			out.editErr = domain.Forbidden("Only partners of the practice's organisation can change its files.")
		case !p.Status.Editable():
			out.editErr = domain.Errorf(domain.CodeNotEditable, "A practice's files change only while it is a draft or a revision was requested; this one is %s.", p.Status)
		}
		return out, nil
	case domain.OwnerAdaptation:
		ad, sc, err := s.visibleAdaptation(ctx, a, owner.ID, false)
		if err != nil {
			return ownerAccess{}, notFoundAs(err, domain.NotFound("Adaptation"))
		}
		out := ownerAccess{programmeID: ad.ProgrammeID}
		if !domain.CanEditAdaptation(sc, &ad) {
			out.editErr = domain.Forbidden("Only partners of the adopting organisation can change this adaptation's files.")
		}
		return out, nil
	case domain.OwnerProduct:
		n, err := s.NewProduct(ctx, a, owner.ID)
		if err != nil {
			return ownerAccess{}, err
		}
		sc, err := s.scope(ctx, a, n.ProgrammeID)
		if err != nil {
			return ownerAccess{}, notFoundAs(err, domain.NotFound("Product"))
		}
		out := ownerAccess{programmeID: n.ProgrammeID}
		if !domain.CanEditNewProduct(sc, &n) {
			out.editErr = domain.Forbidden("Only the organisations involved and the coordinators can change this product's files.")
		}
		return out, nil
	case domain.OwnerActivity:
		act, sc, err := s.activityScope(ctx, a, owner.ID, false)
		if err != nil {
			return ownerAccess{}, notFoundAs(err, domain.NotFound("Activity"))
		}
		out := ownerAccess{programmeID: act.ProgrammeID}
		if !domain.CanEditActivity(sc, &act) {
			out.editErr = domain.Forbidden("Only the programme's coordinators and the host organisation's partners can change this activity's files.")
		}
		return out, nil
	}
	return ownerAccess{}, domain.NotFound("Object")
}

// Attachments lists the files of an object the caller may see.
func (s *Service) Attachments(ctx context.Context, a *domain.Actor, owner domain.AttachmentOwner) ([]AttachmentView, error) {
	access, err := s.attachmentOwner(ctx, a, owner)
	if err != nil {
		return nil, err
	}
	list, err := s.attachments.Attachments(ctx, owner)
	if err != nil {
		return nil, err
	}
	out := make([]AttachmentView, len(list))
	for i, at := range list {
		out[i] = AttachmentView{Attachment: at, CanDelete: access.editErr == nil}
	}
	return out, nil
}

// visibleAttachment loads a file whose owner the caller may see; any other is NotFound, like a
// missing id, so that nothing tells a file of an object out of reach from no file at all.
func (s *Service) visibleAttachment(ctx context.Context, a *domain.Actor, id uuid.UUID) (domain.Attachment, ownerAccess, error) {
	if a.Anonymous() {
		return domain.Attachment{}, ownerAccess{}, domain.NotFound("Attachment")
	}
	at, err := s.attachments.Attachment(ctx, id)
	if err != nil {
		return at, ownerAccess{}, notFoundAs(err, domain.NotFound("Attachment"))
	}
	access, err := s.attachmentOwner(ctx, a, at.Owner)
	if err != nil {
		return domain.Attachment{}, ownerAccess{}, notFoundAs(err, domain.NotFound("Attachment"))
	}
	return at, access, nil
}

// Attachment reads a file's description for its download.
func (s *Service) Attachment(ctx context.Context, a *domain.Actor, id uuid.UUID) (AttachmentView, error) {
	at, access, err := s.visibleAttachment(ctx, a, id)
	return AttachmentView{Attachment: at, CanDelete: access.editErr == nil}, err
}

// AttachmentReader reads a file's bytes chunk by chunk, one short query per chunk, so that
// neither the whole file nor a database connection is held while a slow client reads. ctx
// bounds every query. A file deleted while it is read ends the reading with an error.
func (s *Service) AttachmentReader(ctx context.Context, at domain.Attachment) io.Reader {
	return &chunkReader{ctx: ctx, store: s.attachments, id: at.ID, left: at.Size}
}

type chunkReader struct {
	ctx   context.Context
	store AttachmentStore
	id    uuid.UUID
	seq   int
	buf   []byte
	left  int64
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.left <= 0 {
			return 0, io.EOF
		}
		b, err := r.store.AttachmentChunk(r.ctx, r.id, r.seq)
		if err != nil {
			return 0, err
		}
		if len(b) == 0 {
			return 0, io.ErrUnexpectedEOF
		}
		r.buf, r.seq = b, r.seq+1
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	r.left -= int64(n)
	return n, nil
}

// UploadAttachment stores a file read from file under owner, for a caller who may edit it; role
// (empty for none) says what an activity's file is, and is CodeValidation on field role when it
// is not one of domain.AttachmentRoles or the owner is not an activity.
//
// The type is decided from the content (the first bytes, before anything is stored), never from
// the name or what the client claims: a type outside domain.AttachmentMediaTypes is
// CodeUnsupportedMedia; an empty file is CodeValidation on field file; more than
// domain.MaxAttachmentSize bytes is domain.CodeFileTooLarge. fileName is sanitised.
//
// The file is read one chunk at a time and each chunk is written once it is whole, in its own
// short statement, under a pending row: a slow uploader holds a database connection only while a
// chunk is written, never while the network trickles, and memory holds one chunk. The row
// becomes visible in one last transaction that checks the caller's rights again; any failure
// before it deletes the pending row and its chunks.
func (s *Service) UploadAttachment(ctx context.Context, a *domain.Actor, owner domain.AttachmentOwner, role, fileName string, file io.Reader) (AttachmentView, error) {
	access, err := s.attachmentOwner(ctx, a, owner)
	if err != nil {
		return AttachmentView{}, err
	}
	if access.editErr != nil {
		return AttachmentView{}, access.editErr
	}
	if fe := domain.CheckAttachmentRole(owner.Type, role); fe != nil {
		return AttachmentView{}, domain.Invalid(*fe)
	}
	buf := make([]byte, domain.AttachmentChunkSize)
	n, last, err := readChunk(file, buf)
	if err != nil {
		return AttachmentView{}, err
	}
	if n == 0 {
		return AttachmentView{}, domain.Invalid(domain.FieldError{Field: "file", Code: domain.FieldTooSmall, Message: "is empty",
			Params: map[string]any{"min": 1}})
	}
	mediaType, ok := sniffMediaType(buf[:n])
	if !ok {
		return AttachmentView{}, &domain.Error{Code: domain.CodeUnsupportedMedia, Params: map[string]any{"media_type": mediaType},
			Message: "Files of this type (" + mediaType + ") cannot be attached: send a PDF, an Office or OpenDocument file, a PNG or JPEG image, or plain text."}
	}
	if rand.IntN(16) == 0 {
		if _, err := s.attachments.SweepPendingAttachments(ctx, pendingUploadAge, 20); err != nil {
			s.log.WarnContext(ctx, "sweeping abandoned uploads failed", "error", err.Error())
		}
	}
	uploader := a.UserID
	at := domain.Attachment{ID: uuid.New(), Owner: owner, ProgrammeID: access.programmeID, FileName: domain.SanitiseFileName(fileName),
		Role: role, MediaType: mediaType, UploadedBy: &uploader}
	if err := s.attachments.CreatePendingAttachment(ctx, at); err != nil {
		return AttachmentView{}, err
	}
	done := false
	defer func() {
		if done {
			return
		}
		// The request may have ended (a client gone away): the clean-up gets its own time.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := s.attachments.DeletePendingAttachment(cctx, at.ID); err != nil {
			s.log.WarnContext(ctx, "forgetting a failed upload failed", "attachment_id", at.ID.String(), "error", err.Error())
		}
	}()
	sum := sha256.New()
	for seq := 0; ; seq++ {
		at.Size += int64(n)
		if at.Size > domain.MaxAttachmentSize {
			return AttachmentView{}, domain.FileTooLarge()
		}
		sum.Write(buf[:n])
		if err := s.attachments.PutAttachmentChunk(ctx, at.ID, seq, buf[:n]); err != nil {
			return AttachmentView{}, err
		}
		if last {
			break
		}
		if n, last, err = readChunk(file, buf); err != nil {
			return AttachmentView{}, err
		}
		if n == 0 {
			break
		}
	}
	at.SHA256 = sum.Sum(nil)
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		access, err := s.attachmentOwner(ctx, a, owner)
		if err != nil {
			return err
		}
		if access.editErr != nil {
			return access.editErr
		}
		if err := s.attachments.CompleteAttachment(ctx, at.ID, at.Size, at.SHA256); err != nil {
			return err
		}
		return s.audit(ctx, a, &at.ProgrammeID, "attachment.added", string(owner.Type), owner.ID, nil,
			attachmentSummary(&at))
	})
	if err != nil {
		return AttachmentView{}, err
	}
	done = true
	stored, err := s.attachments.Attachment(ctx, at.ID)
	return AttachmentView{Attachment: stored, CanDelete: true}, err
}

// readChunk fills buf from r as far as r goes; last reports that r ended.
func readChunk(r io.Reader, buf []byte) (n int, last bool, err error) {
	n, err = io.ReadFull(r, buf)
	switch {
	case err == nil:
		return n, false, nil
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return n, true, nil
	}
	return n, true, err
}

// sniffMediaType decides a file's type from its first bytes; ok when it may be stored. Text keeps
// its charset parameter, which the download repeats.
func sniffMediaType(head []byte) (mediaType string, ok bool) {
	detected := mimetype.Detect(head).String()
	base, params, err := mime.ParseMediaType(detected)
	if err != nil || !domain.AttachmentMediaTypeAllowed(base) {
		return base, false
	}
	if cs, has := params["charset"]; has {
		return mime.FormatMediaType(base, map[string]string{"charset": cs}), true
	}
	return base, true
}

// DeleteAttachment removes a file, for a caller who may edit its owner.
func (s *Service) DeleteAttachment(ctx context.Context, a *domain.Actor, id uuid.UUID) error {
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		at, access, err := s.visibleAttachment(ctx, a, id)
		if err != nil {
			return err
		}
		if access.editErr != nil {
			return access.editErr
		}
		if err := s.attachments.DeleteAttachment(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, a, &at.ProgrammeID, "attachment.deleted", string(at.Owner.Type), at.Owner.ID,
			attachmentSummary(&at), nil)
	})
}

// ChangeAttachmentRole says what an activity's file is (role empty for none), for a caller who
// may remove it, if the file is still at version. It returns CodeNotFound for a file the caller
// may not see, the owner's edit refusal (CodeForbidden) for one they see but may not change,
// CodeValidation on field role for a file of another object or a role outside
// domain.AttachmentRoles, and CodeVersionMismatch when the file changed since version. Setting
// the role it already has changes nothing and records nothing.
func (s *Service) ChangeAttachmentRole(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, role string) (AttachmentView, error) {
	var out domain.Attachment
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		at, access, err := s.visibleAttachment(ctx, a, id)
		if err != nil {
			return err
		}
		if access.editErr != nil {
			return access.editErr
		}
		if fe := domain.CheckAttachmentRoleChange(at.Owner.Type, role); fe != nil {
			return domain.Invalid(*fe)
		}
		if at.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The file was changed by someone else; reload it and try again.")
		}
		if at.Role == role {
			out = at
			return nil
		}
		if out, err = s.attachments.SetAttachmentRole(ctx, id, version, role); err != nil {
			return err
		}
		return s.audit(ctx, a, &at.ProgrammeID, "attachment.role_changed", string(at.Owner.Type), at.Owner.ID,
			attachmentRoleSummary(&at), attachmentRoleSummary(&out))
	})
	if err != nil {
		return AttachmentView{}, err
	}
	return AttachmentView{Attachment: out, CanDelete: true}, nil
}

// attachmentRoleSummary is what the audit log records of a file's role: null for none.
func attachmentRoleSummary(at *domain.Attachment) map[string]any {
	var role any
	if at.Role != "" {
		role = at.Role
	}
	return map[string]any{"attachment_id": at.ID, "file_name": at.FileName, "role": role}
}

// attachmentSummary is what the audit log records of a file.
func attachmentSummary(at *domain.Attachment) map[string]any {
	out := map[string]any{"attachment_id": at.ID, "file_name": at.FileName, "media_type": at.MediaType, "size": at.Size}
	if at.Role != "" {
		out["role"] = at.Role
	}
	return out
}
