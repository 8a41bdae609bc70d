package domain

import (
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// PracticeStatus is where a practice stands in its life.
type PracticeStatus string

const (
	StatusDraft             PracticeStatus = "draft"
	StatusSubmitted         PracticeStatus = "submitted"
	StatusInReview          PracticeStatus = "in_review"
	StatusPublished         PracticeStatus = "published"
	StatusRevisionRequested PracticeStatus = "revision_requested"
	StatusNotRetained       PracticeStatus = "not_retained"
	StatusWithdrawn         PracticeStatus = "withdrawn"
	StatusArchived          PracticeStatus = "archived"
)

// PracticeStatuses lists every status, for filters.
var PracticeStatuses = []PracticeStatus{StatusDraft, StatusSubmitted, StatusInReview, StatusPublished, StatusRevisionRequested, StatusNotRetained, StatusWithdrawn, StatusArchived}

// EvidenceLevels is the closed vocabulary of evidence levels, weakest first.
var EvidenceLevels = []string{"none", "monitoring", "evaluation", "controlled_study"}

// ProductKinds is the closed vocabulary of product and service kinds.
var ProductKinds = []string{"guidance", "assessment", "information", "training", "placement", "network", "tool", "service", "other"}

// TranslationStatuses: machine translations are marked so that readers know.
var TranslationStatuses = []string{"machine", "verified"}

// Practice is a good-practice description owned by an organisation inside a programme.
type Practice struct {
	ID             uuid.UUID
	ProgrammeID    uuid.UUID
	OrganisationID uuid.UUID
	CreatedBy      uuid.UUID
	// PracticeText is the text a revision freezes: title, content, products, translations.
	PracticeText
	// CallID is the call the practice answers, if any; it changes only while a draft.
	CallID      *uuid.UUID
	Status      PracticeStatus
	Revision    int
	Decision    *Decision
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt *time.Time
	PublishedAt *time.Time
	// Filled when read for display.
	OrganisationName    string
	OrganisationCountry string
	ProgrammeName       string
	Rank                float64
	// Listing is set by lists, which read what a summary shows instead of the practice's text
	// (content, products and translations stay unread).
	Listing *PracticeListing
}

// PracticeListing is what a list shows of a practice's text besides its title and summary.
type PracticeListing struct {
	EvidenceLevel        string
	TranslationLanguages []string
	ProductsCount        int
	// Translation is the practice's title and summary in the language the list was asked to
	// read in, when it has a translation there; nil otherwise.
	Translation *ListedTranslation
	// Recognition is the label the public catalogue shows, read by its lists only.
	Recognition *Recognition
}

// ListedTranslation is what a list shows of one translation: its marker and its head.
type ListedTranslation struct {
	Language string
	Status   string
	Title    string
	Summary  string
}

// PracticeContent holds the structured sections of a practice.
type PracticeContent struct {
	Context           string
	Approach          string
	Resources         string
	Scale             Scale
	Evidence          Evidence
	Outcomes          string
	Transferability   string
	LessonsLearned    string
	LearningQuestions []string
	Links             []Link
	Contact           Contact
}

// Scale says how large the practice is.
type Scale struct {
	Participants *int
	Sites        *int
	SinceYear    *int
}

// Evidence says what is known about the practice's effect.
type Evidence struct {
	Level       string
	Description string
	Indicators  []string
}

// Link points to material about the practice.
type Link struct {
	Title string
	URL   string
}

// Contact is who to ask about the practice.
type Contact struct {
	Name  string
	Email string
}

// Product is a product or service of a practice; its core elements must not change when adapted.
type Product struct {
	ID           uuid.UUID
	Name         string
	Kind         string
	Description  string
	CoreElements []string
}

// Translation holds the text fields of a practice in another language.
type Translation struct {
	Status            string
	Title             string
	Summary           string
	Context           string
	Approach          string
	Resources         string
	Outcomes          string
	Transferability   string
	LessonsLearned    string
	LearningQuestions []string
	Products          []ProductTranslation
	UpdatedAt         time.Time
	UpdatedBy         uuid.UUID
}

// ProductTranslation is a product's name and description in another language.
type ProductTranslation struct {
	ID          uuid.UUID
	Name        string
	Description string
}

// Decision is a coordinator's verdict after review.
type Decision struct {
	Outcome   string
	Rationale string
	DecidedAt time.Time
	RoundID   uuid.UUID
}

// Revision is the frozen text of one submission.
type Revision struct {
	PracticeID uuid.UUID
	Number     int
	Snapshot   PracticeText
	CreatedBy  uuid.UUID
	CreatedAt  time.Time
}

// PracticeAction is something that moves a practice from one status to another.
type PracticeAction string

const (
	ActionSubmit   PracticeAction = "submit"
	ActionWithdraw PracticeAction = "withdraw"
	ActionReopen   PracticeAction = "reopen"
	ActionReview   PracticeAction = "start_review"
	ActionPublish  PracticeAction = "publish"
	ActionRevise   PracticeAction = "request_revision"
	ActionReject   PracticeAction = "not_retain"
	ActionArchive  PracticeAction = "archive"
)

// practiceTransitions is the status machine of SPEC §3: from → action → to.
var practiceTransitions = map[PracticeStatus]map[PracticeAction]PracticeStatus{
	StatusDraft:             {ActionSubmit: StatusSubmitted},
	StatusSubmitted:         {ActionWithdraw: StatusWithdrawn, ActionReview: StatusInReview},
	StatusWithdrawn:         {ActionReopen: StatusDraft},
	StatusInReview:          {ActionPublish: StatusPublished, ActionRevise: StatusRevisionRequested, ActionReject: StatusNotRetained},
	StatusRevisionRequested: {ActionSubmit: StatusSubmitted},
	StatusPublished:         {ActionArchive: StatusArchived},
	StatusNotRetained:       {ActionArchive: StatusArchived},
}

// Transition returns the status action leads to from from, or CodeInvalidTransition.
func Transition(from PracticeStatus, action PracticeAction) (PracticeStatus, error) {
	if to, ok := practiceTransitions[from][action]; ok {
		return to, nil
	}
	return "", Errorf(CodeInvalidTransition, "A practice that is %s cannot be %s.", humanStatus(from), humanAction(action))
}

// Editable reports whether the owner may change the text: only drafts and practices sent back
// for revision.
func (s PracticeStatus) Editable() bool { return s == StatusDraft || s == StatusRevisionRequested }

// SubmittedOrLater is every status after the first submission (what coordinators see).
func (s PracticeStatus) SubmittedOrLater() bool { return s != StatusDraft }

func humanStatus(s PracticeStatus) string {
	switch s {
	case StatusInReview:
		return "in review"
	case StatusRevisionRequested:
		return "waiting for a revision"
	case StatusNotRetained:
		return "not retained"
	}
	return string(s)
}

func humanAction(a PracticeAction) string {
	switch a {
	case ActionSubmit:
		return "submitted"
	case ActionWithdraw:
		return "withdrawn"
	case ActionReopen:
		return "reopened"
	case ActionReview:
		return "put in review"
	case ActionPublish:
		return "published"
	case ActionRevise:
		return "sent back for revision"
	case ActionReject:
		return "marked not retained"
	case ActionArchive:
		return "archived"
	}
	return string(a)
}

// ValidEvidenceLevel reports whether v is an evidence level ("" means not yet stated).
func ValidEvidenceLevel(v string) bool { return v == "" || slices.Contains(EvidenceLevels, v) }

// SubmitProblems lists what a practice still lacks before it can be submitted for review.
func (p *Practice) SubmitProblems() []FieldError {
	var out []FieldError
	need := func(field string, ok bool, msg string) {
		if !ok {
			out = append(out, FieldError{Field: field, Message: msg})
		}
	}
	// Blanks are no text: the editor's checklist judges the same way.
	written := func(s string) bool { return strings.TrimSpace(s) != "" }
	need("summary", written(p.Summary), "is required to submit")
	need("themes", len(p.Themes) > 0, "needs at least one theme to submit")
	need("context", written(p.Content.Context), "is required to submit")
	need("approach", written(p.Content.Approach), "is required to submit")
	need("evidence.level", p.Content.Evidence.Level != "", "is required to submit")
	need("contact.name", written(p.Content.Contact.Name), "is required to submit")
	need("contact.email", written(p.Content.Contact.Email), "is required to submit")
	return out
}

// Product finds a product of the practice by id.
func (p *Practice) Product(id uuid.UUID) (Product, bool) {
	for _, pr := range p.Products {
		if pr.ID == id {
			return pr, true
		}
	}
	return Product{}, false
}

// PracticeViewer is what decides whether a caller sees a practice: their standing in the
// programme and whether they review it.
type PracticeViewer struct {
	Scope    Scope
	Reviewer bool // assigned to review this practice
}

// CanSeePractice applies SPEC §2: drafts to the owning organisation (and admins); submitted and
// later to the organisation, coordinators and assigned reviewers; published to every member.
func CanSeePractice(v PracticeViewer, p *Practice) bool {
	s := v.Scope
	if s.IsAdmin() {
		return true
	}
	if !s.IsMember() {
		return false
	}
	if s.Actor.OrganisationID == p.OrganisationID {
		return true
	}
	switch {
	case p.Status == StatusDraft:
		return false
	case p.Status == StatusPublished:
		return true
	case s.IsCoordinator():
		return true
	case v.Reviewer:
		return true
	}
	return false
}

// CanEditPractice: members of the owning organisation who are partners in the programme, and admins.
func CanEditPractice(s Scope, p *Practice) bool {
	if s.IsAdmin() {
		return true
	}
	return s.Actor != nil && s.Actor.OrganisationID == p.OrganisationID && s.Has(RolePartner)
}

// CanCreatePractice: partners of the programme, for their own organisation.
func CanCreatePractice(s Scope) bool { return s.IsAdmin() || s.Has(RolePartner) }
