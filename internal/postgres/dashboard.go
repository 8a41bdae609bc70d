package postgres

import (
	"context"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// keyCountDoc and flowDoc are the members of the jsonb lists the dashboard statements build.
type keyCountDoc struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

type flowDoc struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Count int64  `json:"count"`
}

func (d keyCountDoc) toKeyCount() domain.KeyCount { return domain.KeyCount(d) }

func keyCounts(j JSON[[]keyCountDoc]) []domain.KeyCount {
	return lists.Map(j.V, keyCountDoc.toKeyCount)
}

// keyCountList aggregates the (key, n) rows of a subquery into a jsonb list, most frequent first.
func keyCountList(subquery string) string {
	return `(SELECT coalesce(jsonb_agg(jsonb_build_object('key', key, 'count', n) ORDER BY n DESC, key), '[]') FROM (` + subquery + `) x)`
}

// Dashboard reads every aggregate of a programme's dashboard.
func (s *Store) Dashboard(ctx context.Context, programmeID uuid.UUID) (domain.DashboardData, error) {
	var d domain.DashboardData
	db := s.conn(ctx)
	steps := []func() error{
		func() error {
			// Months are formatted after grouping: to_char on every row costs more than the count.
			return db.Raw(`SELECT to_char(m, 'YYYY-MM') AS month,
					count(*) FILTER (WHERE kind = 'information_exchanged') AS information_exchanged,
					count(*) FILTER (WHERE kind = 'practices_reviewed') AS practices_reviewed,
					count(*) FILTER (WHERE kind = 'products_adapted') AS products_adapted,
					count(*) FILTER (WHERE kind = 'new_products') AS new_products
				FROM (SELECT kind, date_trunc('month', at) AS m FROM (
					SELECT 'information_exchanged' AS kind, c.created_at AS at FROM comments c WHERE c.programme_id = ? AND c.deleted_at IS NULL
					UNION ALL SELECT 'information_exchanged', r.created_at FROM review_responses r JOIN practices p ON p.id = r.practice_id WHERE p.programme_id = ?
					UNION ALL SELECT 'information_exchanged', a.starts_at FROM activities a WHERE a.programme_id = ? AND a.status = 'held'
					UNION ALL `+firstReviewTimeline+`
					UNION ALL SELECT 'products_adapted', created_at FROM adaptations WHERE programme_id = ?
					UNION ALL SELECT 'new_products', created_at FROM new_products WHERE programme_id = ?
				) x) y GROUP BY m ORDER BY m`, programmeID, programmeID, programmeID, programmeID, programmeID, programmeID).Scan(&d.Timeline).Error
		},
		func() error {
			// Held activities, and the people who took part by their organisation's country.
			var row struct {
				Held      int64
				ByCountry JSON[[]keyCountDoc]
			}
			err := db.Raw(`SELECT (SELECT count(*) FROM activities WHERE programme_id = ? AND status = 'held') AS held, `+
				keyCountList(`SELECT o.country AS key, sum(ap.people) AS n FROM activities a JOIN activity_participants ap ON ap.activity_id = a.id
					JOIN organisations o ON o.id = ap.organisation_id WHERE a.programme_id = ? AND a.status = 'held' GROUP BY o.country`)+` AS by_country`,
				programmeID, programmeID).Scan(&row).Error
			d.Activities = domain.ActivityFigures{Held: row.Held, ParticipantsByCountry: keyCounts(row.ByCountry)}
			return err
		},
		func() error {
			var row struct{ ByStatus, ByCountry, ByTheme JSON[[]keyCountDoc] }
			err := db.Raw(`SELECT `+
				keyCountList(`SELECT status AS key, count(*) AS n FROM practices WHERE programme_id = ? AND status <> 'draft' GROUP BY status`)+` AS by_status, `+
				keyCountList(`SELECT country AS key, count(*) AS n FROM practices WHERE programme_id = ? AND status <> 'draft' GROUP BY country`)+` AS by_country, `+
				keyCountList(`SELECT t AS key, count(*) AS n FROM practices, jsonb_array_elements_text(pb_array(themes)) t
					WHERE t IS NOT NULL AND programme_id = ? AND status <> 'draft' GROUP BY t`)+` AS by_theme`,
				programmeID, programmeID, programmeID).Scan(&row).Error
			d.Practices = domain.PracticeFigures{ByStatus: keyCounts(row.ByStatus), ByCountry: keyCounts(row.ByCountry), ByTheme: keyCounts(row.ByTheme)}
			return err
		},
		func() error {
			return db.Raw(`SELECT count(*) FILTER (WHERE a.status = 'assigned') AS assigned, count(*) FILTER (WHERE a.status = 'accepted') AS accepted,
					count(*) FILTER (WHERE a.status = 'declined') AS declined, count(*) FILTER (WHERE a.status = 'submitted') AS submitted,
					count(*) FILTER (WHERE a.status IN ('assigned', 'accepted') AND a.due_at < now() AND r.status = 'open') AS overdue
				FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE r.programme_id = ?`, programmeID).Scan(&d.Assignments).Error
		},
		func() error {
			var row struct {
				ByStage, ByFidelity, ByReasonLevel, Barriers, Facilitators JSON[[]keyCountDoc]
				Flow                                                       JSON[[]flowDoc]
			}
			err := db.Raw(`SELECT `+
				keyCountList(`SELECT stage AS key, count(*) AS n FROM adaptations WHERE programme_id = ? GROUP BY stage`)+` AS by_stage, `+
				keyCountList(`SELECT coalesce(nullif(frame->>'fidelity', ''), 'unknown') AS key, count(*) AS n FROM adaptations WHERE programme_id = ? GROUP BY 1`)+` AS by_fidelity, `+
				keyCountList(`SELECT k AS key, count(*) AS n FROM adaptations,
					jsonb_each(CASE WHEN jsonb_typeof(frame->'reasons') = 'object' THEN frame->'reasons' ELSE '{}' END) r(k, v)
					WHERE programme_id = ? AND CASE WHEN jsonb_typeof(v) = 'array' THEN jsonb_array_length(v) > 0 ELSE false END GROUP BY k`)+` AS by_reason_level,
				(SELECT coalesce(jsonb_agg(jsonb_build_object('from', f, 'to', t, 'count', n) ORDER BY f, t), '[]') FROM (
					SELECT p.country AS f, a.country AS t, count(*) AS n FROM adaptations a JOIN practices p ON p.id = a.source_practice_id
					WHERE a.programme_id = ? GROUP BY p.country, a.country) x) AS flow, `+
				keyCountList(`SELECT lower(btrim(b)) AS key, count(*) AS n FROM adaptations, jsonb_array_elements_text(pb_array(barriers)) b
					WHERE b IS NOT NULL AND programme_id = ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`)+` AS barriers, `+
				keyCountList(`SELECT lower(btrim(f)) AS key, count(*) AS n FROM adaptations, jsonb_array_elements_text(pb_array(facilitators)) f
					WHERE f IS NOT NULL AND programme_id = ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`)+` AS facilitators`,
				programmeID, programmeID, programmeID, programmeID, programmeID, programmeID).Scan(&row).Error
			d.Adaptations = domain.AdaptationFigures{ByStage: keyCounts(row.ByStage), ByFidelity: keyCounts(row.ByFidelity), ByReasonLevel: keyCounts(row.ByReasonLevel),
				Flow:     lists.Map(row.Flow.V, func(f flowDoc) domain.CountryFlow { return domain.CountryFlow(f) }),
				Barriers: keyCounts(row.Barriers), Facilitators: keyCounts(row.Facilitators)}
			return err
		},
		func() error {
			return db.Raw(`SELECT count(*) AS adaptations, coalesce(sum(participants), 0) AS participants, coalesce(sum(returned_to_work), 0) AS returned_to_work,
					coalesce(sum(in_work_after_6_months), 0) AS in_work_after6_months, coalesce(sum(placements_offered), 0) AS placements_offered,
					round(avg(satisfaction), 2)::float8 AS satisfaction_mean
				FROM (SELECT DISTINCT ON (o.adaptation_id) o.* FROM adaptation_outcomes o JOIN adaptations a ON a.id = o.adaptation_id
					WHERE a.programme_id = ? ORDER BY o.adaptation_id, o.recorded_on DESC, o.created_at DESC) latest`, programmeID).Scan(&d.Outcomes).Error
		},
		func() (err error) {
			d.Rounds, d.Rubrics, err = s.RoundsWithRubrics(ctx, programmeID)
			return err
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return domain.DashboardData{}, translate(err)
		}
	}
	return d, nil
}

// RoundsWithRubrics lists a programme's rounds, oldest first, with the rubrics they use.
func (s *Store) RoundsWithRubrics(ctx context.Context, programmeID uuid.UUID) ([]domain.Round, map[uuid.UUID]domain.Rubric, error) {
	db := s.conn(ctx)
	var rows []roundRow
	if err := db.Raw(`SELECT `+roundSelect+` FROM rounds r WHERE r.programme_id = ? ORDER BY r.created_at`, programmeID).Scan(&rows).Error; err != nil {
		return nil, nil, translate(err)
	}
	var rubrics []rubricRow
	if err := db.Raw(`SELECT r.*, true AS in_use FROM rubrics r WHERE r.id IN (SELECT rubric_id FROM rounds WHERE programme_id = ?)`, programmeID).Scan(&rubrics).Error; err != nil {
		return nil, nil, translate(err)
	}
	byID := make(map[uuid.UUID]domain.Rubric, len(rubrics))
	for _, r := range rubrics {
		byID[r.ID] = r.toDomain()
	}
	return pageOf(rows, roundRow.toDomain, domain.PageRequest{}, 0).Items, byID, nil
}

// BlindReviewers lists the people assigned in the programme's blind rounds.
func (s *Store) BlindReviewers(ctx context.Context, programmeID uuid.UUID) (map[uuid.UUID]bool, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Raw(`SELECT DISTINCT a.reviewer_id FROM assignments a JOIN rounds r ON r.id = a.round_id
		WHERE r.programme_id = ? AND r.blind AND a.status <> 'declined'`, programmeID).Scan(&ids).Error
	out := make(map[uuid.UUID]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, translate(err)
}
