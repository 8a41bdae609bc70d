package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type roundRow struct {
	ID                   uuid.UUID
	ProgrammeID          uuid.UUID
	Name                 string
	RubricID             uuid.UUID
	Status               string
	OpensAt              *time.Time
	DueAt                time.Time
	RebuttalDueAt        *time.Time
	ReviewsReleasedAt    *time.Time
	ReviewersPerPractice int
	MaxLoad              int
	Blind                bool
	CrossBorder          bool
	CallID               *uuid.UUID
	Version              int
	CreatedAt            time.Time
	UpdatedAt            time.Time
	PracticeCount        int `gorm:"->"`
}

func (roundRow) TableName() string { return "rounds" }

func (r roundRow) toDomain() domain.Round {
	return domain.Round{ID: r.ID, ProgrammeID: r.ProgrammeID, Name: r.Name, RubricID: r.RubricID, Status: r.Status, OpensAt: r.OpensAt, DueAt: r.DueAt,
		RebuttalDueAt: r.RebuttalDueAt, ReviewsReleasedAt: r.ReviewsReleasedAt,
		ReviewersPerPractice: r.ReviewersPerPractice, MaxLoad: r.MaxLoad, Blind: r.Blind, CrossBorder: r.CrossBorder, CallID: r.CallID, Version: r.Version,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, PracticeCount: r.PracticeCount}
}

const roundSelect = `r.*, (SELECT count(*) FROM round_practices rp WHERE rp.round_id = r.id) AS practice_count`

// CreateRound inserts r.
func (s *Store) CreateRound(ctx context.Context, r domain.Round) (domain.Round, error) {
	row := roundRow{ID: r.ID, ProgrammeID: r.ProgrammeID, Name: r.Name, RubricID: r.RubricID, Status: r.Status, OpensAt: r.OpensAt, DueAt: r.DueAt,
		RebuttalDueAt: r.RebuttalDueAt, ReviewersPerPractice: r.ReviewersPerPractice, MaxLoad: r.MaxLoad, Blind: r.Blind, CrossBorder: r.CrossBorder, CallID: r.CallID, Version: 1,
		CreatedAt: time.Now().UTC(), UpdatedAt: time.Now().UTC()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return domain.Round{}, translate(err)
	}
	return s.Round(ctx, r.ID, false)
}

// Round reads one round; lock holds it for the transaction.
func (s *Store) Round(ctx context.Context, id uuid.UUID, lock bool) (domain.Round, error) {
	q := `SELECT ` + roundSelect + ` FROM rounds r WHERE r.id = ?`
	if lock {
		q += ` FOR UPDATE OF r`
	}
	var row roundRow
	res := s.conn(ctx).Raw(q, id).Scan(&row)
	if res.Error != nil {
		return domain.Round{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Round{}, domain.NotFound("Round")
	}
	return row.toDomain(), nil
}

// ListRounds returns a page of a programme's rounds, newest first.
func (s *Store) ListRounds(ctx context.Context, programmeID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Round], error) {
	q := s.conn(ctx).Table("rounds r").Where("r.programme_id = ?", programmeID)
	var rows []roundRow
	total, err := findPage(q, p, columns{sql: roundSelect}, "r.created_at DESC, r.id DESC", &rows)
	return pageOf(rows, roundRow.toDomain, p, total), err
}

// UpdateRound writes a round's settings when its version is current.
func (s *Store) UpdateRound(ctx context.Context, r domain.Round, version int) (domain.Round, error) {
	var row roundRow
	err := s.updateVersioned(ctx, &row, "rounds", r.ID, version, map[string]any{
		"name": r.Name, "rubric_id": r.RubricID, "status": r.Status, "opens_at": r.OpensAt, "due_at": r.DueAt,
		"rebuttal_due_at": r.RebuttalDueAt, "reviews_released_at": r.ReviewsReleasedAt,
		"reviewers_per_practice": r.ReviewersPerPractice, "max_load": r.MaxLoad, "blind": r.Blind, "cross_border": r.CrossBorder,
	})
	if err != nil {
		return domain.Round{}, notFoundAs(err, "Round")
	}
	if err := s.bumpRound(ctx, r.ID); err != nil { // its rubric may have changed
		return domain.Round{}, err
	}
	return s.Round(ctx, r.ID, false)
}

// AddRoundPractices adds practices to a round (already present ones are kept as they are).
func (s *Store) AddRoundPractices(ctx context.Context, roundID uuid.UUID, items []domain.RoundPractice) error {
	for _, it := range items {
		if err := s.conn(ctx).Exec(`INSERT INTO round_practices (round_id, practice_id, revision) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			roundID, it.PracticeID, it.Revision).Error; err != nil {
			return translate(err)
		}
	}
	return s.bumpRound(ctx, roundID)
}

// RoundPractices lists the practices of a round with their revision.
func (s *Store) RoundPractices(ctx context.Context, roundID uuid.UUID) ([]domain.RoundPractice, error) {
	var rows []domain.RoundPractice
	err := s.conn(ctx).Raw(`SELECT practice_id, revision FROM round_practices WHERE round_id = ? ORDER BY added_at, practice_id`, roundID).Scan(&rows).Error
	return rows, translate(err)
}

// PracticesByIDs reads several practices in one query.
func (s *Store) PracticesByIDs(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]domain.Practice, error) {
	out := map[uuid.UUID]domain.Practice{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []practiceRow
	if err := s.conn(ctx).Raw(`SELECT `+practiceSelect+` FROM practices p `+practiceJoins+` WHERE p.id IN ?`, ids).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	for _, r := range rows {
		out[r.ID] = r.toDomain()
	}
	return out, nil
}

// ActiveRoundOf returns the id of another undecided round holding the practice, if any.
func (s *Store) ActiveRoundOf(ctx context.Context, practiceID, exceptRound uuid.UUID) (*uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Raw(`SELECT rp.round_id FROM round_practices rp JOIN rounds r ON r.id = rp.round_id
		WHERE rp.practice_id = ? AND rp.round_id <> ? AND r.status <> 'decided'
		AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.round_id = rp.round_id AND d.practice_id = rp.practice_id)`, practiceID, exceptRound).Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return nil, translate(err)
	}
	return &ids[0], nil
}

// SetPracticesStatus moves every practice of a round that is in status from to status to, and
// returns the ids it moved.
func (s *Store) SetRoundPracticesStatus(ctx context.Context, roundID uuid.UUID, from, to domain.PracticeStatus) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Raw(`UPDATE practices SET status = ?, version = version + 1, updated_at = now()
		WHERE status = ? AND id IN (SELECT practice_id FROM round_practices WHERE round_id = ?) RETURNING id`, string(to), string(from), roundID).Scan(&ids).Error
	return ids, translate(err)
}
