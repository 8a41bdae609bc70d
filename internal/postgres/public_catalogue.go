package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// PublicVocabulary returns the themes and target groups of the programmes with a public
// catalogue, each key once (the title of the oldest programme that has it), in key order.
func (s *Store) PublicVocabulary(ctx context.Context) (domain.Vocabulary, error) {
	var rows []struct {
		Kind string
		Doc  JSON[keyedDoc]
	}
	err := s.conn(ctx).Raw(`SELECT kind, doc FROM (
			SELECT DISTINCT ON (v.kind, v.doc ->> 'key') v.kind, v.doc, g.created_at
			FROM programmes g
			CROSS JOIN LATERAL (SELECT 'theme' AS kind, d AS doc FROM jsonb_array_elements(g.themes) d
				UNION ALL SELECT 'target_group', d FROM jsonb_array_elements(g.target_groups) d) AS v
			WHERE g.public_catalogue
			ORDER BY v.kind, v.doc ->> 'key', g.created_at, g.id) AS x
		ORDER BY kind, doc ->> 'key'`).Scan(&rows).Error
	if err != nil {
		return domain.Vocabulary{}, translate(err)
	}
	out := domain.Vocabulary{Themes: []domain.Keyed{}, TargetGroups: []domain.Keyed{}}
	for _, r := range rows {
		if r.Kind == "theme" {
			out.Themes = append(out.Themes, r.Doc.V.toDomain())
		} else {
			out.TargetGroups = append(out.TargetGroups, r.Doc.V.toDomain())
		}
	}
	return out, nil
}

// recordedRoundName names, for the practice p, the round its decision document names, when a
// decision on p was recorded in that round; NULL otherwise.
const recordedRoundName = `(SELECT r.name FROM decisions d JOIN rounds r ON r.id = d.round_id
	WHERE d.practice_id = p.id AND d.round_id = (p.decision ->> 'round_id')::uuid)`

// RecordedRound returns the round a decision on the practice was recorded in, or nil when no
// decision on it was recorded in that round.
func (s *Store) RecordedRound(ctx context.Context, practiceID, roundID uuid.UUID) (*domain.RecognitionRound, error) {
	var rows []struct {
		ID   uuid.UUID
		Name string
	}
	err := s.conn(ctx).Raw(`SELECT r.id, r.name FROM decisions d JOIN rounds r ON r.id = d.round_id
		WHERE d.practice_id = ? AND d.round_id = ?`, practiceID, roundID).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, translate(err)
	}
	return &domain.RecognitionRound{ID: rows[0].ID, Name: rows[0].Name}, nil
}

// The advisory lock classes (the first key of pg_advisory_xact_lock) of the contact form's limits.
const (
	contactClientLock   = 0x50420001
	contactPracticeLock = 0x50420002
)

// SendContactMessage records a message to a practice's contact and queues its e-mail, in one
// statement, when neither the client nor the practice has reached its limit within its window;
// rows older than a day are forgotten on the way. Over a limit, nothing is written and the
// answer says which limit and when the oldest message counted against it leaves the window.
//
// Messages from one client, and messages to one practice, are counted one after another: the
// transaction first takes an advisory lock on each (the client's first, so two senders never wait
// for each other crosswise), and the counting statement, which takes its snapshot after them,
// sees every message sent before. Without them, messages sent at the same instant all counted
// the same earlier ones and all passed.
func (s *Store) SendContactMessage(ctx context.Context, m domain.ContactMessage) (*domain.ContactLimited, error) {
	var row struct {
		Sent           bool
		ClientCount    int
		ClientOldest   *time.Time
		PracticeCount  int
		PracticeOldest *time.Time
		Now            time.Time
	}
	err := s.WithTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Exec(`SELECT pg_advisory_xact_lock(?, hashtext(encode(?, 'hex'))), pg_advisory_xact_lock(?, hashtext(?::text))`,
			contactClientLock, bytea(m.ClientDigest), contactPracticeLock, m.PracticeID).Error; err != nil {
			return err
		}
		return s.conn(ctx).Raw(`WITH
		purge AS (DELETE FROM public_contact_messages WHERE sent_at < now() - interval '1 day'),
		recent AS (SELECT
			(SELECT count(*) FROM public_contact_messages WHERE client_digest = @client AND sent_at > now() - @client_window * interval '1 second') AS client_count,
			(SELECT min(sent_at) FROM public_contact_messages WHERE client_digest = @client AND sent_at > now() - @client_window * interval '1 second') AS client_oldest,
			(SELECT count(*) FROM public_contact_messages WHERE practice_id = @practice AND sent_at > now() - @practice_window * interval '1 second') AS practice_count,
			(SELECT min(sent_at) FROM public_contact_messages WHERE practice_id = @practice AND sent_at > now() - @practice_window * interval '1 second') AS practice_oldest),
		sent AS (INSERT INTO public_contact_messages (practice_id, client_digest)
			SELECT @practice, @client FROM recent WHERE client_count < @max_client AND practice_count < @max_practice
			RETURNING id),
		mail AS (INSERT INTO jobs (kind, payload) SELECT 'mail', CAST(@payload AS jsonb) FROM sent RETURNING id)
		SELECT EXISTS (SELECT 1 FROM mail) AS sent, client_count, client_oldest, practice_count, practice_oldest, now() AS now FROM recent`,
			sql.Named("client", bytea(m.ClientDigest)), sql.Named("practice", m.PracticeID),
			sql.Named("client_window", int(m.ClientWindow.Seconds())), sql.Named("practice_window", int(m.PracticeWindow.Seconds())),
			sql.Named("max_client", m.MaxPerClient), sql.Named("max_practice", m.MaxPerPractice),
			sql.Named("payload", JSON[map[string]string]{V: mailPayload(m.Mail)})).Scan(&row).Error
	})
	if err != nil {
		return nil, translate(err)
	}
	if row.Sent {
		return nil, nil
	}
	// The client's limit is the one to name first: it is the visitor's own doing.
	if row.ClientCount >= m.MaxPerClient && row.ClientOldest != nil {
		return &domain.ContactLimited{Limit: "client", RetryAfter: row.ClientOldest.Add(m.ClientWindow).Sub(row.Now)}, nil
	}
	if row.PracticeOldest != nil {
		return &domain.ContactLimited{Limit: "practice", RetryAfter: row.PracticeOldest.Add(m.PracticeWindow).Sub(row.Now)}, nil
	}
	return &domain.ContactLimited{Limit: "practice", RetryAfter: m.PracticeWindow}, nil
}
