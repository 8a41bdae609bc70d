package service

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// ActivityStore keeps a programme's exchange activities.
type ActivityStore interface {
	// CreateActivity stores an activity with its parts.
	CreateActivity(ctx context.Context, a domain.Activity) (domain.Activity, error)
	// Activity returns CodeNotFound for an unknown id; lock holds the row for the transaction in ctx.
	Activity(ctx context.Context, id uuid.UUID, lock bool) (domain.Activity, error)
	// ListActivities returns a page of summaries: the parts counted, not read.
	ListActivities(ctx context.Context, f domain.ActivityFilter, p domain.PageRequest) (domain.Page[domain.ActivitySummary], error)
	// ActivityListVersion names the state of the programme its activity lists are read from; it
	// changes at the commit of any change that can change a list.
	ActivityListVersion(ctx context.Context, programmeID uuid.UUID) (int64, error)
	// UpdateActivity returns CodeNotFound for an unknown id and CodeVersionMismatch when version
	// is not the stored one.
	UpdateActivity(ctx context.Context, a domain.Activity, version int) (domain.Activity, error)
	// DeleteActivity returns CodeNotFound for an unknown id.
	DeleteActivity(ctx context.Context, id uuid.UUID) error
	// SetFollowUpStatus returns CodeNotFound when the follow-up is not the activity's.
	SetFollowUpStatus(ctx context.Context, activityID, followUpID uuid.UUID, status string) error
	// ProgrammeOrganisations returns those of ids whose people are members of the programme.
	ProgrammeOrganisations(ctx context.Context, programmeID uuid.UUID, ids []uuid.UUID) (map[uuid.UUID]domain.Organisation, error)
	// ProgrammePracticeRefs returns those of ids that are practices of the programme past their draft.
	ProgrammePracticeRefs(ctx context.Context, programmeID uuid.UUID, ids []uuid.UUID) (map[uuid.UUID]bool, error)
}

// ActivityView is an activity with what the caller may do with it.
type ActivityView struct {
	domain.Activity
	CanEdit, CanDelete bool
	// CanSetFollowUp says, per follow-up, whether the caller may mark it open or done.
	CanSetFollowUp map[uuid.UUID]bool
}

func activityView(sc domain.Scope, a domain.Activity) ActivityView {
	v := ActivityView{Activity: a, CanEdit: domain.CanEditActivity(sc, &a), CanDelete: domain.CanManageProgramme(sc),
		CanSetFollowUp: make(map[uuid.UUID]bool, len(a.FollowUps))}
	for i := range a.FollowUps {
		v.CanSetFollowUp[a.FollowUps[i].ID] = domain.CanSetFollowUpStatus(sc, &a, &a.FollowUps[i])
	}
	return v
}

// ActivitySummaryView is an activity as a list shows it, with what the caller may do with it,
// decided by the same rules as for the whole activity.
type ActivitySummaryView struct {
	domain.ActivitySummary
	CanEdit, CanDelete bool
}

func activitySummaryView(sc domain.Scope, a domain.ActivitySummary) ActivitySummaryView {
	return ActivitySummaryView{ActivitySummary: a, CanEdit: domain.CanEditActivitySummary(sc, &a), CanDelete: domain.CanManageProgramme(sc)}
}

// FollowUpInput is a follow-up as an editor writes it; ID names one the activity has already.
type FollowUpInput struct {
	ID                  *uuid.UUID
	Title               string
	OwnerOrganisationID uuid.UUID
	DueOn               *time.Time
	Status              string
}

// ActivityInput is an activity as a coordinator writes it.
type ActivityInput struct {
	Kind, Title, Description string
	HostOrganisationID       uuid.UUID
	Country, City, OnlineURL string
	StartsAt, EndsAt         time.Time
	Status, Minutes          string
	PracticeIDs              []uuid.UUID
	Participants             []domain.ActivityParticipant
	Agenda                   []domain.AgendaItem
	FollowUps                []FollowUpInput
}

// ActivityPatch lists what an edit of an activity may change; nil leaves a field as it is, and a
// list replaces the whole list.
type ActivityPatch struct {
	Kind, Title, Description *string
	HostOrganisationID       *uuid.UUID
	Country, City, OnlineURL *string
	StartsAt, EndsAt         *time.Time
	Status, Minutes          *string
	PracticeIDs              *[]uuid.UUID
	Participants             *[]domain.ActivityParticipant
	Agenda                   *[]domain.AgendaItem
	FollowUps                *[]FollowUpInput
}

// followUps turns the editor's follow-ups into the activity's: those naming an id the activity
// has keep it, new ones get one. An id the activity does not have is a field error; a new
// activity (existing nil) has none, so every follow-up is new.
func followUps(in []FollowUpInput, existing *domain.Activity) ([]domain.FollowUp, []domain.FieldError) {
	out := make([]domain.FollowUp, 0, len(in))
	var errs []domain.FieldError
	seen := map[uuid.UUID]bool{}
	for i, f := range in {
		id := uuid.New()
		if f.ID != nil && existing != nil {
			if existing.FollowUp(*f.ID) == nil || seen[*f.ID] {
				errs = append(errs, domain.FieldError{Field: fieldIndex("follow_ups", i) + ".id", Message: "is not a follow-up of this activity"})
				continue
			}
			id = *f.ID
			seen[id] = true
		}
		status := f.Status
		if status == "" {
			status = domain.FollowUpOpen
		}
		var due *time.Time
		if f.DueOn != nil {
			d := time.Date(f.DueOn.Year(), f.DueOn.Month(), f.DueOn.Day(), 0, 0, 0, 0, time.UTC)
			due = &d
		}
		out = append(out, domain.FollowUp{ID: id, Title: strings.TrimSpace(f.Title), OwnerOrganisationID: f.OwnerOrganisationID, DueOn: due, Status: status})
	}
	return out, errs
}

// apply changes a as the patch says; it returns the field errors of follow-ups it cannot keep.
func (in ActivityPatch) apply(a *domain.Activity) []domain.FieldError {
	setIf(&a.Kind, in.Kind, nil)
	setIf(&a.Title, in.Title, strings.TrimSpace)
	setIf(&a.Description, in.Description, strings.TrimSpace)
	setIf(&a.HostOrganisationID, in.HostOrganisationID, nil)
	setIf(&a.Country, in.Country, nil)
	setIf(&a.City, in.City, strings.TrimSpace)
	setIf(&a.OnlineURL, in.OnlineURL, strings.TrimSpace)
	setIf(&a.StartsAt, in.StartsAt, nil)
	setIf(&a.EndsAt, in.EndsAt, nil)
	setIf(&a.Status, in.Status, nil)
	setIf(&a.Minutes, in.Minutes, strings.TrimSpace)
	setIf(&a.PracticeIDs, in.PracticeIDs, nil)
	setIf(&a.Participants, in.Participants, nil)
	setIf(&a.Agenda, in.Agenda, nil)
	if in.FollowUps == nil {
		return nil
	}
	fs, errs := followUps(*in.FollowUps, a)
	a.FollowUps = fs
	return errs
}

// checkActivity enforces the rules that need the programme: the host, the participants and the
// follow-ups' owners take part in it, the practices are its own, and the shape rules of
// domain.CheckActivityShape. An activity without a country takes its host's.
func (s *Service) checkActivity(ctx context.Context, a *domain.Activity, errs []domain.FieldError) error {
	ids := []uuid.UUID{a.HostOrganisationID}
	for _, p := range a.Participants {
		ids = append(ids, p.OrganisationID)
	}
	for _, f := range a.FollowUps {
		ids = append(ids, f.OwnerOrganisationID)
	}
	orgs, err := s.activities.ProgrammeOrganisations(ctx, a.ProgrammeID, ids)
	if err != nil {
		return err
	}
	notIn := func(field string) domain.FieldError {
		return domain.FieldError{Field: field, Code: domain.FieldNotInProgramme, Message: "is not an organisation of this programme"}
	}
	host, ok := orgs[a.HostOrganisationID]
	if !ok {
		errs = append(errs, notIn("host_organisation_id"))
	} else if a.Country == "" {
		a.Country = host.Country
	}
	for i, p := range a.Participants {
		if _, ok := orgs[p.OrganisationID]; !ok {
			errs = append(errs, notIn(fieldIndex("participants", i)+".organisation_id"))
		}
	}
	for i, f := range a.FollowUps {
		if _, ok := orgs[f.OwnerOrganisationID]; !ok {
			errs = append(errs, notIn(fieldIndex("follow_ups", i)+".owner_organisation_id"))
		}
	}
	practices, err := s.activities.ProgrammePracticeRefs(ctx, a.ProgrammeID, a.PracticeIDs)
	if err != nil {
		return err
	}
	for i, id := range a.PracticeIDs {
		if !practices[id] {
			errs = append(errs, domain.FieldError{Field: fieldIndex("practice_ids", i), Code: domain.FieldNotInProgramme,
				Message: "is not a submitted practice of this programme"})
		}
	}
	countries := make(map[uuid.UUID]string, len(orgs))
	for id, o := range orgs {
		countries[id] = o.Country
	}
	errs = append(errs, domain.CheckActivityShape(a, countries)...)
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

// auditActivity records a change of an activity under its title of the moment.
func (s *Service) auditActivity(ctx context.Context, a *domain.Actor, act *domain.Activity, action string, before, after map[string]any) error {
	actor := a.UserID
	return s.auditLog.AppendAudit(ctx, domain.AuditEntry{ProgrammeID: &act.ProgrammeID, ActorID: &actor, Action: action, ObjectType: "activity",
		ObjectID: act.ID, Before: before, After: after, ObjectTitle: act.Title})
}

// activitySummary is what the audit log records of an activity.
func activitySummary(a *domain.Activity) map[string]any {
	return map[string]any{"title": a.Title, "kind": a.Kind, "status": a.Status, "host_organisation_id": a.HostOrganisationID.String(),
		"starts_at": a.StartsAt.UTC().Format(time.RFC3339), "ends_at": a.EndsAt.UTC().Format(time.RFC3339),
		"participants": len(a.Participants), "follow_ups": len(a.FollowUps)}
}

// activityScope reads an activity and the caller's standing in its programme; an activity of a
// programme the caller is not a member of is CodeNotFound, like one that does not exist.
func (s *Service) activityScope(ctx context.Context, a *domain.Actor, id uuid.UUID, lock bool) (domain.Activity, domain.Scope, error) {
	act, err := s.activities.Activity(ctx, id, lock)
	if err != nil {
		return act, domain.Scope{}, err
	}
	sc, err := s.scope(ctx, a, act.ProgrammeID)
	if err != nil {
		return domain.Activity{}, sc, notFoundAs(err, domain.NotFound("Activity"))
	}
	return act, sc, nil
}

// ListActivities lists a programme's activities as summaries (Activity reads one with its
// parts); every member reads them.
func (s *Service) ListActivities(ctx context.Context, a *domain.Actor, f domain.ActivityFilter, p domain.PageRequest) (domain.Page[ActivitySummaryView], error) {
	sc, err := s.scope(ctx, a, f.ProgrammeID)
	if err != nil {
		return domain.Page[ActivitySummaryView]{}, err
	}
	version, err := s.activities.ActivityListVersion(ctx, f.ProgrammeID)
	if err != nil {
		return domain.Page[ActivitySummaryView]{}, err
	}
	// Every member reads the same list; what each may do with an item is decided below.
	key, _ := json.Marshal(struct {
		V int64
		F domain.ActivityFilter
		P domain.PageRequest
	}{version, f, p})
	page, err := s.activityLists.cached(string(key), func() (domain.Page[domain.ActivitySummary], error) {
		return s.activities.ListActivities(ctx, f, p)
	})
	if err != nil {
		return domain.Page[ActivitySummaryView]{}, err
	}
	out := domain.Page[ActivitySummaryView]{Items: make([]ActivitySummaryView, len(page.Items)), Page: page.Page, Size: page.Size, Total: page.Total}
	for i, act := range page.Items {
		out.Items[i] = activitySummaryView(sc, act)
	}
	return out, nil
}

// activityListsSize bounds the activity list pages kept in memory: a page of 100 summaries is
// some tens of kilobytes.
const activityListsSize = 256

// activityListCache keeps pages of a programme's activity list under its ActivityListVersion: a
// page read again before anything changed costs one primary-key lookup instead of counting each
// activity's participants, practices and open follow-ups. A kept page is shared by every request
// that finds it, and is never changed.
type activityListCache = keptCache[domain.Page[domain.ActivitySummary]]

func newActivityListCache() *activityListCache { return &activityListCache{size: activityListsSize} }

// Activity reads an activity of a programme the caller belongs to; any other is CodeNotFound.
func (s *Service) Activity(ctx context.Context, a *domain.Actor, id uuid.UUID) (ActivityView, error) {
	act, sc, err := s.activityScope(ctx, a, id, false)
	if err != nil {
		return ActivityView{}, err
	}
	return activityView(sc, act), nil
}

// CreateActivity records an activity (coordinators). Returns CodeNotFound outside the caller's
// programmes, CodeForbidden for members who do not coordinate it, CodeValidation for
// organisations or practices that are not the programme's, an end before the start, or a
// peer-review meeting without exactly one host or with peers from the host's country.
func (s *Service) CreateActivity(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, in ActivityInput) (ActivityView, error) {
	sc, err := s.coordinatorScope(ctx, a, programmeID, "Programme")
	if err != nil {
		return ActivityView{}, err
	}
	creator := a.UserID
	act := domain.Activity{ID: uuid.New(), ProgrammeID: programmeID, Kind: in.Kind, Title: strings.TrimSpace(in.Title),
		Description: strings.TrimSpace(in.Description), HostOrganisationID: in.HostOrganisationID, Country: in.Country,
		City: strings.TrimSpace(in.City), OnlineURL: strings.TrimSpace(in.OnlineURL), StartsAt: in.StartsAt.UTC(), EndsAt: in.EndsAt.UTC(),
		Status: in.Status, Minutes: strings.TrimSpace(in.Minutes), PracticeIDs: in.PracticeIDs, Participants: in.Participants,
		Agenda: in.Agenda, CreatedBy: &creator}
	if act.Status == "" {
		act.Status = domain.ActivityPlanned
	}
	fs, errs := followUps(in.FollowUps, nil)
	act.FollowUps = fs
	if err := s.checkActivity(ctx, &act, errs); err != nil {
		return ActivityView{}, err
	}
	var out domain.Activity
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if out, err = s.activities.CreateActivity(ctx, act); err != nil {
			return err
		}
		return s.auditActivity(ctx, a, &out, "activity.created", nil, activitySummary(&out))
	})
	return activityView(sc, out), err
}

// UpdateActivity changes an activity (coordinators and partners of the host organisation) when
// version is current: the same codes as CreateActivity, and CodeVersionMismatch.
func (s *Service) UpdateActivity(ctx context.Context, a *domain.Actor, id uuid.UUID, version int, in ActivityPatch) (ActivityView, error) {
	var (
		out domain.Activity
		sc  domain.Scope
	)
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		act, scope, err := s.activityScope(ctx, a, id, true)
		if err != nil {
			return err
		}
		sc = scope
		if !domain.CanEditActivity(sc, &act) {
			return domain.Forbidden("Only the programme's coordinators and the host organisation's partners can change this activity.")
		}
		if act.Version != version {
			return domain.Errorf(domain.CodeVersionMismatch, "The activity was changed by someone else; reload it and try again.")
		}
		before := activitySummary(&act)
		errs := in.apply(&act)
		if err := s.checkActivity(ctx, &act, errs); err != nil {
			return err
		}
		if out, err = s.activities.UpdateActivity(ctx, act, version); err != nil {
			return err
		}
		return s.auditActivity(ctx, a, &out, "activity.updated", before, activitySummary(&out))
	})
	return activityView(sc, out), err
}

// DeleteActivity removes an activity (coordinators): CodeNotFound outside the caller's
// programmes, CodeForbidden for other members.
func (s *Service) DeleteActivity(ctx context.Context, a *domain.Actor, id uuid.UUID) error {
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		act, sc, err := s.activityScope(ctx, a, id, true)
		if err != nil {
			return err
		}
		if !domain.CanManageProgramme(sc) {
			return domain.Forbidden("Only the programme's coordinators can delete an activity.")
		}
		if err := s.activities.DeleteActivity(ctx, id); err != nil {
			return err
		}
		return s.auditActivity(ctx, a, &act, "activity.deleted", activitySummary(&act), nil)
	})
}

// SetFollowUpStatus marks a follow-up open or done (members of its owner organisation, and
// whoever may edit the activity): CodeNotFound outside the caller's programmes or for a
// follow-up of another activity, CodeForbidden for other members.
func (s *Service) SetFollowUpStatus(ctx context.Context, a *domain.Actor, activityID, followUpID uuid.UUID, status string) (ActivityView, error) {
	var (
		out domain.Activity
		sc  domain.Scope
	)
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		act, scope, err := s.activityScope(ctx, a, activityID, true)
		if err != nil {
			return err
		}
		sc = scope
		f := act.FollowUp(followUpID)
		if f == nil {
			return domain.NotFound("Follow-up")
		}
		if !domain.CanSetFollowUpStatus(sc, &act, f) {
			return domain.Forbidden("Only the follow-up's owner organisation and the activity's editors can change its status.")
		}
		before := f.Status
		if before != status {
			if err := s.activities.SetFollowUpStatus(ctx, activityID, followUpID, status); err != nil {
				return err
			}
		}
		if out, err = s.activities.Activity(ctx, activityID, false); err != nil {
			return err
		}
		if before == status {
			return nil
		}
		return s.auditActivity(ctx, a, &out, "activity.follow_up_status",
			map[string]any{"follow_up_id": followUpID.String(), "title": f.Title, "status": before},
			map[string]any{"follow_up_id": followUpID.String(), "title": f.Title, "status": status})
	})
	return activityView(sc, out), err
}
