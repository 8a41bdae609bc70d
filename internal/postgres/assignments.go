package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type assignmentRow struct {
	ID              uuid.UUID
	RoundID         uuid.UUID
	PracticeID      uuid.UUID
	ReviewerID      uuid.UUID
	Status          string
	DueAt           time.Time
	Source          string
	Explanation     string
	DeclineReason   string
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	ReviewerName    string    `gorm:"->"`
	ReviewerCountry string    `gorm:"->"`
	ReviewerOrgName string    `gorm:"->"`
	PracticeTitle   string    `gorm:"->"`
	PracticeCountry string    `gorm:"->"`
	RoundName       string    `gorm:"->"`
	RoundStatus     string    `gorm:"->"`
	ProgrammeID     uuid.UUID `gorm:"->"`
}

func (assignmentRow) TableName() string { return "assignments" }

func (r assignmentRow) toDomain() domain.Assignment {
	return domain.Assignment{ID: r.ID, RoundID: r.RoundID, PracticeID: r.PracticeID, ReviewerID: r.ReviewerID, Status: r.Status, DueAt: r.DueAt,
		Source: r.Source, Explanation: r.Explanation, DeclineReason: r.DeclineReason, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		ReviewerName: r.ReviewerName, ReviewerCountry: r.ReviewerCountry, ReviewerOrgName: r.ReviewerOrgName, PracticeTitle: r.PracticeTitle,
		PracticeCountry: r.PracticeCountry, RoundName: r.RoundName, RoundStatus: r.RoundStatus, ProgrammeID: r.ProgrammeID}
}

const assignmentSelect = `a.*, u.name AS reviewer_name, o.country AS reviewer_country, o.name AS reviewer_org_name,
	p.title AS practice_title, p.country AS practice_country, r.name AS round_name, r.status AS round_status, r.programme_id`
const assignmentJoins = `JOIN users u ON u.id = a.reviewer_id JOIN organisations o ON o.id = u.organisation_id
	JOIN practices p ON p.id = a.practice_id JOIN rounds r ON r.id = a.round_id`

// CreateAssignments inserts assignments with their empty review drafts, in the caller's transaction.
// A pair that already exists is CodeAlreadyAssigned.
func (s *Store) CreateAssignments(ctx context.Context, as []domain.Assignment, revisions map[uuid.UUID]int) error {
	for _, a := range as {
		res := s.conn(ctx).Exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source, explanation)
			VALUES (?, ?, ?, ?, 'assigned', ?, ?, ?) ON CONFLICT (round_id, practice_id, reviewer_id) DO NOTHING`,
			a.ID, a.RoundID, a.PracticeID, a.ReviewerID, a.DueAt, a.Source, a.Explanation)
		if res.Error != nil {
			return translate(res.Error)
		}
		if res.RowsAffected == 0 {
			return domain.Errorf(domain.CodeAlreadyAssigned, "This reviewer is already assigned to this practice in this round.")
		}
		if err := s.conn(ctx).Exec(`INSERT INTO reviews (assignment_id, revision) VALUES (?, ?)`, a.ID, revisions[a.PracticeID]).Error; err != nil {
			return translate(err)
		}
	}
	bumped := map[uuid.UUID]bool{}
	for _, a := range as {
		if !bumped[a.RoundID] {
			bumped[a.RoundID] = true
			if err := s.bumpRound(ctx, a.RoundID); err != nil {
				return err
			}
		}
	}
	return nil
}

// Assignment reads one assignment with names for display; lock holds it for the transaction.
func (s *Store) Assignment(ctx context.Context, id uuid.UUID, lock bool) (domain.Assignment, error) {
	q := `SELECT ` + assignmentSelect + ` FROM assignments a ` + assignmentJoins + ` WHERE a.id = ?`
	if lock {
		q += ` FOR UPDATE OF a`
	}
	var row assignmentRow
	res := s.conn(ctx).Raw(q, id).Scan(&row)
	if res.Error != nil {
		return domain.Assignment{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Assignment{}, domain.NotFound("Assignment")
	}
	return row.toDomain(), nil
}

// ListAssignments returns a page of assignments.
func (s *Store) ListAssignments(ctx context.Context, f domain.AssignmentFilter, p domain.PageRequest) (domain.Page[domain.Assignment], error) {
	// The joins only name things on the page: the count reads assignments alone.
	q := s.conn(ctx).Table("assignments a")
	if f.RoundID != nil {
		q = q.Where("a.round_id = ?", *f.RoundID)
	}
	if f.ReviewerID != nil {
		q = q.Where("a.reviewer_id = ?", *f.ReviewerID)
	}
	if f.PracticeID != nil {
		q = q.Where("a.practice_id = ?", *f.PracticeID)
	}
	if len(f.Statuses) > 0 {
		q = q.Where("a.status IN ?", f.Statuses)
	}
	if f.OpenRoundsOnly {
		q = q.Where("a.round_id IN (SELECT id FROM rounds WHERE status <> 'draft')")
	}
	var rows []assignmentRow
	total, err := findPageCapped(q, p, columns{sql: assignmentSelect, joins: assignmentJoins}, "a.due_at ASC, p.title ASC, a.id ASC", &rows)
	return pageAt(rows, assignmentRow.toDomain, p, total), err
}

// AllAssignments lists every assignment of a round (for the optimiser and results).
func (s *Store) AllAssignments(ctx context.Context, roundID uuid.UUID) ([]domain.Assignment, error) {
	var rows []assignmentRow
	err := s.conn(ctx).Raw(`SELECT `+assignmentSelect+` FROM assignments a `+assignmentJoins+` WHERE a.round_id = ? ORDER BY a.practice_id, a.id`, roundID).Scan(&rows).Error
	return pageOf(rows, assignmentRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// ReviewerLoads counts the active assignments of each reviewer in a round.
func (s *Store) ReviewerLoads(ctx context.Context, roundID uuid.UUID) (map[uuid.UUID]int, error) {
	var rows []struct {
		ReviewerID uuid.UUID
		N          int
	}
	err := s.conn(ctx).Raw(`SELECT reviewer_id, count(*) AS n FROM assignments WHERE round_id = ? AND status <> 'declined' GROUP BY reviewer_id`, roundID).Scan(&rows).Error
	out := map[uuid.UUID]int{}
	for _, r := range rows {
		out[r.ReviewerID] = r.N
	}
	return out, translate(err)
}

// SetAssignmentStatus changes an assignment's status (and decline reason) when its version is current.
func (s *Store) SetAssignmentStatus(ctx context.Context, id uuid.UUID, version int, status, reason string) error {
	var row assignmentRow
	if err := s.updateVersioned(ctx, &row, "assignments", id, version, map[string]any{"status": status, "decline_reason": reason}); err != nil {
		return notFoundAs(err, "Assignment")
	}
	return s.bumpRoundOfAssignment(ctx, id)
}

// SetAssignmentDue moves an assignment's deadline and allows a new reminder.
func (s *Store) SetAssignmentDue(ctx context.Context, id uuid.UUID, version int, due time.Time) error {
	var row assignmentRow
	return notFoundAs(s.updateVersioned(ctx, &row, "assignments", id, version, map[string]any{"due_at": due, "reminded_at": nil}), "Assignment")
}

// SetRoundDue moves the deadline of every open assignment of a round.
func (s *Store) SetRoundDue(ctx context.Context, roundID uuid.UUID, due time.Time) error {
	return translate(s.conn(ctx).Exec(`UPDATE assignments SET due_at = ?, reminded_at = NULL, version = version + 1, updated_at = now()
		WHERE round_id = ? AND status IN ('assigned', 'accepted')`, due, roundID).Error)
}

// DeleteAssignment removes an assignment that has no submitted review.
func (s *Store) DeleteAssignment(ctx context.Context, id uuid.UUID) error {
	var rounds []uuid.UUID
	res := s.conn(ctx).Raw(`DELETE FROM assignments WHERE id = ? AND status <> 'submitted' RETURNING round_id`, id).Scan(&rounds)
	if res.Error != nil {
		return translate(res.Error)
	}
	if len(rounds) == 0 {
		return domain.Errorf(domain.CodeAssignmentState, "A submitted review cannot be unassigned.")
	}
	return s.bumpRound(ctx, rounds[0])
}

// IsAssignedReviewer reports whether user reviews practice in a round that has opened.
func (s *Store) IsAssignedReviewer(ctx context.Context, practiceID, userID uuid.UUID) (bool, error) {
	var ok bool
	err := s.conn(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM assignments a JOIN rounds r ON r.id = a.round_id
		WHERE a.practice_id = ? AND a.reviewer_id = ? AND a.status <> 'declined' AND r.status <> 'draft')`, practiceID, userID).Scan(&ok).Error
	return ok, translate(err)
}

// DeclareConflict records that a reviewer has a conflict of interest with an organisation.
func (s *Store) DeclareConflict(ctx context.Context, userID, orgID uuid.UUID, reason string) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO reviewer_conflicts (user_id, organisation_id, reason) VALUES (?, ?, ?)
		ON CONFLICT (user_id, organisation_id) DO UPDATE SET reason = EXCLUDED.reason`, userID, orgID, reason).Error)
}

// Conflicts returns, for the given reviewers, the organisations each declared a conflict with.
func (s *Store) Conflicts(ctx context.Context, userIDs []uuid.UUID) (map[uuid.UUID][]uuid.UUID, error) {
	out := map[uuid.UUID][]uuid.UUID{}
	if len(userIDs) == 0 {
		return out, nil
	}
	var rows []struct{ UserID, OrganisationID uuid.UUID }
	err := s.conn(ctx).Raw(`SELECT user_id, organisation_id FROM reviewer_conflicts WHERE user_id IN ?`, userIDs).Scan(&rows).Error
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], r.OrganisationID)
	}
	return out, translate(err)
}

// ProgrammeReviewers lists the programme's members with the reviewer role.
func (s *Store) ProgrammeReviewers(ctx context.Context, programmeID uuid.UUID) ([]domain.ReviewerProfile, error) {
	var rows []struct {
		UserID         uuid.UUID
		Name           string
		OrganisationID uuid.UUID
		Country        string
		Languages      JSON[[]string]
		Expertise      JSON[[]string]
	}
	err := s.conn(ctx).Raw(`SELECT u.id AS user_id, u.name, u.organisation_id, o.country, u.languages, u.expertise
		FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = u.organisation_id
		WHERE m.programme_id = ? AND m.roles @> '["reviewer"]' AND NOT u.disabled ORDER BY u.id`, programmeID).Scan(&rows).Error
	out := make([]domain.ReviewerProfile, len(rows))
	for i, r := range rows {
		out[i] = domain.ReviewerProfile{UserID: r.UserID, Name: r.Name, OrganisationID: r.OrganisationID, Country: r.Country, Languages: lists.NonNil(r.Languages.V), Expertise: lists.NonNil(r.Expertise.V)}
	}
	return out, translate(err)
}
