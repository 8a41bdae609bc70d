package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

type notificationRow struct {
	ID          uuid.UUID
	UserID      uuid.UUID
	ProgrammeID *uuid.UUID
	Kind        string
	SubjectType string
	SubjectID   uuid.UUID
	Params      JSON[map[string]string]
	CreatedAt   time.Time
	ReadAt      *time.Time
	EmailedAt   *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

func (r notificationRow) toDomain() domain.Notification {
	return domain.Notification{ID: r.ID, UserID: r.UserID, ProgrammeID: r.ProgrammeID, Kind: r.Kind, SubjectType: r.SubjectType, SubjectID: r.SubjectID,
		Params: r.Params.V, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
}

// InsertNotifications stores notifications and, for people who want e-mail at once, queues one
// e-mail job each — in the caller's transaction, so nothing is announced that did not happen.
func (s *Store) InsertNotifications(ctx context.Context, ns []domain.Notification) error {
	for _, n := range ns {
		if err := s.conn(ctx).Exec(`INSERT INTO notifications (id, user_id, programme_id, kind, subject_type, subject_id, params) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			n.ID, n.UserID, n.ProgrammeID, n.Kind, n.SubjectType, n.SubjectID, JSON[map[string]string]{V: n.Params}).Error; err != nil {
			return translate(err)
		}
		if err := s.conn(ctx).Exec(`INSERT INTO jobs (kind, payload)
			SELECT 'email', jsonb_build_object('notification_id', ?::text)
			WHERE coalesce((SELECT email FROM notification_preferences WHERE user_id = ?), 'immediate') = 'immediate'`, n.ID, n.UserID).Error; err != nil {
			return translate(err)
		}
	}
	return nil
}

// ListNotifications returns a page of a user's notifications, newest first.
func (s *Store) ListNotifications(ctx context.Context, userID uuid.UUID, unreadOnly bool, p domain.PageRequest) (domain.Page[domain.Notification], int64, error) {
	q := s.conn(ctx).Table("notifications").Where("user_id = ?", userID)
	if unreadOnly {
		q = q.Where("read_at IS NULL")
	}
	var rows []notificationRow
	total, err := findPageCapped(q, p, columns{}, "created_at DESC, id DESC", &rows)
	if err != nil {
		return domain.Page[domain.Notification]{}, 0, err
	}
	var unread int64
	if err := s.conn(ctx).Table("notifications").Where("user_id = ? AND read_at IS NULL", userID).Count(&unread).Error; err != nil {
		return domain.Page[domain.Notification]{}, 0, translate(err)
	}
	return pageAt(rows, notificationRow.toDomain, p, total), unread, nil
}

// MarkNotificationsRead marks the given notifications of a user read (all of them when ids is empty).
func (s *Store) MarkNotificationsRead(ctx context.Context, userID uuid.UUID, ids []uuid.UUID) error {
	q := s.conn(ctx).Table("notifications").Where("user_id = ? AND read_at IS NULL", userID)
	if len(ids) > 0 {
		q = q.Where("id IN ?", ids)
	}
	return translate(q.Update("read_at", time.Now().UTC()).Error)
}

// Notification reads one notification with its recipient, for the mailer.
func (s *Store) Notification(ctx context.Context, id uuid.UUID) (domain.Notification, error) {
	var row notificationRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return domain.Notification{}, notFoundAs(translate(err), "Notification")
	}
	return row.toDomain(), nil
}

// MarkEmailed notes that notifications went out by e-mail.
func (s *Store) MarkEmailed(ctx context.Context, ids []uuid.UUID) error {
	if len(ids) == 0 {
		return nil
	}
	return translate(s.conn(ctx).Exec(`UPDATE notifications SET emailed_at = now() WHERE id IN ?`, ids).Error)
}

// DigestCandidates returns, per user who chose a daily digest, the notifications not yet e-mailed.
func (s *Store) DigestCandidates(ctx context.Context) (map[uuid.UUID][]domain.Notification, error) {
	var rows []notificationRow
	err := s.conn(ctx).Raw(`SELECT n.* FROM notifications n JOIN notification_preferences p ON p.user_id = n.user_id
		WHERE p.email = 'daily' AND n.emailed_at IS NULL AND n.created_at > now() - interval '7 days' ORDER BY n.user_id, n.created_at`).Scan(&rows).Error
	out := map[uuid.UUID][]domain.Notification{}
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], r.toDomain())
	}
	return out, translate(err)
}

// NotificationPreference reads a user's e-mail preference (immediate by default).
func (s *Store) NotificationPreference(ctx context.Context, userID uuid.UUID) (string, error) {
	var pref *string
	err := s.conn(ctx).Raw(`SELECT email FROM notification_preferences WHERE user_id = ?`, userID).Scan(&pref).Error
	if err != nil || pref == nil {
		return "immediate", translate(err)
	}
	return *pref, nil
}

// SetNotificationPreference stores a user's e-mail preference.
func (s *Store) SetNotificationPreference(ctx context.Context, userID uuid.UUID, email string) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO notification_preferences (user_id, email) VALUES (?, ?)
		ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`, userID, email).Error)
}

// EnqueueJob adds a job; a job with the same dedupe key is added once.
func (s *Store) EnqueueJob(ctx context.Context, kind string, payload map[string]string, runAt time.Time, dedupeKey string) error {
	var key *string
	if dedupeKey != "" {
		key = &dedupeKey
	}
	return translate(s.conn(ctx).Exec(`INSERT INTO jobs (kind, payload, run_at, dedupe_key) VALUES (?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
		kind, JSON[map[string]string]{V: payload}, runAt, key).Error)
}

// ClaimJobs takes up to n due jobs for lease, skipping rows another worker holds.
func (s *Store) ClaimJobs(ctx context.Context, n int, lease time.Duration) ([]domain.Job, error) {
	var jobs []jobRow
	err := s.conn(ctx).Raw(`UPDATE jobs SET locked_until = now() + (? * interval '1 second'), attempts = attempts + 1
		WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= now() AND (locked_until IS NULL OR locked_until < now())
			ORDER BY run_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
		RETURNING id, kind, payload, attempts, run_at`, int(lease.Seconds()), n).Scan(&jobs).Error
	out := make([]domain.Job, len(jobs))
	for i, j := range jobs {
		out[i] = domain.Job{ID: j.ID, Kind: j.Kind, Payload: j.Payload.V, Attempts: j.Attempts, RunAt: j.RunAt}
	}
	return out, translate(err)
}

// jobRow is a claimed job as the jobs table returns it.
type jobRow struct {
	ID       int64
	Kind     string
	Payload  JSON[map[string]string]
	Attempts int
	RunAt    time.Time
}

// FinishJob marks a job done. A sent e-mail's body goes: it may hold a link meant for one person,
// or a visitor's message; so does the visitor's address it was to be answered at.
func (s *Store) FinishJob(ctx context.Context, id int64) error {
	return translate(s.conn(ctx).Exec(`UPDATE jobs SET done_at = now(), locked_until = NULL,
		payload = CASE WHEN kind = 'mail' THEN payload - 'body' - 'reply_to' ELSE payload END WHERE id = ?`, id).Error)
}

// RetryJob records a failure and schedules the next attempt, or gives up after max_attempts.
func (s *Store) RetryJob(ctx context.Context, id int64, after time.Duration, errText string) error {
	return translate(s.conn(ctx).Exec(`UPDATE jobs SET last_error = ?, locked_until = NULL,
		run_at = now() + (? * interval '1 second'), done_at = CASE WHEN attempts >= max_attempts THEN now() END,
		payload = CASE WHEN kind = 'mail' AND attempts >= max_attempts THEN payload - 'body' - 'reply_to' ELSE payload END WHERE id = ?`,
		errText, int(after.Seconds()), id).Error)
}

// DueAssignments lists open assignments due before a time that were not reminded yet.
func (s *Store) DueAssignments(ctx context.Context, before time.Time) ([]domain.Assignment, error) {
	var rows []assignmentRow
	err := s.conn(ctx).Raw(`SELECT `+assignmentSelect+` FROM assignments a `+assignmentJoins+`
		WHERE a.status IN ('assigned', 'accepted') AND a.reminded_at IS NULL AND a.due_at <= ? AND a.due_at > now() AND r.status = 'open'`, before).Scan(&rows).Error
	return pageOf(rows, assignmentRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// MarkReminded notes that an assignment's reminder went out.
func (s *Store) MarkReminded(ctx context.Context, id uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`UPDATE assignments SET reminded_at = now() WHERE id = ?`, id).Error)
}
