package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type reviewRow struct {
	AssignmentID    uuid.UUID
	Revision        int
	Scores          JSON[[]scoreDoc]
	Strengths       string
	Improvements    string
	Transferability JSON[transferabilityDoc]
	Answers         JSON[[]answerDoc]
	Recommendation  string
	Confidence      *int
	Status          string
	SubmittedAt     *time.Time
	WeightedScore   *float64
	GatesPassed     bool
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	RoundID         uuid.UUID  `gorm:"->"`
	PracticeID      uuid.UUID  `gorm:"->"`
	ReviewerID      uuid.UUID  `gorm:"->"`
	ReviewerName    string     `gorm:"->"`
	ReviewerOrg     string     `gorm:"->"`
	ReviewerCntry   string     `gorm:"->"`
	Blind           bool       `gorm:"->"`
	Revised         bool       `gorm:"->"`
	ReviewsReleased bool       `gorm:"->"`
	RebuttalDueAt   *time.Time `gorm:"->"`
	// Read for display and exports.
	PracticeTitle string    `gorm:"->"`
	RoundName     string    `gorm:"->"`
	RubricID      uuid.UUID `gorm:"->"`
}

func (reviewRow) TableName() string { return "reviews" }

func (r reviewRow) toDomain() domain.Review {
	return domain.Review{AssignmentID: r.AssignmentID, Revision: r.Revision, Scores: lists.NonNil(lists.Map(r.Scores.V, scoreDoc.toDomain)), Strengths: r.Strengths, Improvements: r.Improvements,
		Transferability: r.Transferability.V.toDomain(), Answers: lists.NonNil(lists.Map(r.Answers.V, answerDoc.toDomain)), Recommendation: r.Recommendation, Confidence: r.Confidence, Status: r.Status,
		SubmittedAt: r.SubmittedAt, Outcome: domain.ReviewOutcome{WeightedScore: r.WeightedScore, GatesPassed: r.GatesPassed}, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, RoundID: r.RoundID, PracticeID: r.PracticeID,
		ReviewerID: r.ReviewerID, ReviewerName: r.ReviewerName, ReviewerOrg: r.ReviewerOrg, ReviewerCntry: r.ReviewerCntry, Blind: r.Blind,
		RoundName: r.RoundName, RubricID: r.RubricID, Revised: r.Revised, ReviewsReleased: r.ReviewsReleased, RebuttalDueAt: r.RebuttalDueAt}
}

const reviewSelect = `v.*, a.round_id, a.practice_id, a.reviewer_id, u.name AS reviewer_name, o.name AS reviewer_org, o.country AS reviewer_cntry, r.blind,
	r.name AS round_name, r.rubric_id, EXISTS (SELECT 1 FROM review_revisions rr WHERE rr.assignment_id = v.assignment_id) AS revised,
	r.reviews_released_at IS NOT NULL AS reviews_released, r.rebuttal_due_at`
const reviewJoins = `JOIN assignments a ON a.id = v.assignment_id JOIN users u ON u.id = a.reviewer_id
	JOIN organisations o ON o.id = u.organisation_id JOIN rounds r ON r.id = a.round_id`

// Review reads the review of an assignment; lock holds it for the transaction.
func (s *Store) Review(ctx context.Context, assignmentID uuid.UUID, lock bool) (domain.Review, error) {
	q := `SELECT ` + reviewSelect + ` FROM reviews v ` + reviewJoins + ` WHERE v.assignment_id = ?`
	if lock {
		q += ` FOR UPDATE OF v`
	}
	var row reviewRow
	res := s.conn(ctx).Raw(q, assignmentID).Scan(&row)
	if res.Error != nil {
		return domain.Review{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Review{}, domain.NotFound("Review")
	}
	return row.toDomain(), nil
}

// SaveReview writes a review's content and status when its version is current. Submitting or
// reopening a review also moves its round's statistics version and its practice's first review
// date, in the same transaction.
func (s *Store) SaveReview(ctx context.Context, r domain.Review, version int) (domain.Review, error) {
	var was []string
	res := s.conn(ctx).Raw(`UPDATE reviews v SET scores = ?, strengths = ?, improvements = ?, transferability = ?, answers = ?, recommendation = ?,
		confidence = ?, status = ?, submitted_at = ?, weighted_score = ?, gates_passed = ?, version = v.version + 1, updated_at = now()
		FROM (SELECT assignment_id, status FROM reviews WHERE assignment_id = ?) old
		WHERE v.assignment_id = old.assignment_id AND v.version = ? RETURNING old.status`,
		docList(r.Scores, toScoreDoc), r.Strengths, r.Improvements, JSON[transferabilityDoc]{V: toTransferabilityDoc(r.Transferability)}, docList(r.Answers, toAnswerDoc), r.Recommendation,
		r.Confidence, r.Status, r.SubmittedAt, r.Outcome.WeightedScore, r.Outcome.GatesPassed, r.AssignmentID, version).Scan(&was)
	if res.Error != nil {
		return domain.Review{}, translate(res.Error)
	}
	if len(was) == 0 {
		return domain.Review{}, domain.Errorf(domain.CodeVersionMismatch, "The review was changed elsewhere; reload it and try again.")
	}
	if was[0] == domain.ReviewSubmitted || r.Status == domain.ReviewSubmitted {
		if err := s.bumpRoundOfAssignment(ctx, r.AssignmentID); err != nil {
			return domain.Review{}, err
		}
		if err := s.refreshFirstReview(ctx, r.AssignmentID); err != nil {
			return domain.Review{}, err
		}
	}
	return s.Review(ctx, r.AssignmentID, false)
}

// ReviewsOfPractice lists every review of a practice (all rounds), drafts included; callers filter.
func (s *Store) ReviewsOfPractice(ctx context.Context, practiceID uuid.UUID) ([]domain.Review, error) {
	var rows []reviewRow
	err := s.conn(ctx).Raw(`SELECT `+reviewSelect+` FROM reviews v `+reviewJoins+` WHERE a.practice_id = ? AND a.status <> 'declined'
		ORDER BY a.round_id, v.submitted_at NULLS LAST, v.assignment_id`, practiceID).Find(&rows).Error
	return pageOf(rows, reviewRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// ReviewsOfRound lists the submitted reviews of a round.
func (s *Store) ReviewsOfRound(ctx context.Context, roundID uuid.UUID) ([]domain.Review, error) {
	var rows []reviewRow
	err := s.conn(ctx).Raw(`SELECT `+reviewSelect+` FROM reviews v `+reviewJoins+` WHERE a.round_id = ? AND v.status = 'submitted'
		ORDER BY a.practice_id, v.assignment_id`, roundID).Scan(&rows).Error
	return pageOf(rows, reviewRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// InsertDecision records a decision; a second decision for the same practice and round conflicts.
func (s *Store) InsertDecision(ctx context.Context, d domain.DecisionRecord) error {
	res := s.conn(ctx).Exec(`INSERT INTO decisions (round_id, practice_id, outcome, rationale, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, d.RoundID, d.PracticeID, d.Outcome, d.Rationale, d.DecidedBy, d.DecidedAt)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Errorf(domain.CodeConflict, "A decision on this practice was already recorded in this round.")
	}
	return s.bumpRound(ctx, d.RoundID)
}

// Decisions lists the decisions of a round, or of a practice across rounds.
func (s *Store) Decisions(ctx context.Context, roundID, practiceID *uuid.UUID) ([]domain.DecisionRecord, error) {
	q := s.conn(ctx).Table("decisions")
	if roundID != nil {
		q = q.Where("round_id = ?", *roundID)
	}
	if practiceID != nil {
		q = q.Where("practice_id = ?", *practiceID)
	}
	var rows []domain.DecisionRecord
	err := q.Order("decided_at").Find(&rows).Error
	return rows, translate(err)
}

// InsertResponse stores a response.
func (s *Store) InsertResponse(ctx context.Context, r domain.ReviewResponse) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO review_responses (id, round_id, practice_id, author_id, body) VALUES (?, ?, ?, ?, ?)`,
		r.ID, r.RoundID, r.PracticeID, r.AuthorID, r.Body).Error)
}

// Responses lists the responses on a practice.
func (s *Store) Responses(ctx context.Context, practiceID uuid.UUID) ([]domain.ReviewResponse, error) {
	var rows []domain.ReviewResponse
	err := s.conn(ctx).Raw(`SELECT x.*, u.name AS author_name FROM review_responses x JOIN users u ON u.id = x.author_id
		WHERE x.practice_id = ? ORDER BY x.created_at`, practiceID).Scan(&rows).Error
	return rows, translate(err)
}

type reviewRevisionRow struct {
	AssignmentID    uuid.UUID
	Revision        int
	Scores          JSON[[]scoreDoc]
	Strengths       string
	Improvements    string
	Transferability JSON[transferabilityDoc]
	Answers         JSON[[]answerDoc]
	Recommendation  string
	Confidence      *int
	WeightedScore   *float64
	GatesPassed     bool
	SubmittedAt     time.Time
	RevisedAt       time.Time
}

func (r reviewRevisionRow) toDomain() domain.ReviewRevision {
	return domain.ReviewRevision{AssignmentID: r.AssignmentID, Revision: r.Revision, Scores: lists.NonNil(lists.Map(r.Scores.V, scoreDoc.toDomain)),
		Strengths: r.Strengths, Improvements: r.Improvements, Transferability: r.Transferability.V.toDomain(),
		Answers: lists.NonNil(lists.Map(r.Answers.V, answerDoc.toDomain)), Recommendation: r.Recommendation, Confidence: r.Confidence,
		Outcome: domain.ReviewOutcome{WeightedScore: r.WeightedScore, GatesPassed: r.GatesPassed}, SubmittedAt: r.SubmittedAt, RevisedAt: r.RevisedAt}
}

// KeepFirstSubmission stores a review's first submission before it is revised; a review already
// revised once is CodeAlreadyRevised (the primary key decides between concurrent requests).
func (s *Store) KeepFirstSubmission(ctx context.Context, v domain.ReviewRevision) error {
	res := s.conn(ctx).Exec(`INSERT INTO review_revisions (assignment_id, revision, scores, strengths, improvements, transferability, answers,
		recommendation, confidence, weighted_score, gates_passed, submitted_at, revised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assignment_id) DO NOTHING`,
		v.AssignmentID, v.Revision, docList(v.Scores, toScoreDoc), v.Strengths, v.Improvements, JSON[transferabilityDoc]{V: toTransferabilityDoc(v.Transferability)},
		docList(v.Answers, toAnswerDoc), v.Recommendation, v.Confidence, v.Outcome.WeightedScore, v.Outcome.GatesPassed, v.SubmittedAt, v.RevisedAt)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Errorf(domain.CodeAlreadyRevised, "This review was already revised once.")
	}
	return nil
}

// FirstSubmissions returns the kept first submissions of the given reviews, by assignment id.
func (s *Store) FirstSubmissions(ctx context.Context, assignmentIDs []uuid.UUID) (map[uuid.UUID]domain.ReviewRevision, error) {
	out := map[uuid.UUID]domain.ReviewRevision{}
	if len(assignmentIDs) == 0 {
		return out, nil
	}
	var rows []reviewRevisionRow
	if err := s.conn(ctx).Raw(`SELECT * FROM review_revisions WHERE assignment_id IN ?`, assignmentIDs).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	for _, r := range rows {
		out[r.AssignmentID] = r.toDomain()
	}
	return out, nil
}
