package httpapi

import (
	"encoding/hex"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// attachmentUploader names who uploaded a file; absent when the account is gone.
type attachmentUploader struct {
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
}

type attachmentResponse struct {
	ID        uuid.UUID `json:"id"`
	OwnerType string    `json:"owner_type"`
	OwnerID   uuid.UUID `json:"owner_id"`
	FileName  string    `json:"file_name"`
	// Role is what an activity's file is; null for none and for other objects' files.
	Role       *string             `json:"role"`
	MediaType  string              `json:"media_type"`
	Size       int64               `json:"size"`
	SHA256     string              `json:"sha256"`
	UploadedBy *attachmentUploader `json:"uploaded_by"`
	CreatedAt  time.Time           `json:"created_at"`
	CanDelete  bool                `json:"can_delete"`
	// DownloadURL is where GET /attachments/{id} serves the bytes.
	DownloadURL string `json:"download_url"`
	// Version is what PATCH /attachments/{id} sends back in If-Match.
	Version int `json:"version"`
}

type attachmentListResponse struct {
	Items []attachmentResponse `json:"items"`
}

func toAttachmentResponse(v service.AttachmentView) attachmentResponse {
	out := attachmentResponse{ID: v.ID, OwnerType: string(v.Owner.Type), OwnerID: v.Owner.ID, FileName: v.FileName, MediaType: v.MediaType,
		Size: v.Size, SHA256: hex.EncodeToString(v.SHA256), CreatedAt: v.CreatedAt, CanDelete: v.CanDelete,
		DownloadURL: "/api/v1/attachments/" + v.ID.String(), Version: v.Version}
	if v.Role != "" {
		role := v.Role
		out.Role = &role
	}
	if v.UploadedBy != nil {
		out.UploadedBy = &attachmentUploader{ID: *v.UploadedBy, Name: v.UploaderName}
	}
	return out
}

// attachmentPatchRequest says what an activity's file is: role must be sent, null for none. It
// is the only member a file has to change, so any other is refused rather than ignored.
type attachmentPatchRequest struct {
	Role *string `json:"role" nullable:"true" required:"true"`
}

func (attachmentPatchRequest) closedObject() {}

// checkRules holds role to the closed list before the file is looked up.
func (r *attachmentPatchRequest) checkRules() []domain.FieldError {
	if r.Role != nil && !slices.Contains(domain.AttachmentRoles, *r.Role) {
		return []domain.FieldError{{Field: "role", Code: domain.FieldOneOf, Params: map[string]any{"allowed": domain.AttachmentRoles},
			Message: "must be one of discussion_paper, comment_paper, minutes, other, or null for none"}}
	}
	return nil
}

// role is the role to set, empty for none.
func (r *attachmentPatchRequest) role() string {
	if r.Role == nil {
		return ""
	}
	return *r.Role
}
