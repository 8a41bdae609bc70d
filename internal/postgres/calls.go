package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type callRow struct {
	ID             uuid.UUID
	ProgrammeID    uuid.UUID
	Title          string
	Description    string
	Themes         JSON[[]string]
	OpensAt        time.Time
	ClosesAt       time.Time
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	SubmittedCount int `gorm:"->"`
}

func (callRow) TableName() string { return "calls" }

func callToRow(c domain.Call) callRow {
	return callRow{ID: c.ID, ProgrammeID: c.ProgrammeID, Title: c.Title, Description: c.Description, Themes: List(c.Themes),
		OpensAt: c.OpensAt.UTC(), ClosesAt: c.ClosesAt.UTC(), Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

func (r callRow) toDomain() domain.Call {
	return domain.Call{ID: r.ID, ProgrammeID: r.ProgrammeID, Title: r.Title, Description: r.Description, Themes: lists.NonNil(r.Themes.V),
		OpensAt: r.OpensAt, ClosesAt: r.ClosesAt, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, SubmittedCount: r.SubmittedCount}
}

// callSelect counts the practices submitted to the call from the practices_call index: every
// status after the first submission except withdrawn.
const callSelect = `c.id, c.programme_id, c.title, c.description, c.themes, c.opens_at, c.closes_at, c.version, c.created_at, c.updated_at,
	(SELECT count(*) FROM practices p WHERE p.call_id = c.id AND p.status NOT IN ('draft', 'withdrawn')) AS submitted_count`

// CreateCall inserts c.
func (s *Store) CreateCall(ctx context.Context, c domain.Call) (domain.Call, error) {
	now := time.Now().UTC()
	c.Version, c.CreatedAt, c.UpdatedAt = 1, now, now
	row := callToRow(c)
	if err := s.conn(ctx).Omit("SubmittedCount").Create(&row).Error; err != nil {
		return domain.Call{}, translate(err)
	}
	return s.Call(ctx, c.ID, false)
}

// Call reads one call; lock holds it for the transaction.
func (s *Store) Call(ctx context.Context, id uuid.UUID, lock bool) (domain.Call, error) {
	q := `SELECT ` + callSelect + ` FROM calls c WHERE c.id = ?`
	if lock {
		q += ` FOR UPDATE OF c`
	}
	var row callRow
	res := s.conn(ctx).Raw(q, id).Find(&row)
	if res.Error != nil {
		return domain.Call{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Call{}, domain.NotFound("Call")
	}
	return row.toDomain(), nil
}

// ListCalls returns a page of a programme's calls, the latest opening first.
func (s *Store) ListCalls(ctx context.Context, programmeID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Call], error) {
	q := s.conn(ctx).Table("calls c").Where("c.programme_id = ?", programmeID)
	var rows []callRow
	total, err := findPage(q, p, columns{sql: callSelect}, "c.opens_at DESC, c.id DESC", &rows)
	return pageOf(rows, callRow.toDomain, p, total), err
}

// UpdateCall writes a call when its version is current.
func (s *Store) UpdateCall(ctx context.Context, c domain.Call, version int) (domain.Call, error) {
	r := callToRow(c)
	var row callRow
	err := s.updateVersionedReturning(ctx, &row, "calls", "id", c.ID, version, map[string]any{
		"title": r.Title, "description": r.Description, "themes": r.Themes, "opens_at": r.OpensAt, "closes_at": r.ClosesAt,
	})
	if err != nil {
		return domain.Call{}, notFoundAs(err, "Call")
	}
	return s.Call(ctx, c.ID, false)
}

// CallPracticeInOtherRound returns a practice submitted to the call (status submitted) that
// another undecided round than roundID holds, or nil: the rule of ActiveRoundOf for every
// practice of the call in one statement.
func (s *Store) CallPracticeInOtherRound(ctx context.Context, callID, roundID uuid.UUID) (*uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Raw(`SELECT p.id FROM practices p
		JOIN round_practices rp ON rp.practice_id = p.id AND rp.round_id <> ?
		JOIN rounds r ON r.id = rp.round_id AND r.status <> 'decided'
		WHERE p.call_id = ? AND p.status = 'submitted'
		AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.round_id = rp.round_id AND d.practice_id = rp.practice_id)
		ORDER BY p.id LIMIT 1`, roundID, callID).Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return nil, translate(err)
	}
	return &ids[0], nil
}

// AddCallPractices puts every practice submitted to the call (status submitted) into the round
// with the revision it was submitted as, keeping those already in it.
func (s *Store) AddCallPractices(ctx context.Context, roundID, callID uuid.UUID) error {
	err := s.conn(ctx).Exec(`INSERT INTO round_practices (round_id, practice_id, revision)
		SELECT ?, id, revision FROM practices WHERE call_id = ? AND status = 'submitted' ON CONFLICT DO NOTHING`, roundID, callID).Error
	if err != nil {
		return translate(err)
	}
	return s.bumpRound(ctx, roundID)
}

// CallRoundFor returns the newest draft or open round set up from the call that does not hold
// the practice yet, or nil.
func (s *Store) CallRoundFor(ctx context.Context, callID, practiceID uuid.UUID) (*domain.Round, error) {
	var rows []roundRow
	err := s.conn(ctx).Raw(`SELECT `+roundSelect+` FROM rounds r WHERE r.call_id = ? AND r.status IN ('draft', 'open')
		AND NOT EXISTS (SELECT 1 FROM round_practices rp WHERE rp.round_id = r.id AND rp.practice_id = ?)
		ORDER BY r.created_at DESC, r.id DESC LIMIT 1`, callID, practiceID).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, translate(err)
	}
	r := rows[0].toDomain()
	return &r, nil
}
