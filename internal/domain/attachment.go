package domain

import (
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Attachments (SPEC §7.7): files kept with a practice, an adaptation, a new product or an exchange
// activity, readable by whoever may see the object and added or removed by whoever may edit it.

// AttachmentOwnerType names the kind of object an attachment belongs to. Each kind has the word
// stored in attachments.owner_type and the path segment of its routes; a new kind is one more
// entry in AttachmentOwners, a value in the table's CHECK, a trigger that forgets its files, and
// a case in the service's owner access.
type AttachmentOwnerType string

const (
	OwnerPractice   AttachmentOwnerType = "practice"
	OwnerAdaptation AttachmentOwnerType = "adaptation"
	OwnerProduct    AttachmentOwnerType = "product"
	OwnerActivity   AttachmentOwnerType = "activity"
)

// AttachmentOwners maps each kind of owner to the collection its routes live under
// (/practices/{id}/attachments …).
var AttachmentOwners = map[AttachmentOwnerType]string{
	OwnerPractice:   "practices",
	OwnerAdaptation: "adaptations",
	OwnerProduct:    "products",
	OwnerActivity:   "activities",
}

// Roles of an activity's file: what a peer-review meeting in the Mutual Learning Programme's way
// circulates (the host country's discussion paper, the peer countries' comment papers) and the
// minutes. Only activities' files have a role, and it is optional.
const (
	RoleDiscussionPaper = "discussion_paper"
	RoleCommentPaper    = "comment_paper"
	RoleMinutes         = "minutes"
	RoleOtherFile       = "other"
)

// AttachmentRoles is the closed list of the roles of an activity's file.
var AttachmentRoles = []string{RoleDiscussionPaper, RoleCommentPaper, RoleMinutes, RoleOtherFile}

// CheckAttachmentRole names the field error of a role given for an owner: a role outside
// AttachmentRoles, or any role for an owner other than an activity. An empty role is none.
func CheckAttachmentRole(owner AttachmentOwnerType, role string) *FieldError {
	switch {
	case role == "":
		return nil
	case owner != OwnerActivity:
		return &FieldError{Field: "role", Code: FieldInvalid, Message: "only an activity's files have a role"}
	case !slices.Contains(AttachmentRoles, role):
		return &FieldError{Field: "role", Code: FieldOneOf, Params: map[string]any{"allowed": AttachmentRoles},
			Message: "must be one of discussion_paper, comment_paper, minutes, other"}
	}
	return nil
}

// CheckAttachmentRoleChange names the field error of changing a stored file's role to role
// (empty for none): only an activity's files have a role to change, and a new one is one of
// AttachmentRoles.
func CheckAttachmentRoleChange(owner AttachmentOwnerType, role string) *FieldError {
	if owner != OwnerActivity {
		return &FieldError{Field: "role", Code: FieldInvalid, Message: "only an activity's files have a role"}
	}
	return CheckAttachmentRole(owner, role)
}

// AttachmentOwner is the object an attachment belongs to.
type AttachmentOwner struct {
	Type AttachmentOwnerType
	ID   uuid.UUID
}

// Attachment is a stored file's description; its bytes live in chunks.
type Attachment struct {
	ID          uuid.UUID
	Owner       AttachmentOwner
	ProgrammeID uuid.UUID
	FileName    string
	// Role is what an activity's file is (one of AttachmentRoles); empty for none.
	Role       string
	MediaType  string
	Size       int64
	SHA256     []byte
	UploadedBy *uuid.UUID
	// UploaderName is the uploader's name as it is now; empty when the account is gone.
	UploaderName string
	CreatedAt    time.Time
	// Version counts changes to the description (an activity's file's role); the bytes never
	// change.
	Version int
}

const (
	// MaxAttachmentSize is the largest file accepted, in bytes (20 MB).
	MaxAttachmentSize = 20 << 20
	// AttachmentChunkSize is how much of a file one stored chunk holds.
	AttachmentChunkSize = 256 << 10
	// MaxFileNameLength bounds a stored file name, in characters.
	MaxFileNameLength = 200
)

// Error codes of attachments.
const (
	// CodeFileTooLarge: the file is larger than MaxAttachmentSize; params: max (bytes).
	CodeFileTooLarge Code = "file_too_large"
)

// FileTooLarge is the answer to a file above MaxAttachmentSize.
func FileTooLarge() *Error {
	return &Error{Code: CodeFileTooLarge, Params: map[string]any{"max": MaxAttachmentSize}, Message: "The file is larger than 20 MB."}
}

// AttachmentMediaTypes are the kinds of file accepted, as the content shows them (never as the
// client names them): PDF, Office and OpenDocument documents, PNG, JPEG and plain text. Text
// that reads as comma- or tab-separated values is plain text too. Anything else, HTML and SVG
// included (they can carry scripts), is refused.
var AttachmentMediaTypes = []string{
	"application/pdf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
	"application/msword",
	"application/vnd.ms-excel",
	"application/vnd.ms-powerpoint",
	"application/vnd.oasis.opendocument.text",
	"application/vnd.oasis.opendocument.spreadsheet",
	"application/vnd.oasis.opendocument.presentation",
	"image/png",
	"image/jpeg",
	"text/plain",
	"text/csv",
	"text/tab-separated-values",
}

// AttachmentMediaTypeAllowed reports whether a media type (without parameters) may be stored.
func AttachmentMediaTypeAllowed(mediaType string) bool {
	for _, t := range AttachmentMediaTypes {
		if t == mediaType {
			return true
		}
	}
	return false
}

// SanitiseFileName turns the name a client sent into one that is safe to store and to offer
// back in a Content-Disposition: only its last path component (either slash), without control
// or format characters, invalid UTF-8 or characters that file systems refuse, without leading
// dots and surrounding spaces, at most MaxFileNameLength characters with the extension kept.
// "../../etc/passwd" becomes "passwd"; a name with nothing left becomes "file".
func SanitiseFileName(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			continue
		case strings.ContainsRune(`<>:"|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Trim(b.String(), " .")
	for strings.Contains(name, "  ") {
		name = strings.ReplaceAll(name, "  ", " ")
	}
	if name == "" {
		return "file"
	}
	if utf8.RuneCountInString(name) > MaxFileNameLength {
		ext := path.Ext(name)
		if utf8.RuneCountInString(ext) > 20 {
			ext = ""
		}
		runes := []rune(strings.TrimSuffix(name, ext))
		name = strings.TrimRight(string(runes[:MaxFileNameLength-utf8.RuneCountInString(ext)]), " .") + ext
	}
	return name
}

// CanEditNewProduct: the partners of the organisations involved, the coordinators and admins.
func CanEditNewProduct(s Scope, n *NewProduct) bool {
	if s.IsCoordinator() {
		return true
	}
	if s.Actor == nil || !s.Has(RolePartner) {
		return false
	}
	for _, o := range n.OrganisationIDs {
		if o == s.Actor.OrganisationID {
			return true
		}
	}
	return false
}
