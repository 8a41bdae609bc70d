package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type discussionPostRow struct {
	ID         uuid.UUID
	RoundID    uuid.UUID
	PracticeID uuid.UUID
	AuthorID   uuid.UUID
	Body       string
	CreatedAt  time.Time
	// Read from a join, never written.
	AuthorName string `gorm:"->"`
}

func (discussionPostRow) TableName() string { return "discussion_posts" }

func (r discussionPostRow) toDomain() domain.DiscussionPost {
	return domain.DiscussionPost{ID: r.ID, RoundID: r.RoundID, PracticeID: r.PracticeID, AuthorID: r.AuthorID, Body: r.Body,
		CreatedAt: r.CreatedAt, AuthorName: r.AuthorName}
}

const discussionSelect = `d.*, u.name AS author_name`

// CreateDiscussionPost inserts a post and reads it back with its author.
func (s *Store) CreateDiscussionPost(ctx context.Context, p domain.DiscussionPost) (domain.DiscussionPost, error) {
	row := discussionPostRow{ID: p.ID, RoundID: p.RoundID, PracticeID: p.PracticeID, AuthorID: p.AuthorID, Body: p.Body, CreatedAt: time.Now().UTC()}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return domain.DiscussionPost{}, translate(err)
	}
	var out discussionPostRow
	if err := s.conn(ctx).Raw(`SELECT `+discussionSelect+` FROM discussion_posts d JOIN users u ON u.id = d.author_id WHERE d.id = ?`, p.ID).Scan(&out).Error; err != nil {
		return domain.DiscussionPost{}, translate(err)
	}
	return out.toDomain(), nil
}

// ListDiscussionPosts returns a page of the discussion of a practice in a round, oldest first.
func (s *Store) ListDiscussionPosts(ctx context.Context, roundID, practiceID uuid.UUID, p domain.PageRequest) (domain.Page[domain.DiscussionPost], error) {
	q := s.conn(ctx).Table("discussion_posts d").Joins("JOIN users u ON u.id = d.author_id").Where("d.round_id = ? AND d.practice_id = ?", roundID, practiceID)
	var rows []discussionPostRow
	total, err := findPageCapped(q, p, columns{sql: discussionSelect}, "d.created_at ASC, d.id ASC", &rows)
	return pageAt(rows, discussionPostRow.toDomain, p, total), err
}

type pendingReviewRow struct {
	AssignmentID  uuid.UUID
	ReviewerID    uuid.UUID
	ReviewerName  string
	PracticeID    uuid.UUID
	PracticeTitle string
	DueAt         time.Time
}

// PendingReviews lists the assignments of a round still waiting for a review (assigned or
// accepted, the reviewer's account active), by reviewer and deadline.
func (s *Store) PendingReviews(ctx context.Context, roundID uuid.UUID) ([]domain.PendingReview, error) {
	var rows []pendingReviewRow
	err := s.conn(ctx).Raw(`SELECT a.id AS assignment_id, a.reviewer_id, u.name AS reviewer_name, a.practice_id, p.title AS practice_title, a.due_at
		FROM assignments a JOIN users u ON u.id = a.reviewer_id JOIN practices p ON p.id = a.practice_id
		WHERE a.round_id = ? AND a.status IN ('assigned', 'accepted') AND NOT u.disabled
		ORDER BY a.reviewer_id, a.due_at, p.title, a.id`, roundID).Scan(&rows).Error
	out := make([]domain.PendingReview, len(rows))
	for i, r := range rows {
		out[i] = domain.PendingReview{AssignmentID: r.AssignmentID, ReviewerID: r.ReviewerID, ReviewerName: r.ReviewerName, PracticeID: r.PracticeID,
			PracticeTitle: r.PracticeTitle, DueAt: r.DueAt}
	}
	return out, translate(err)
}

// ClaimReminder records that the reviewer is reminded of the round at the time given, unless the
// last reminder is less than domain.ReminderInterval older; it reports whether it did and when
// the last reminder went out. One statement decides: a second transaction claiming the same
// reviewer waits for the first and then finds its fresh row, so it never claims too.
func (s *Store) ClaimReminder(ctx context.Context, roundID, reviewerID uuid.UUID, at time.Time) (bool, time.Time, error) {
	res := s.conn(ctx).Exec(`INSERT INTO round_reminders (round_id, reviewer_id, sent_at) VALUES (?, ?, ?)
		ON CONFLICT (round_id, reviewer_id) DO UPDATE SET sent_at = EXCLUDED.sent_at
		WHERE round_reminders.sent_at <= EXCLUDED.sent_at - (? * interval '1 second')`, roundID, reviewerID, at, int64(domain.ReminderInterval.Seconds()))
	if res.Error != nil {
		return false, time.Time{}, translate(res.Error)
	}
	if res.RowsAffected == 1 {
		return true, at, nil
	}
	var last time.Time
	err := s.conn(ctx).Raw(`SELECT sent_at FROM round_reminders WHERE round_id = ? AND reviewer_id = ?`, roundID, reviewerID).Scan(&last).Error
	return false, last, translate(err)
}

// QueueNotificationEmail puts the e-mail of a notification in the outbox unless it is already
// there (InsertNotifications queues it for people who want e-mail at once).
func (s *Store) QueueNotificationEmail(ctx context.Context, notificationID uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO jobs (kind, payload)
		SELECT 'email', jsonb_build_object('notification_id', ?::text)
		WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = 'email' AND payload->>'notification_id' = ?::text)`, notificationID, notificationID).Error)
}
