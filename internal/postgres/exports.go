package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// stream runs a query and hands each row to fn as it is read, so exports never hold a whole
// programme in memory. The connection is held until the last row, so fn must not wait on a client.
func stream[R any](ctx context.Context, db *gorm.DB, sql string, args []any, fn func(R) error) error {
	rows, err := db.WithContext(ctx).Raw(sql, args...).Rows()
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r R
		if err := db.ScanRows(rows, &r); err != nil {
			return translate(err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return translate(rows.Err())
}

// StreamPractices hands every practice of a programme past its draft to fn, in title order.
func (s *Store) StreamPractices(ctx context.Context, programmeID uuid.UUID, fn func(domain.Practice) error) error {
	return stream(ctx, s.conn(ctx), `SELECT `+practiceSelect+` FROM practices p `+practiceJoins+`
		WHERE p.programme_id = ? AND p.status <> 'draft' ORDER BY lower(p.title), p.id`, []any{programmeID},
		func(r practiceRow) error { return fn(r.toDomain()) })
}

// StreamReviews hands every submitted review of a programme to fn, by round and practice.
func (s *Store) StreamReviews(ctx context.Context, programmeID uuid.UUID, fn func(domain.ReviewExportRow) error) error {
	return stream(ctx, s.conn(ctx), `SELECT `+reviewSelect+`, p.title AS practice_title
		FROM reviews v `+reviewJoins+` JOIN practices p ON p.id = a.practice_id
		WHERE r.programme_id = ? AND v.status = 'submitted' ORDER BY r.created_at, r.id, p.title, a.practice_id, v.submitted_at, v.assignment_id`,
		[]any{programmeID}, func(r reviewRow) error {
			return fn(domain.ReviewExportRow{Review: r.toDomain(), PracticeTitle: r.PracticeTitle, RoundName: r.RoundName, RubricID: r.RubricID})
		})
}

// StreamAdaptations hands every adaptation of a programme to fn, oldest first.
func (s *Store) StreamAdaptations(ctx context.Context, programmeID uuid.UUID, fn func(domain.Adaptation) error) error {
	return stream(ctx, s.conn(ctx), `SELECT `+adaptationSelect+` FROM adaptations a `+adaptationJoins+`
		WHERE a.programme_id = ? ORDER BY a.created_at, a.id`, []any{programmeID}, func(r adaptationRow) error { return fn(r.toDomain()) })
}

// StreamOutcomes hands every follow-up of a programme's adaptations to fn.
func (s *Store) StreamOutcomes(ctx context.Context, programmeID uuid.UUID, fn func(domain.Outcome) error) error {
	return stream(ctx, s.conn(ctx), `SELECT o.* FROM adaptation_outcomes o JOIN adaptations a ON a.id = o.adaptation_id
		WHERE a.programme_id = ? ORDER BY o.adaptation_id, o.recorded_on`, []any{programmeID}, func(r outcomeRow) error {
		d := dateOnly(&r.RecordedOn)
		return fn(domain.Outcome{ID: r.ID, AdaptationID: r.AdaptationID, RecordedOn: *d, Participants: r.Participants, ReturnedToWork: r.ReturnedToWork,
			InWorkAfter6Months: r.InWorkAfter6Months, PlacementsOffered: r.PlacementsOffered, Satisfaction: r.Satisfaction, Notes: r.Notes, CreatedAt: r.CreatedAt})
	})
}

// StreamNewProducts hands every new product of a programme to fn.
func (s *Store) StreamNewProducts(ctx context.Context, programmeID uuid.UUID, fn func(domain.NewProduct) error) error {
	return stream(ctx, s.conn(ctx), `SELECT * FROM new_products WHERE programme_id = ? ORDER BY created_at, id`, []any{programmeID},
		func(r newProductRow) error { return fn(r.toDomain()) })
}

// StreamComments hands every comment of a programme to fn.
func (s *Store) StreamComments(ctx context.Context, programmeID uuid.UUID, fn func(domain.Comment) error) error {
	return stream(ctx, s.conn(ctx), `SELECT `+commentSelect+` FROM comments c `+commentJoins+` WHERE c.programme_id = ? ORDER BY c.created_at, c.id`,
		[]any{programmeID}, func(r commentRow) error { return fn(r.toDomain()) })
}

// adaptationExportRow is an adaptation with the figures of its latest follow-up, if any.
type adaptationExportRow struct {
	Row                      adaptationRow `gorm:"embedded"`
	LatestRecordedOn         *time.Time    `gorm:"->"`
	LatestParticipants       *int          `gorm:"->"`
	LatestReturnedToWork     *int          `gorm:"->"`
	LatestInWorkAfter6Months *int          `gorm:"->;column:latest_in_work_after_6_months"`
	LatestPlacementsOffered  *int          `gorm:"->"`
	LatestSatisfaction       *float64      `gorm:"->"`
}

// StreamAdaptationsWithLatestOutcome hands every adaptation of a programme to fn, oldest first,
// with its latest follow-up (by date, then by when it was recorded) or nil. The follow-up is read
// per row from the (adaptation_id, recorded_on) index within the same statement.
func (s *Store) StreamAdaptationsWithLatestOutcome(ctx context.Context, programmeID uuid.UUID, fn func(domain.Adaptation, *domain.Outcome) error) error {
	return stream(ctx, s.conn(ctx), `SELECT `+adaptationSelect+`, lo.recorded_on AS latest_recorded_on, lo.participants AS latest_participants,
		lo.returned_to_work AS latest_returned_to_work, lo.in_work_after_6_months AS latest_in_work_after_6_months,
		lo.placements_offered AS latest_placements_offered, lo.satisfaction AS latest_satisfaction
		FROM adaptations a `+adaptationJoins+`
		LEFT JOIN LATERAL (SELECT o.recorded_on, o.participants, o.returned_to_work, o.in_work_after_6_months, o.placements_offered, o.satisfaction
			FROM adaptation_outcomes o WHERE o.adaptation_id = a.id ORDER BY o.recorded_on DESC, o.created_at DESC LIMIT 1) lo ON true
		WHERE a.programme_id = ? ORDER BY a.created_at, a.id`, []any{programmeID}, func(r adaptationExportRow) error {
		var latest *domain.Outcome
		if r.LatestRecordedOn != nil && r.LatestParticipants != nil && r.LatestReturnedToWork != nil {
			latest = &domain.Outcome{AdaptationID: r.Row.ID, RecordedOn: *dateOnly(r.LatestRecordedOn), Participants: *r.LatestParticipants,
				ReturnedToWork: *r.LatestReturnedToWork, InWorkAfter6Months: r.LatestInWorkAfter6Months, PlacementsOffered: r.LatestPlacementsOffered,
				Satisfaction: r.LatestSatisfaction}
		}
		return fn(r.Row.toDomain(), latest)
	})
}

// activityExportRow is an activity with its parts, each aggregated as JSON in the same statement.
type activityExportRow struct {
	Row          activityRow `gorm:"embedded"`
	Practices    JSON[[]activityPracticeDoc]
	Participants JSON[[]activityParticipantDoc]
	Agenda       JSON[[]agendaItemDoc]
	FollowUps    JSON[[]followUpDoc]
}

type activityPracticeDoc struct {
	ID      uuid.UUID `json:"id"`
	Title   string    `json:"title"`
	Country string    `json:"country"`
}

type activityParticipantDoc struct {
	OrganisationID   uuid.UUID `json:"organisation_id"`
	OrganisationName string    `json:"organisation_name"`
	Country          string    `json:"country"`
	Role             string    `json:"role"`
	People           int       `json:"people"`
}

type agendaItemDoc struct {
	At    time.Time `json:"at"`
	Title string    `json:"title"`
}

type followUpDoc struct {
	ID                    uuid.UUID `json:"id"`
	Title                 string    `json:"title"`
	OwnerOrganisationID   uuid.UUID `json:"owner_organisation_id"`
	OwnerOrganisationName string    `json:"owner_organisation_name"`
	DueOn                 *string   `json:"due_on"`
	Status                string    `json:"status"`
}

func (r activityExportRow) toDomain() domain.Activity {
	a := r.Row.toDomain()
	for _, p := range r.Practices.V {
		a.PracticeIDs = append(a.PracticeIDs, p.ID)
		a.Practices = append(a.Practices, domain.ActivityPractice(p))
	}
	for _, p := range r.Participants.V {
		a.Participants = append(a.Participants, domain.ActivityParticipant{OrganisationID: p.OrganisationID, Role: p.Role, People: p.People,
			OrganisationName: p.OrganisationName, Country: p.Country})
	}
	for _, it := range r.Agenda.V {
		a.Agenda = append(a.Agenda, domain.AgendaItem{At: it.At, Title: it.Title})
	}
	for _, f := range r.FollowUps.V {
		var due *time.Time
		if f.DueOn != nil {
			if d, err := time.Parse(time.DateOnly, *f.DueOn); err == nil {
				due = &d
			}
		}
		a.FollowUps = append(a.FollowUps, domain.FollowUp{ID: f.ID, Title: f.Title, OwnerOrganisationID: f.OwnerOrganisationID, DueOn: due,
			Status: f.Status, OwnerOrganisationName: f.OwnerOrganisationName})
	}
	return a
}

// StreamActivities hands every activity of a programme to fn, by starting time, with its
// practices, participants, agenda and follow-ups; the parts are read per row from their indexes
// within the same statement.
func (s *Store) StreamActivities(ctx context.Context, programmeID uuid.UUID, fn func(domain.Activity) error) error {
	return stream(ctx, s.conn(ctx), `SELECT `+activitySelect+`,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'title', p.title, 'country', p.country) ORDER BY ap.position), '[]')
			FROM activity_practices ap JOIN practices p ON p.id = ap.practice_id WHERE ap.activity_id = a.id) AS practices,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('organisation_id', ap.organisation_id, 'organisation_name', o.name, 'country', o.country,
				'role', ap.role, 'people', ap.people) ORDER BY ap.position), '[]')
			FROM activity_participants ap JOIN organisations o ON o.id = ap.organisation_id WHERE ap.activity_id = a.id) AS participants,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('at', i.at, 'title', i.title) ORDER BY i.position), '[]')
			FROM activity_agenda_items i WHERE i.activity_id = a.id) AS agenda,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('id', f.id, 'title', f.title, 'owner_organisation_id', f.owner_organisation_id,
				'owner_organisation_name', o.name, 'due_on', to_char(f.due_on, 'YYYY-MM-DD'), 'status', f.status) ORDER BY f.position), '[]')
			FROM activity_follow_ups f JOIN organisations o ON o.id = f.owner_organisation_id WHERE f.activity_id = a.id) AS follow_ups
		FROM activities a WHERE a.programme_id = ? ORDER BY a.starts_at, a.id`, []any{programmeID},
		func(r activityExportRow) error { return fn(r.toDomain()) })
}
