package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type activityRow struct {
	ID                      uuid.UUID
	ProgrammeID             uuid.UUID
	Kind                    string
	Title                   string
	Description             string
	HostOrganisationID      uuid.UUID
	Country                 *string
	City                    string
	OnlineURL               string
	StartsAt                time.Time
	EndsAt                  time.Time
	Status                  string
	Minutes                 string
	CreatedBy               *uuid.UUID
	Version                 int
	CreatedAt               time.Time
	UpdatedAt               time.Time
	HostOrganisationName    string `gorm:"->"`
	HostOrganisationCountry string `gorm:"->"`
}

func (activityRow) TableName() string { return "activities" }

func (r activityRow) toDomain() domain.Activity {
	a := domain.Activity{ID: r.ID, ProgrammeID: r.ProgrammeID, Kind: r.Kind, Title: r.Title, Description: r.Description,
		HostOrganisationID: r.HostOrganisationID, City: r.City, OnlineURL: r.OnlineURL, StartsAt: r.StartsAt, EndsAt: r.EndsAt,
		Status: r.Status, Minutes: r.Minutes, CreatedBy: r.CreatedBy, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		HostOrganisationName: r.HostOrganisationName, HostOrganisationCountry: r.HostOrganisationCountry,
		PracticeIDs: []uuid.UUID{}, Practices: []domain.ActivityPractice{}, Participants: []domain.ActivityParticipant{},
		Agenda: []domain.AgendaItem{}, FollowUps: []domain.FollowUp{}}
	if r.Country != nil {
		a.Country = *r.Country
	}
	return a
}

func nullableCountry(c string) *string {
	if c == "" {
		return nil
	}
	return &c
}

const activitySelect = `a.id, a.programme_id, a.kind, a.title, a.description, a.host_organisation_id, a.country, a.city, a.online_url,
	a.starts_at, a.ends_at, a.status, a.minutes, a.created_by, a.version, a.created_at, a.updated_at,
	(SELECT o.name FROM organisations o WHERE o.id = a.host_organisation_id) AS host_organisation_name,
	(SELECT o.country FROM organisations o WHERE o.id = a.host_organisation_id) AS host_organisation_country`

// CreateActivity inserts a with its practices, participants, agenda and follow-ups.
func (s *Store) CreateActivity(ctx context.Context, a domain.Activity) (domain.Activity, error) {
	err := s.WithTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Exec(`INSERT INTO activities (id, programme_id, kind, title, description, host_organisation_id, country, city,
				online_url, starts_at, ends_at, status, minutes, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, a.ProgrammeID, a.Kind, a.Title, a.Description, a.HostOrganisationID, nullableCountry(a.Country), a.City,
			a.OnlineURL, a.StartsAt.UTC(), a.EndsAt.UTC(), a.Status, a.Minutes, a.CreatedBy).Error; err != nil {
			return translate(err)
		}
		return s.writeActivityParts(ctx, &a)
	})
	if err != nil {
		return domain.Activity{}, err
	}
	return s.Activity(ctx, a.ID, false)
}

// writeActivityParts replaces the activity's practices, participants and agenda with a's, and
// its follow-ups: those a names by id keep their row (and whether they were announced), the
// others are removed, new ones added.
func (s *Store) writeActivityParts(ctx context.Context, a *domain.Activity) error {
	db := s.conn(ctx)
	for _, table := range []string{"activity_practices", "activity_participants", "activity_agenda_items"} {
		if err := db.Exec(`DELETE FROM `+table+` WHERE activity_id = ?`, a.ID).Error; err != nil {
			return translate(err)
		}
	}
	for i, id := range a.PracticeIDs {
		if err := db.Exec(`INSERT INTO activity_practices (activity_id, practice_id, position) VALUES (?, ?, ?)`, a.ID, id, i).Error; err != nil {
			return translate(err)
		}
	}
	for i, p := range a.Participants {
		if err := db.Exec(`INSERT INTO activity_participants (activity_id, organisation_id, role, people, position) VALUES (?, ?, ?, ?, ?)`,
			a.ID, p.OrganisationID, p.Role, p.People, i).Error; err != nil {
			return translate(err)
		}
	}
	for i, it := range a.Agenda {
		if err := db.Exec(`INSERT INTO activity_agenda_items (activity_id, position, at, title) VALUES (?, ?, ?, ?)`, a.ID, i, it.At.UTC(), it.Title).Error; err != nil {
			return translate(err)
		}
	}
	keep := make([]uuid.UUID, 0, len(a.FollowUps))
	for _, f := range a.FollowUps {
		keep = append(keep, f.ID)
	}
	q := db.Exec(`DELETE FROM activity_follow_ups WHERE activity_id = ?`, a.ID)
	if len(keep) > 0 {
		q = db.Exec(`DELETE FROM activity_follow_ups WHERE activity_id = ? AND id NOT IN ?`, a.ID, keep)
	}
	if q.Error != nil {
		return translate(q.Error)
	}
	for i, f := range a.FollowUps {
		// An id of another activity's follow-up never moves it here: the conflict only updates a
		// row of this activity, and the service gives new follow-ups new ids.
		res := db.Exec(`INSERT INTO activity_follow_ups (id, activity_id, position, title, owner_organisation_id, due_on, status)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, owner_organisation_id = EXCLUDED.owner_organisation_id,
				due_on = EXCLUDED.due_on, status = EXCLUDED.status, updated_at = now()
			WHERE activity_follow_ups.activity_id = EXCLUDED.activity_id`,
			f.ID, a.ID, i, f.Title, f.OwnerOrganisationID, dateText(f.DueOn), f.Status)
		if res.Error != nil {
			return translate(res.Error)
		}
		if res.RowsAffected == 0 {
			return domain.Invalid(domain.FieldError{Field: "follow_ups", Message: "names a follow-up of another activity"})
		}
	}
	return nil
}

// dateText is a date as PostgreSQL's date type takes it.
func dateText(t *time.Time) *string {
	if t == nil {
		return nil
	}
	d := t.UTC().Format(time.DateOnly)
	return &d
}

// Activity reads one activity with its parts; lock holds its row for the transaction.
func (s *Store) Activity(ctx context.Context, id uuid.UUID, lock bool) (domain.Activity, error) {
	q := `SELECT ` + activitySelect + ` FROM activities a WHERE a.id = ?`
	if lock {
		q += ` FOR UPDATE OF a`
	}
	var rows []activityRow
	if err := s.conn(ctx).Raw(q, id).Scan(&rows).Error; err != nil {
		return domain.Activity{}, translate(err)
	}
	if len(rows) == 0 {
		return domain.Activity{}, domain.NotFound("Activity")
	}
	out := []domain.Activity{rows[0].toDomain()}
	if err := s.fillActivityParts(ctx, out); err != nil {
		return domain.Activity{}, err
	}
	return out[0], nil
}

// fillActivityParts reads the parts of every activity in as, a statement per kind of part.
func (s *Store) fillActivityParts(ctx context.Context, as []domain.Activity) error {
	if len(as) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(as))
	at := make(map[uuid.UUID]*domain.Activity, len(as))
	for i := range as {
		ids[i] = as[i].ID
		at[as[i].ID] = &as[i]
	}
	db := s.conn(ctx)
	var practices []struct {
		ActivityID, ID uuid.UUID
		Title, Country string
	}
	if err := db.Raw(`SELECT ap.activity_id, p.id, p.title, p.country FROM activity_practices ap JOIN practices p ON p.id = ap.practice_id
		WHERE ap.activity_id IN ? ORDER BY ap.activity_id, ap.position`, ids).Scan(&practices).Error; err != nil {
		return translate(err)
	}
	for _, p := range practices {
		a := at[p.ActivityID]
		a.PracticeIDs = append(a.PracticeIDs, p.ID)
		a.Practices = append(a.Practices, domain.ActivityPractice{ID: p.ID, Title: p.Title, Country: p.Country})
	}
	var participants []struct {
		ActivityID, OrganisationID      uuid.UUID
		Role, OrganisationName, Country string
		People                          int
	}
	if err := db.Raw(`SELECT ap.activity_id, ap.organisation_id, ap.role, ap.people, o.name AS organisation_name, o.country
		FROM activity_participants ap JOIN organisations o ON o.id = ap.organisation_id
		WHERE ap.activity_id IN ? ORDER BY ap.activity_id, ap.position`, ids).Scan(&participants).Error; err != nil {
		return translate(err)
	}
	for _, p := range participants {
		a := at[p.ActivityID]
		a.Participants = append(a.Participants, domain.ActivityParticipant{OrganisationID: p.OrganisationID, Role: p.Role, People: p.People,
			OrganisationName: p.OrganisationName, Country: p.Country})
	}
	var agenda []struct {
		ActivityID uuid.UUID
		At         time.Time
		Title      string
	}
	if err := db.Raw(`SELECT activity_id, at, title FROM activity_agenda_items WHERE activity_id IN ? ORDER BY activity_id, position`, ids).
		Scan(&agenda).Error; err != nil {
		return translate(err)
	}
	for _, it := range agenda {
		a := at[it.ActivityID]
		a.Agenda = append(a.Agenda, domain.AgendaItem{At: it.At, Title: it.Title})
	}
	var followUps []struct {
		ActivityID, ID, OwnerOrganisationID  uuid.UUID
		Title, Status, OwnerOrganisationName string
		DueOn                                *time.Time
	}
	if err := db.Raw(`SELECT f.activity_id, f.id, f.title, f.owner_organisation_id, f.due_on, f.status, o.name AS owner_organisation_name
		FROM activity_follow_ups f JOIN organisations o ON o.id = f.owner_organisation_id
		WHERE f.activity_id IN ? ORDER BY f.activity_id, f.position`, ids).Scan(&followUps).Error; err != nil {
		return translate(err)
	}
	for _, f := range followUps {
		a := at[f.ActivityID]
		var due *time.Time
		if f.DueOn != nil {
			d := time.Date(f.DueOn.Year(), f.DueOn.Month(), f.DueOn.Day(), 0, 0, 0, 0, time.UTC)
			due = &d
		}
		a.FollowUps = append(a.FollowUps, domain.FollowUp{ID: f.ID, Title: f.Title, OwnerOrganisationID: f.OwnerOrganisationID, DueOn: due,
			Status: f.Status, OwnerOrganisationName: f.OwnerOrganisationName})
	}
	return nil
}

// activitySorts are the orders the list offers.
var activitySorts = map[string]string{"starts_at": "a.starts_at"}

// activitySummaryRow is an activity as the list reads it: its own columns without the text, and
// its parts counted.
type activitySummaryRow struct {
	ID                       uuid.UUID
	ProgrammeID              uuid.UUID
	Kind                     string
	Title                    string
	HostOrganisationID       uuid.UUID
	HostOrganisationName     string
	Country                  *string
	City                     string
	OnlineURL                string
	StartsAt                 time.Time
	EndsAt                   time.Time
	Status                   string
	ParticipantOrganisations int
	People                   int
	PracticeCount            int
	OpenFollowUps            int
	Version                  int
	CreatedAt                time.Time
	UpdatedAt                time.Time
}

func (r activitySummaryRow) toDomain() domain.ActivitySummary {
	a := domain.ActivitySummary{ID: r.ID, ProgrammeID: r.ProgrammeID, Kind: r.Kind, Title: r.Title, HostOrganisationID: r.HostOrganisationID,
		HostOrganisationName: r.HostOrganisationName, City: r.City, OnlineURL: r.OnlineURL, StartsAt: r.StartsAt, EndsAt: r.EndsAt, Status: r.Status,
		ParticipantOrganisations: r.ParticipantOrganisations, People: r.People, PracticeCount: r.PracticeCount, OpenFollowUps: r.OpenFollowUps,
		Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.Country != nil {
		a.Country = *r.Country
	}
	return a
}

// activitySummarySelect counts each activity's parts in the page's own statement, each count an
// index lookup by activity (the parts' primary keys and activity_follow_ups_activity). The
// participants are counted and their people summed in one lateral aggregate
// (activitySummaryJoins); an organisation takes part once (the participants' primary key), so the
// participants counted are the organisations.
const activitySummarySelect = `a.id, a.programme_id, a.kind, a.title, a.host_organisation_id, a.country, a.city, a.online_url,
	a.starts_at, a.ends_at, a.status, a.version, a.created_at, a.updated_at,
	(SELECT o.name FROM organisations o WHERE o.id = a.host_organisation_id) AS host_organisation_name,
	pa.participant_organisations, pa.people,
	(SELECT count(*) FROM activity_practices ap WHERE ap.activity_id = a.id) AS practice_count,
	(SELECT count(*) FROM activity_follow_ups f WHERE f.activity_id = a.id AND f.status <> 'done') AS open_follow_ups`

const activitySummaryJoins = `CROSS JOIN LATERAL (SELECT count(*) AS participant_organisations, coalesce(sum(p.people), 0) AS people
	FROM activity_participants p WHERE p.activity_id = a.id) pa`

// ActivityListVersion names the state a programme's activity lists are read from: its activity
// list version (0038), moved at the commit of any change of an activity or its parts, and of the
// name of an organisation that hosts one.
func (s *Store) ActivityListVersion(ctx context.Context, programmeID uuid.UUID) (int64, error) {
	return s.programmeVersion(ctx, programmeID, activityListVersions)
}

// ListActivities returns a page of a programme's activities, by starting time (earliest first
// unless the sort says -starts_at), as summaries: one statement for the page and one for the
// total, whatever the page's size.
func (s *Store) ListActivities(ctx context.Context, f domain.ActivityFilter, p domain.PageRequest) (domain.Page[domain.ActivitySummary], error) {
	q := s.conn(ctx).Table("activities a").Where("a.programme_id = ?", f.ProgrammeID)
	if f.Status != "" {
		q = q.Where("a.status = ?", f.Status)
	}
	if f.Kind != "" {
		q = q.Where("a.kind = ?", f.Kind)
	}
	if f.From != nil {
		q = q.Where("a.ends_at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("a.starts_at < ?", f.To.UTC())
	}
	var rows []activitySummaryRow
	order := orderBy(p.Sort, activitySorts, "a.id", "a.starts_at ASC, a.id ASC")
	total, err := findPage(q, p, columns{sql: activitySummarySelect, joins: activitySummaryJoins}, order, &rows)
	if err != nil {
		return domain.Page[domain.ActivitySummary]{}, err
	}
	return pageOf(rows, activitySummaryRow.toDomain, p, total), nil
}

// UpdateActivity writes an activity and its parts when its version is current.
func (s *Store) UpdateActivity(ctx context.Context, a domain.Activity, version int) (domain.Activity, error) {
	err := s.WithTx(ctx, func(ctx context.Context) error {
		var row activityRow
		err := s.updateVersionedReturning(ctx, &row, "activities", "id", a.ID, version, map[string]any{
			"kind": a.Kind, "title": a.Title, "description": a.Description, "host_organisation_id": a.HostOrganisationID,
			"country": nullableCountry(a.Country), "city": a.City, "online_url": a.OnlineURL, "starts_at": a.StartsAt.UTC(), "ends_at": a.EndsAt.UTC(),
			"status": a.Status, "minutes": a.Minutes,
		})
		if err != nil {
			return notFoundAs(err, "Activity")
		}
		return s.writeActivityParts(ctx, &a)
	})
	if err != nil {
		return domain.Activity{}, err
	}
	return s.Activity(ctx, a.ID, false)
}

// DeleteActivity removes an activity with its parts.
func (s *Store) DeleteActivity(ctx context.Context, id uuid.UUID) error {
	res := s.conn(ctx).Exec(`DELETE FROM activities WHERE id = ?`, id)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Activity")
	}
	return nil
}

// SetFollowUpStatus sets a follow-up's status and moves its activity's version on, as the
// follow-up is part of the activity.
func (s *Store) SetFollowUpStatus(ctx context.Context, activityID, followUpID uuid.UUID, status string) error {
	res := s.conn(ctx).Exec(`UPDATE activity_follow_ups SET status = ?, updated_at = now() WHERE id = ? AND activity_id = ?`, status, followUpID, activityID)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Follow-up")
	}
	return translate(s.conn(ctx).Exec(`UPDATE activities SET version = version + 1, updated_at = now() WHERE id = ?`, activityID).Error)
}

// ProgrammeOrganisations returns those of the organisations with the given ids that take part in
// the programme: at least one of their people is a member.
func (s *Store) ProgrammeOrganisations(ctx context.Context, programmeID uuid.UUID, ids []uuid.UUID) (map[uuid.UUID]domain.Organisation, error) {
	out := map[uuid.UUID]domain.Organisation{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []organisationRow
	err := s.conn(ctx).Raw(`SELECT o.* FROM organisations o WHERE o.id IN ?
		AND EXISTS (SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.organisation_id = o.id AND m.programme_id = ?)`,
		ids, programmeID).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	for _, r := range rows {
		out[r.ID] = r.toDomain()
	}
	return out, nil
}

// ProgrammePracticeRefs returns those of the practices with the given ids that belong to the
// programme and are past their draft (every member can see them).
func (s *Store) ProgrammePracticeRefs(ctx context.Context, programmeID uuid.UUID, ids []uuid.UUID) (map[uuid.UUID]bool, error) {
	out := map[uuid.UUID]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	var found []uuid.UUID
	err := s.conn(ctx).Raw(`SELECT id FROM practices WHERE id IN ? AND programme_id = ? AND status <> 'draft'`, ids, programmeID).Scan(&found).Error
	for _, id := range found {
		out[id] = true
	}
	return out, translate(err)
}

// DueFollowUps lists the open follow-ups due on or before the day of before (and not before
// today) that were not announced yet, each with the programme's members of its owner
// organisation.
func (s *Store) DueFollowUps(ctx context.Context, today, before time.Time) ([]domain.FollowUpDue, error) {
	var rows []struct {
		ID, ActivityID, ProgrammeID, OwnerOrganisationID uuid.UUID
		Title, ActivityTitle                             string
		DueOn                                            time.Time
		Recipients                                       JSON[[]uuid.UUID]
	}
	err := s.conn(ctx).Raw(`SELECT f.id, f.activity_id, a.programme_id, f.owner_organisation_id, f.title, a.title AS activity_title, f.due_on,
			(SELECT coalesce(jsonb_agg(u.id ORDER BY u.id), '[]') FROM users u JOIN memberships m ON m.user_id = u.id
				WHERE u.organisation_id = f.owner_organisation_id AND m.programme_id = a.programme_id AND NOT u.disabled) AS recipients
		FROM activity_follow_ups f JOIN activities a ON a.id = f.activity_id
		WHERE f.status = 'open' AND f.reminded_at IS NULL AND f.due_on BETWEEN ?::date AND ?::date AND a.status <> 'cancelled'
		ORDER BY f.due_on, f.id`, today.UTC().Format(time.DateOnly), before.UTC().Format(time.DateOnly)).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make([]domain.FollowUpDue, len(rows))
	for i, r := range rows {
		due := time.Date(r.DueOn.Year(), r.DueOn.Month(), r.DueOn.Day(), 0, 0, 0, 0, time.UTC)
		out[i] = domain.FollowUpDue{FollowUp: domain.FollowUp{ID: r.ID, Title: r.Title, OwnerOrganisationID: r.OwnerOrganisationID, DueOn: &due, Status: domain.FollowUpOpen},
			ActivityID: r.ActivityID, ActivityTitle: r.ActivityTitle, ProgrammeID: r.ProgrammeID, Recipients: r.Recipients.V}
	}
	return out, nil
}

// MarkFollowUpReminded notes that a follow-up's owners were told it falls due; it reports false
// when another worker did so first.
func (s *Store) MarkFollowUpReminded(ctx context.Context, id uuid.UUID) (bool, error) {
	res := s.conn(ctx).Exec(`UPDATE activity_follow_ups SET reminded_at = now() WHERE id = ? AND reminded_at IS NULL`, id)
	return res.RowsAffected > 0, translate(res.Error)
}

// SetCalendarToken keeps the digest of a person's new calendar feed token, replacing the old one.
func (s *Store) SetCalendarToken(ctx context.Context, userID uuid.UUID, digest []byte) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO calendar_tokens (user_id, digest) VALUES (?, ?)
		ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest, created_at = now()`, userID, digest).Error)
}

// DeleteCalendarToken revokes a person's calendar feed; it reports whether there was one.
func (s *Store) DeleteCalendarToken(ctx context.Context, userID uuid.UUID) (bool, error) {
	res := s.conn(ctx).Exec(`DELETE FROM calendar_tokens WHERE user_id = ?`, userID)
	return res.RowsAffected > 0, translate(res.Error)
}

// CalendarTokenUser returns the person whose feed token has digest: CodeNotFound for an unknown
// or revoked token, and for a disabled account.
func (s *Store) CalendarTokenUser(ctx context.Context, digest []byte) (domain.User, error) {
	var ids []uuid.UUID
	if err := s.conn(ctx).Raw(`SELECT t.user_id FROM calendar_tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = ? AND NOT u.disabled`, digest).
		Scan(&ids).Error; err != nil {
		return domain.User{}, translate(err)
	}
	if len(ids) == 0 {
		return domain.User{}, domain.NotFound("Calendar")
	}
	return s.User(ctx, ids[0])
}

// CalendarActivities lists the activities of the programmes the person is a member of, from
// since on, by starting time.
func (s *Store) CalendarActivities(ctx context.Context, userID uuid.UUID, since time.Time) ([]domain.Activity, error) {
	var rows []activityRow
	err := s.conn(ctx).Raw(`SELECT `+activitySelect+` FROM activities a JOIN memberships m ON m.programme_id = a.programme_id AND m.user_id = ?
		WHERE a.ends_at >= ? ORDER BY a.starts_at, a.id LIMIT 2000`, userID, since.UTC()).Scan(&rows).Error
	return pageOf(rows, activityRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// CalendarDeadlines lists the person's reviews still to write, with their due dates, in rounds
// that are not decided, of programmes they are a member of.
func (s *Store) CalendarDeadlines(ctx context.Context, userID uuid.UUID) ([]domain.Assignment, error) {
	var rows []assignmentRow
	err := s.conn(ctx).Raw(`SELECT `+assignmentSelect+` FROM assignments a `+assignmentJoins+`
		WHERE a.reviewer_id = ? AND a.status IN ('assigned', 'accepted') AND r.status IN ('draft', 'open', 'closed', 'rebuttal')
		AND EXISTS (SELECT 1 FROM memberships m WHERE m.programme_id = r.programme_id AND m.user_id = a.reviewer_id)
		ORDER BY a.due_at, a.id LIMIT 2000`, userID).Scan(&rows).Error
	return pageOf(rows, assignmentRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}
