package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// The programme report's own aggregates (SPEC §7.6). Like the dashboard's, each figure group is
// one statement whatever the programme's size, and no review or follow-up row is read into Go.

// latestFollowUps is each adaptation of the programme with the figures of its latest follow-up
// (by date, then by when it was written): follow-ups report running totals, so only the latest
// counts. Adaptations without a follow-up have no row.
const latestFollowUps = `WITH latest AS (
		SELECT DISTINCT ON (o.adaptation_id) a.source_practice_id, a.country, o.participants, o.returned_to_work, o.in_work_after_6_months
		FROM adaptation_outcomes o JOIN adaptations a ON a.id = o.adaptation_id
		WHERE a.programme_id = @programme
		ORDER BY o.adaptation_id, o.recorded_on DESC, o.created_at DESC, o.id DESC)`

// resumptionSums are the sums of a group of latest follow-ups. The in-work denominator counts
// only the follow-ups that report the figure.
const resumptionSums = `count(*) AS adaptations, coalesce(sum(l.participants), 0) AS participants,
	coalesce(sum(l.returned_to_work), 0) AS returned_to_work,
	coalesce(sum(l.participants) FILTER (WHERE l.in_work_after_6_months IS NOT NULL), 0) AS in_work_participants,
	coalesce(sum(l.in_work_after_6_months), 0) AS in_work_after_6_months`

type resumptionRow struct {
	Adaptations        int64 `gorm:"column:adaptations"`
	Participants       int64 `gorm:"column:participants"`
	ReturnedToWork     int64 `gorm:"column:returned_to_work"`
	InWorkParticipants int64 `gorm:"column:in_work_participants"`
	InWorkAfter6Months int64 `gorm:"column:in_work_after_6_months"`
}

func (r resumptionRow) toDomain() domain.Resumption { return domain.Resumption(r) }

type practiceResumptionRow struct {
	Total      int           `gorm:"column:total"`
	PracticeID uuid.UUID     `gorm:"column:practice_id"`
	Title      string        `gorm:"column:title"`
	Country    string        `gorm:"column:country"`
	Resumption resumptionRow `gorm:"embedded"`
}

type countryResumptionRow struct {
	Country    string        `gorm:"column:country"`
	Resumption resumptionRow `gorm:"embedded"`
}

type transferabilityRow struct {
	PracticeCountry string  `gorm:"column:practice_country"`
	ReviewerCountry string  `gorm:"column:reviewer_country"`
	Ratings         int64   `gorm:"column:ratings"`
	Mean            float64 `gorm:"column:mean"`
}

type flowFidelityRow struct {
	From     string `gorm:"column:from_country"`
	To       string `gorm:"column:to_country"`
	Fidelity string `gorm:"column:fidelity"`
	Count    int64  `gorm:"column:n"`
}

type roundDecisionRow struct {
	RoundID uuid.UUID `gorm:"column:round_id"`
	Key     string    `gorm:"column:key"`
	Count   int64     `gorm:"column:n"`
}

// reportNamedLimit bounds the barriers and facilitators a report lists: every one a programme
// names in practice, but never an unbounded list.
const reportNamedLimit = 100

// ReportPracticeLimit bounds the practices whose work-resumption rates a report lists: those with
// the most participants. A printed report of a large programme cannot hold thousands of rows;
// the count of all of them is given beside the list.
const ReportPracticeLimit = 50

// ReportFigures reads the report's aggregates. lang, when not empty, is the language practice
// titles are given in where a practice has a translation into it.
func (s *Store) ReportFigures(ctx context.Context, programmeID uuid.UUID, lang string) (domain.ReportFigures, error) {
	var f domain.ReportFigures
	db := s.conn(ctx)
	args := map[string]any{"programme": programmeID, "lang": lang, "limit": reportNamedLimit, "practices": ReportPracticeLimit}
	steps := []func() error{
		func() error {
			var rows []practiceResumptionRow
			err := db.Raw(latestFollowUps+` SELECT count(*) OVER () AS total, p.id AS practice_id, p.country,
					coalesce(CASE WHEN @lang <> '' AND p.language <> @lang THEN nullif(btrim(p.translations -> @lang ->> 'title'), '') END, p.title) AS title, `+
				resumptionSums+`
				FROM latest l JOIN practices p ON p.id = l.source_practice_id
				GROUP BY p.id ORDER BY participants DESC, title, p.id LIMIT @practices`, args).Scan(&rows).Error
			if len(rows) > 0 {
				f.ResumptionPractices = rows[0].Total
			}
			f.ResumptionByPractice = lists.Map(rows, func(r practiceResumptionRow) domain.PracticeResumption {
				return domain.PracticeResumption{PracticeID: r.PracticeID, Title: r.Title, Country: r.Country, Resumption: r.Resumption.toDomain()}
			})
			return err
		},
		func() error {
			var rows []countryResumptionRow
			err := db.Raw(latestFollowUps+` SELECT l.country, `+resumptionSums+` FROM latest l GROUP BY l.country ORDER BY l.country`, args).Scan(&rows).Error
			f.ResumptionByCountry = lists.Map(rows, func(r countryResumptionRow) domain.CountryResumption {
				return domain.CountryResumption{Country: r.Country, Resumption: r.Resumption.toDomain()}
			})
			// Every latest follow-up is in exactly one country's group: the total is their sum,
			// not a third pass over the follow-ups.
			for _, c := range f.ResumptionByCountry {
				f.ResumptionTotal = f.ResumptionTotal.Plus(c.Resumption)
			}
			return err
		},
		func() error {
			var rows []flowFidelityRow
			err := db.Raw(`SELECT p.country AS from_country, a.country AS to_country, coalesce(nullif(a.frame->>'fidelity', ''), 'unknown') AS fidelity, count(*) AS n
				FROM adaptations a JOIN practices p ON p.id = a.source_practice_id
				WHERE a.programme_id = @programme GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, args).Scan(&rows).Error
			f.FlowFidelity = lists.Map(rows, func(r flowFidelityRow) domain.FlowFidelity { return domain.FlowFidelity(r) })
			return err
		},
		func() error {
			var row struct{ Barriers, Facilitators JSON[[]keyCountDoc] }
			err := db.Raw(`SELECT `+
				keyCountList(`SELECT lower(btrim(b)) AS key, count(*) AS n FROM adaptations, jsonb_array_elements_text(pb_array(barriers)) b
					WHERE b IS NOT NULL AND btrim(b) <> '' AND programme_id = @programme GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT @limit`)+` AS barriers, `+
				keyCountList(`SELECT lower(btrim(f)) AS key, count(*) AS n FROM adaptations, jsonb_array_elements_text(pb_array(facilitators)) f
					WHERE f IS NOT NULL AND btrim(f) <> '' AND programme_id = @programme GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT @limit`)+` AS facilitators`, args).Scan(&row).Error
			f.Barriers, f.Facilitators = keyCounts(row.Barriers), keyCounts(row.Facilitators)
			return err
		},
		func() error {
			// The reviewer's country is their organisation's; only countries and counts leave the
			// statement, so nothing names a reviewer of a blind round.
			var rows []transferabilityRow
			err := db.Raw(`SELECT p.country AS practice_country, o.country AS reviewer_country, count(*) AS ratings,
					avg((v.transferability ->> 'rating')::numeric)::float8 AS mean
				FROM reviews v JOIN assignments a ON a.id = v.assignment_id JOIN rounds r ON r.id = a.round_id
				JOIN practices p ON p.id = a.practice_id JOIN users u ON u.id = a.reviewer_id JOIN organisations o ON o.id = u.organisation_id
				WHERE r.programme_id = @programme AND v.status = 'submitted' AND jsonb_typeof(v.transferability -> 'rating') = 'number'
				GROUP BY 1, 2 ORDER BY 1, 2`, args).Scan(&rows).Error
			f.Transferability = lists.Map(rows, func(r transferabilityRow) domain.TransferabilityPair { return domain.TransferabilityPair(r) })
			return err
		},
		func() error {
			var rows []roundDecisionRow
			err := db.Raw(`SELECT d.round_id, d.outcome AS key, count(*) AS n FROM decisions d JOIN rounds r ON r.id = d.round_id
				WHERE r.programme_id = @programme GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`, args).Scan(&rows).Error
			f.Decisions = map[uuid.UUID][]domain.KeyCount{}
			for _, r := range rows {
				f.Decisions[r.RoundID] = append(f.Decisions[r.RoundID], domain.KeyCount{Key: r.Key, Count: r.Count})
			}
			return err
		},
	}
	steps = append(steps, s.reportActivitySteps(db, args, &f.Activities)...)
	for _, step := range steps {
		if err := step(); err != nil {
			return domain.ReportFigures{}, translate(err)
		}
	}
	return f, nil
}

type activityParticipationRow struct {
	Country       string `gorm:"column:country"`
	Role          string `gorm:"column:role"`
	Organisations int64  `gorm:"column:organisations"`
	People        int64  `gorm:"column:people"`
}

type heldActivityRow struct {
	ID               uuid.UUID `gorm:"column:id"`
	StartsAt         time.Time `gorm:"column:starts_at"`
	Kind             string    `gorm:"column:kind"`
	Title            string    `gorm:"column:title"`
	HostOrganisation string    `gorm:"column:host_organisation"`
	HostCountry      string    `gorm:"column:host_country"`
}

// reportActivitySteps read the held activities of the programme (from the (programme, status)
// index): their counts by kind and host country in one statement, the participating
// organisations and people by country and role in another, and the list for the table in a third.
// The host country is the host organisation's.
func (s *Store) reportActivitySteps(db *gorm.DB, args map[string]any, out *domain.ReportActivities) []func() error {
	args["held_limit"] = domain.ReportHeldActivitiesLimit
	return []func() error{
		func() error {
			var row struct {
				Held              int64
				ByKind, ByCountry JSON[[]keyCountDoc]
			}
			err := db.Raw(`WITH held AS (SELECT a.kind, o.country FROM activities a JOIN organisations o ON o.id = a.host_organisation_id
					WHERE a.programme_id = @programme AND a.status = 'held')
				SELECT (SELECT count(*) FROM held) AS held, `+
				keyCountList(`SELECT kind AS key, count(*) AS n FROM held GROUP BY 1`)+` AS by_kind, `+
				keyCountList(`SELECT country AS key, count(*) AS n FROM held GROUP BY 1`)+` AS by_country`, args).Scan(&row).Error
			out.Held, out.ByKind, out.ByHostCountry = row.Held, keyCounts(row.ByKind), keyCounts(row.ByCountry)
			return err
		},
		func() error {
			var rows []activityParticipationRow
			err := db.Raw(`SELECT o.country, ap.role, count(DISTINCT ap.organisation_id) AS organisations, sum(ap.people) AS people
				FROM activities a JOIN activity_participants ap ON ap.activity_id = a.id JOIN organisations o ON o.id = ap.organisation_id
				WHERE a.programme_id = @programme AND a.status = 'held'
				GROUP BY 1, 2 ORDER BY 1, array_position(ARRAY['host', 'peer', 'expert', 'participant'], ap.role)`, args).Scan(&rows).Error
			out.Participation = lists.Map(rows, func(r activityParticipationRow) domain.ActivityParticipation { return domain.ActivityParticipation(r) })
			return err
		},
		func() error {
			var rows []heldActivityRow
			err := db.Raw(`SELECT a.id, a.starts_at, a.kind, a.title, o.name AS host_organisation, o.country AS host_country
				FROM activities a JOIN organisations o ON o.id = a.host_organisation_id
				WHERE a.programme_id = @programme AND a.status = 'held' ORDER BY a.starts_at, a.id LIMIT @held_limit`, args).Scan(&rows).Error
			out.List = lists.Map(rows, func(r heldActivityRow) domain.HeldActivity { return domain.HeldActivity(r) })
			return err
		},
	}
}

type reportNotesRow struct {
	ProgrammeID   uuid.UUID  `gorm:"column:programme_id"`
	Conclusions   string     `gorm:"column:conclusions"`
	PolicyLessons string     `gorm:"column:policy_lessons"`
	Version       int        `gorm:"column:version"`
	UpdatedBy     *uuid.UUID `gorm:"column:updated_by"`
	UpdatedAt     *time.Time `gorm:"column:updated_at"`
}

func (r reportNotesRow) toDomain() domain.ReportNotes { return domain.ReportNotes(r) }

// PracticeTitles reads the titles of the given practices, in lang where a practice has a
// translation into it.
func (s *Store) PracticeTitles(ctx context.Context, ids []uuid.UUID, lang string) (map[uuid.UUID]string, error) {
	var rows []struct {
		ID    uuid.UUID `gorm:"column:id"`
		Title string    `gorm:"column:title"`
	}
	err := s.conn(ctx).Raw(`SELECT id, coalesce(CASE WHEN @lang <> '' AND language <> @lang THEN nullif(btrim(translations -> @lang ->> 'title'), '') END, title) AS title
		FROM practices WHERE id IN @ids`, map[string]any{"ids": ids, "lang": lang}).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make(map[uuid.UUID]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Title
	}
	return out, nil
}

// ReportNotes reads a programme's report notes: empty at version 1 when none were saved.
func (s *Store) ReportNotes(ctx context.Context, programmeID uuid.UUID) (domain.ReportNotes, error) {
	var rows []reportNotesRow
	if err := s.conn(ctx).Raw(`SELECT * FROM report_notes WHERE programme_id = ?`, programmeID).Scan(&rows).Error; err != nil {
		return domain.ReportNotes{}, translate(err)
	}
	if len(rows) == 0 {
		return domain.ReportNotes{ProgrammeID: programmeID, Version: 1}, nil
	}
	return rows[0].toDomain(), nil
}

// SaveReportNotes writes the notes when version is the current one (1 for notes never saved), in
// one statement that checks the version, so two coordinators saving at once cannot both win:
// CodeVersionMismatch for the one who loses.
func (s *Store) SaveReportNotes(ctx context.Context, n domain.ReportNotes, version int) (domain.ReportNotes, error) {
	args := map[string]any{"programme": n.ProgrammeID, "conclusions": n.Conclusions, "lessons": n.PolicyLessons,
		"version": version, "by": n.UpdatedBy, "at": n.UpdatedAt}
	// The first save creates the row (another first save that got there before wins); later ones
	// update the version they read.
	q := `UPDATE report_notes SET conclusions = @conclusions, policy_lessons = @lessons, version = version + 1, updated_by = @by, updated_at = @at
		WHERE programme_id = @programme AND version = @version RETURNING *`
	if version == 1 {
		q = `INSERT INTO report_notes (programme_id, conclusions, policy_lessons, version, updated_by, updated_at)
			VALUES (@programme, @conclusions, @lessons, 2, @by, @at) ON CONFLICT (programme_id) DO NOTHING RETURNING *`
	}
	var rows []reportNotesRow
	if err := s.conn(ctx).Raw(q, args).Scan(&rows).Error; err != nil {
		return domain.ReportNotes{}, translate(err)
	}
	if len(rows) == 0 {
		return domain.ReportNotes{}, domain.Errorf(domain.CodeVersionMismatch, "The report notes were changed by someone else; reload them and try again.")
	}
	return rows[0].toDomain(), nil
}
