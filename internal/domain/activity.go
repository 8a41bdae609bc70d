package domain

import (
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Activity kinds: how partners of a programme meet to learn from each other.
const (
	ActivityStudyVisit        = "study_visit"
	ActivityPeerReviewMeeting = "peer_review_meeting"
	ActivityWorkshop          = "workshop"
	ActivityWebinar           = "webinar"
	ActivityConference        = "conference"
	ActivityOther             = "other"
)

// ActivityKinds is the closed list of activity kinds.
var ActivityKinds = []string{ActivityStudyVisit, ActivityPeerReviewMeeting, ActivityWorkshop, ActivityWebinar, ActivityConference, ActivityOther}

// Activity statuses.
const (
	ActivityPlanned   = "planned"
	ActivityHeld      = "held"
	ActivityCancelled = "cancelled"
)

// ActivityStatuses is the closed list of activity statuses.
var ActivityStatuses = []string{ActivityPlanned, ActivityHeld, ActivityCancelled}

// Participant roles.
const (
	ParticipantHost   = "host"
	ParticipantPeer   = "peer"
	ParticipantExpert = "expert"
	ParticipantOther  = "participant"
)

// ParticipantRoles is the closed list of the roles an organisation has in an activity.
var ParticipantRoles = []string{ParticipantHost, ParticipantPeer, ParticipantExpert, ParticipantOther}

// Follow-up statuses.
const (
	FollowUpOpen = "open"
	FollowUpDone = "done"
)

// FollowUpStatuses is the closed list of follow-up statuses.
var FollowUpStatuses = []string{FollowUpOpen, FollowUpDone}

// Activity is an exchange between partners of a programme: a study visit, a peer-review meeting,
// a workshop, a webinar, a conference.
type Activity struct {
	ID                 uuid.UUID
	ProgrammeID        uuid.UUID
	Kind               string
	Title              string
	Description        string
	HostOrganisationID uuid.UUID
	Country            string // empty when none applies (an online activity)
	City               string
	OnlineURL          string
	StartsAt, EndsAt   time.Time
	Status             string
	Minutes            string
	PracticeIDs        []uuid.UUID
	Participants       []ActivityParticipant
	Agenda             []AgendaItem
	FollowUps          []FollowUp
	CreatedBy          *uuid.UUID
	Version            int
	CreatedAt          time.Time
	UpdatedAt          time.Time
	// Filled when read, for display.
	HostOrganisationName    string
	HostOrganisationCountry string
	Practices               []ActivityPractice
}

// ActivitySummary is an activity as a list shows it: without its text and parts, with counts of
// the parts instead.
type ActivitySummary struct {
	ID                   uuid.UUID
	ProgrammeID          uuid.UUID
	Kind                 string
	Title                string
	HostOrganisationID   uuid.UUID
	HostOrganisationName string
	Country              string // empty when none applies (an online activity)
	City                 string
	OnlineURL            string
	StartsAt, EndsAt     time.Time
	Status               string
	// ParticipantOrganisations counts the organisations taking part (each takes part once), People
	// the people they send.
	ParticipantOrganisations int
	People                   int
	PracticeCount            int
	// OpenFollowUps counts the follow-ups not done yet.
	OpenFollowUps int
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// ActivityParticipant is an organisation taking part in an activity.
type ActivityParticipant struct {
	OrganisationID uuid.UUID
	Role           string
	People         int
	// Filled when read.
	OrganisationName string
	Country          string
}

// AgendaItem is one point of an activity's programme.
type AgendaItem struct {
	At    time.Time
	Title string
}

// FollowUp is something an organisation agreed to do after an activity.
type FollowUp struct {
	ID                  uuid.UUID
	Title               string
	OwnerOrganisationID uuid.UUID
	DueOn               *time.Time // a date, at midnight UTC
	Status              string
	// Filled when read.
	OwnerOrganisationName string
}

// ActivityPractice is a practice presented at an activity, as the activity page names it.
type ActivityPractice struct {
	ID      uuid.UUID
	Title   string
	Country string
}

// ActivityFilter narrows a programme's activity list; the window keeps activities that overlap
// [From, To).
type ActivityFilter struct {
	ProgrammeID uuid.UUID
	Status      string
	Kind        string
	From, To    *time.Time
}

// CheckActivityShape names the fields of a that break the rules that need nothing but the
// activity and its organisations' countries (orgCountry): it ends at or after it starts, an
// organisation takes part once, and a peer-review meeting in the Mutual Learning Programme's way
// has exactly one host, the host organisation, and peers from other countries than the host's.
func CheckActivityShape(a *Activity, orgCountry map[uuid.UUID]string) []FieldError {
	var errs []FieldError
	if a.EndsAt.Before(a.StartsAt) {
		errs = append(errs, FieldError{Field: "ends_at", Code: FieldEndsBeforeStart, Message: "must not be before starts_at"})
	}
	seen := map[uuid.UUID]bool{}
	for i, p := range a.Participants {
		if seen[p.OrganisationID] {
			errs = append(errs, FieldError{Field: participantField(i) + ".organisation_id", Code: FieldDuplicate, Message: "takes part once"})
		}
		seen[p.OrganisationID] = true
	}
	if a.Kind != ActivityPeerReviewMeeting {
		return errs
	}
	hosts := 0
	for _, p := range a.Participants {
		if p.Role == ParticipantHost {
			hosts++
		}
	}
	if hosts != 1 {
		return append(errs, FieldError{Field: "participants", Code: FieldHostCount, Params: map[string]any{"count": hosts},
			Message: "a peer-review meeting has exactly one host participant"})
	}
	hostCountry := orgCountry[a.HostOrganisationID]
	for i, p := range a.Participants {
		switch {
		case p.Role == ParticipantHost && p.OrganisationID != a.HostOrganisationID:
			errs = append(errs, FieldError{Field: participantField(i) + ".organisation_id", Code: FieldInvalid,
				Message: "the host participant is the host organisation"})
		case p.Role == ParticipantPeer && hostCountry != "" && orgCountry[p.OrganisationID] == hostCountry:
			errs = append(errs, FieldError{Field: participantField(i) + ".organisation_id", Code: FieldSameCountryAsHost,
				Params: map[string]any{"country": hostCountry}, Message: "peers come from other countries than the host"})
		}
	}
	return errs
}

// CanEditActivity: the programme's coordinators, and partners of the host organisation.
func CanEditActivity(s Scope, a *Activity) bool { return canEditHostedBy(s, a.HostOrganisationID) }

// CanEditActivitySummary is CanEditActivity for an activity as a list shows it.
func CanEditActivitySummary(s Scope, a *ActivitySummary) bool {
	return canEditHostedBy(s, a.HostOrganisationID)
}

// canEditHostedBy is the rule of CanEditActivity, which needs nothing of an activity but its host.
func canEditHostedBy(s Scope, host uuid.UUID) bool {
	if s.IsCoordinator() {
		return true
	}
	return s.Has(RolePartner) && s.Actor != nil && s.Actor.OrganisationID == host
}

// CanSetFollowUpStatus: whoever may edit the activity, and members of the follow-up's owner
// organisation.
func CanSetFollowUpStatus(s Scope, a *Activity, f *FollowUp) bool {
	return CanEditActivity(s, a) || (s.IsMember() && s.Actor != nil && s.Actor.OrganisationID == f.OwnerOrganisationID)
}

// FollowUp returns the activity's follow-up with id, or nil.
func (a *Activity) FollowUp(id uuid.UUID) *FollowUp {
	i := slices.IndexFunc(a.FollowUps, func(f FollowUp) bool { return f.ID == id })
	if i < 0 {
		return nil
	}
	return &a.FollowUps[i]
}

// FollowUpDue is an open follow-up falling due, with the people to tell: the members of the
// programme who work for its owner organisation.
type FollowUpDue struct {
	FollowUp      FollowUp
	ActivityID    uuid.UUID
	ActivityTitle string
	ProgrammeID   uuid.UUID
	Recipients    []uuid.UUID
}

// CalendarEntry is one event of a person's calendar feed: an activity or a review deadline.
type CalendarEntry struct {
	// UID is stable for the object: the same activity or assignment keeps it.
	UID         string
	Summary     string
	Description string
	Location    string
	URL         string
	Start       time.Time
	End         *time.Time // nil for a deadline: a moment
	Cancelled   bool
	Updated     time.Time
}

// participantField is the JSON path of a participant's organisation.
func participantField(i int) string { return "participants[" + strconv.Itoa(i) + "]" }
