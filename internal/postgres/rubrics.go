package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type rubricRow struct {
	ID                    uuid.UUID
	ProgrammeID           uuid.UUID
	Number                int
	Title                 string
	Status                string
	Criteria              JSON[[]criterionDoc]
	RecommendationOptions JSON[[]string]
	BasedOn               *uuid.UUID
	Version               int
	CreatedAt             time.Time
	UpdatedAt             time.Time
	InUse                 bool `gorm:"->"`
}

func (rubricRow) TableName() string { return "rubrics" }

func (r rubricRow) toDomain() domain.Rubric {
	return domain.Rubric{ID: r.ID, ProgrammeID: r.ProgrammeID, Number: r.Number, Title: r.Title, Status: r.Status, Criteria: lists.NonNil(lists.Map(r.Criteria.V, criterionDoc.toDomain)),
		RecommendationOptions: lists.NonNil(r.RecommendationOptions.V), BasedOn: r.BasedOn, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, InUse: r.InUse}
}

const rubricSelect = `r.*, EXISTS (SELECT 1 FROM rounds x WHERE x.rubric_id = r.id) AS in_use`

// CreateRubric inserts a rubric with the next number of its programme.
func (s *Store) CreateRubric(ctx context.Context, r domain.Rubric) (domain.Rubric, error) {
	err := s.conn(ctx).Exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options, based_on)
		VALUES (?, ?, (SELECT coalesce(max(number), 0) + 1 FROM rubrics WHERE programme_id = ?), ?, ?, ?, ?, ?)`,
		r.ID, r.ProgrammeID, r.ProgrammeID, r.Title, r.Status, docList(r.Criteria, toCriterionDoc), List(r.RecommendationOptions), r.BasedOn).Error
	if err != nil {
		return domain.Rubric{}, translate(err)
	}
	return s.Rubric(ctx, r.ID)
}

// Rubric reads one rubric and whether a round uses it.
func (s *Store) Rubric(ctx context.Context, id uuid.UUID) (domain.Rubric, error) {
	var row rubricRow
	res := s.conn(ctx).Raw(`SELECT `+rubricSelect+` FROM rubrics r WHERE r.id = ?`, id).Scan(&row)
	if res.Error != nil {
		return domain.Rubric{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Rubric{}, domain.NotFound("Rubric")
	}
	return row.toDomain(), nil
}

// ListRubrics returns a programme's rubrics, newest first.
func (s *Store) ListRubrics(ctx context.Context, programmeID uuid.UUID) ([]domain.Rubric, error) {
	var rows []rubricRow
	err := s.conn(ctx).Raw(`SELECT `+rubricSelect+` FROM rubrics r WHERE r.programme_id = ? ORDER BY r.number DESC`, programmeID).Scan(&rows).Error
	return pageOf(rows, rubricRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// UpdateRubric writes a rubric's title and criteria when its version is current and no round
// uses it; the check and the write are one statement, so a round cannot start using it between.
func (s *Store) UpdateRubric(ctx context.Context, r domain.Rubric, version int) (domain.Rubric, error) {
	res := s.conn(ctx).Exec(`UPDATE rubrics SET title = ?, criteria = ?, recommendation_options = ?, version = version + 1, updated_at = now()
		WHERE id = ? AND version = ? AND NOT EXISTS (SELECT 1 FROM rounds x WHERE x.rubric_id = rubrics.id)`,
		r.Title, docList(r.Criteria, toCriterionDoc), List(r.RecommendationOptions), r.ID, version)
	if res.Error != nil {
		return domain.Rubric{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		cur, err := s.Rubric(ctx, r.ID)
		if err != nil {
			return domain.Rubric{}, err
		}
		if cur.InUse {
			return domain.Rubric{}, domain.Errorf(domain.CodeRubricInUse, "A round uses this rubric, so it can no longer change; create a new version instead.")
		}
		return domain.Rubric{}, domain.Errorf(domain.CodeVersionMismatch, "The rubric was changed by someone else; reload it and try again.")
	}
	return s.Rubric(ctx, r.ID)
}

// UpdateRubricTranslations writes a rubric's criteria when its version is current, in use or
// not: the service has checked that only their translations differ.
func (s *Store) UpdateRubricTranslations(ctx context.Context, r domain.Rubric, version int) (domain.Rubric, error) {
	res := s.conn(ctx).Exec(`UPDATE rubrics SET criteria = ?, version = version + 1, updated_at = now() WHERE id = ? AND version = ?`,
		docList(r.Criteria, toCriterionDoc), r.ID, version)
	if res.Error != nil {
		return domain.Rubric{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		if _, err := s.Rubric(ctx, r.ID); err != nil {
			return domain.Rubric{}, err
		}
		return domain.Rubric{}, domain.Errorf(domain.CodeVersionMismatch, "The rubric was changed by someone else; reload it and try again.")
	}
	return s.Rubric(ctx, r.ID)
}

// ActivateRubric makes a rubric the programme's active one and retires the previous one.
func (s *Store) ActivateRubric(ctx context.Context, programmeID, id uuid.UUID) error {
	return translate(s.WithTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Exec(`UPDATE rubrics SET status = 'retired', version = version + 1, updated_at = now()
			WHERE programme_id = ? AND status = 'active' AND id <> ?`, programmeID, id).Error; err != nil {
			return err
		}
		return s.conn(ctx).Exec(`UPDATE rubrics SET status = 'active', version = version + 1, updated_at = now() WHERE id = ? AND status <> 'active'`, id).Error
	}))
}

// ActiveRubric returns the programme's active rubric.
func (s *Store) ActiveRubric(ctx context.Context, programmeID uuid.UUID) (domain.Rubric, error) {
	var row rubricRow
	res := s.conn(ctx).Raw(`SELECT `+rubricSelect+` FROM rubrics r WHERE r.programme_id = ? AND r.status = 'active'`, programmeID).Scan(&row)
	if res.Error != nil {
		return domain.Rubric{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Rubric{}, domain.NotFound("Rubric")
	}
	return row.toDomain(), nil
}
