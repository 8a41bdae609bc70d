package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// QueueMail puts a written e-mail in the outbox (the jobs table), in the caller's transaction.
func (s *Store) QueueMail(ctx context.Context, m domain.Mail) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO jobs (kind, payload) VALUES ('mail', ?)`,
		JSON[map[string]string]{V: mailPayload(m)}).Error)
}

func mailPayload(m domain.Mail) map[string]string {
	p := map[string]string{"to": m.To, "subject": m.Subject, "body": m.Body}
	if m.ReplyTo != "" {
		p["reply_to"] = m.ReplyTo
	}
	return p
}

// RequestPasswordReset records the request, and stores the reset and queues its e-mail when the
// account may have one, in a single statement: a known and an unknown address cost the same
// round trip. The limits count the requests of the window before this one; requests older than
// a day are forgotten on the way.
func (s *Store) RequestPasswordReset(ctx context.Context, r domain.PasswordResetRequest) (bool, error) {
	var queued int
	err := s.conn(ctx).Raw(`WITH
		purge AS (DELETE FROM password_reset_requests WHERE requested_at < now() - interval '1 day'),
		req AS (INSERT INTO password_reset_requests (account_digest, client_key) VALUES (@account, @client)),
		recent AS (SELECT
			(SELECT count(*) FROM password_reset_requests WHERE account_digest = @account AND requested_at > now() - @window * interval '1 second') AS account,
			(SELECT count(*) FROM password_reset_requests WHERE client_key = @client AND requested_at > now() - @window * interval '1 second') AS client),
		reset AS (INSERT INTO password_resets (id, user_id, token_hash, expires_at)
			SELECT @id, u.id, @token, @expires FROM users u, recent
			WHERE u.id = @user AND NOT u.disabled AND u.erased_at IS NULL AND recent.account < @max_account AND recent.client < @max_client
			RETURNING id),
		mail AS (INSERT INTO jobs (kind, payload) SELECT 'mail', CAST(@payload AS jsonb) FROM reset RETURNING id)
		SELECT count(*) FROM mail`,
		sql.Named("account", bytea(r.AccountDigest)), sql.Named("client", r.ClientKey), sql.Named("window", int(r.Window.Seconds())),
		sql.Named("id", r.ID), sql.Named("token", bytea(r.TokenDigest)), sql.Named("expires", r.ExpiresAt), sql.Named("user", r.UserID),
		sql.Named("max_account", r.MaxPerAccount), sql.Named("max_client", r.MaxPerClient),
		sql.Named("payload", JSON[map[string]string]{V: mailPayload(r.Mail)})).Scan(&queued).Error
	return queued > 0, translate(err)
}

type passwordResetRow struct {
	ID        uuid.UUID
	UserID    uuid.UUID
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// PasswordResetByDigest reads a reset by its token digest; with lock, the row is held for the
// rest of the transaction.
func (s *Store) PasswordResetByDigest(ctx context.Context, digest []byte, lock bool) (domain.PasswordReset, error) {
	q := `SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = ?`
	if lock {
		q += " FOR UPDATE"
	}
	var row passwordResetRow
	res := s.conn(ctx).Raw(q, bytea(digest)).Scan(&row)
	if res.Error != nil {
		return domain.PasswordReset{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.PasswordReset{}, domain.NotFound("Password reset")
	}
	return domain.PasswordReset{ID: row.ID, UserID: row.UserID, ExpiresAt: row.ExpiresAt, UsedAt: row.UsedAt}, nil
}

// SpendPasswordResets marks every unused reset of a user used.
func (s *Store) SpendPasswordResets(ctx context.Context, userID uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`UPDATE password_resets SET used_at = now() WHERE user_id = ? AND used_at IS NULL`, userID).Error)
}

// SoleCoordinatorOf locks the coordinator memberships of the programmes the user coordinates
// (in one order, so that concurrent erasures queue instead of deadlocking) and returns the
// programmes with no other coordinator.
func (s *Store) SoleCoordinatorOf(ctx context.Context, userID uuid.UUID) ([]uuid.UUID, error) {
	var rows []struct {
		ProgrammeID uuid.UUID
		UserID      uuid.UUID
	}
	err := s.conn(ctx).Raw(`SELECT programme_id, user_id FROM memberships
		WHERE roles @> '["coordinator"]' AND programme_id IN (SELECT programme_id FROM memberships WHERE user_id = ? AND roles @> '["coordinator"]')
		ORDER BY programme_id, user_id FOR UPDATE`, userID).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	count := map[uuid.UUID]int{}
	var order []uuid.UUID
	for _, r := range rows {
		if count[r.ProgrammeID] == 0 {
			order = append(order, r.ProgrammeID)
		}
		count[r.ProgrammeID]++
	}
	var alone []uuid.UUID
	for _, p := range order {
		if count[p] == 1 {
			alone = append(alone, p)
		}
	}
	return alone, nil
}

// EraseUser removes a person's name, e-mail and profile from their account and from every place
// they were copied to, in the caller's transaction:
//   - the account takes the pseudonym and an address that reaches no one, loses its password,
//     profile and memberships, and is disabled;
//   - e-mails not yet sent to the person are cancelled, and those sent keep no address;
//   - the audit log's recorded names (actor, the account as object, assignments and invitations
//     naming the person) read the pseudonym — the one rewrite the log's guard allows;
//   - other people's notifications quoting the person's name, invitations to the address,
//     practice contacts with the address and stored idempotent responses holding it follow;
//   - where other people named the person in what they wrote (comments, discussion posts and
//     answers to reviews), the full name as the account held it, as a whole word, reads the
//     pseudonym. A name shorter than four characters is left alone: it is more likely part of
//     someone else's name than a mention of this person.
//
// Reviews, comments, discussion posts and responses keep pointing at the account, so they show
// the pseudonym wherever they are read, listed or exported.
func (s *Store) EraseUser(ctx context.Context, e domain.Erasure) error {
	return translate(s.WithTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		args := []any{sql.Named("id", e.UserID), sql.Named("name", e.Name), sql.Named("email", e.Email), sql.Named("pseudonym", e.Pseudonym),
			sql.Named("erased_email", e.ErasedEmail), sql.Named("digest", bytea(e.AccountDigest)), sql.Named("suffix", " — "+e.Name),
			sql.Named("discussion", domain.NotifyDiscussion)}
		statements := []string{
			`SELECT set_config('peerbridge.erasure', 'on', true)`,
			// The audit log first, while the invitations still carry the address.
			`UPDATE audit_log SET actor_name = @pseudonym WHERE actor_id = @id`,
			`UPDATE audit_log SET object_title = @pseudonym WHERE object_type = 'user' AND object_id = @id`,
			`UPDATE audit_log SET object_title = left(object_title, length(object_title) - length(@suffix)) || ' — ' || @pseudonym
				WHERE object_type = 'assignment' AND right(object_title, length(@suffix)) = @suffix
				AND (object_id IN (SELECT id FROM assignments WHERE reviewer_id = @id) OR object_id NOT IN (SELECT id FROM assignments))`,
			`UPDATE audit_log SET object_title = @pseudonym,
				after = CASE WHEN after ->> 'email' IS NOT NULL THEN jsonb_set(after, '{email}', to_jsonb(CAST(@erased_email AS text))) ELSE after END
				WHERE object_type = 'invitation' AND (object_id IN (SELECT id FROM invitations WHERE lower(email) = lower(@email) OR accepted_user_id = @id)
					OR lower(after ->> 'email') = lower(@email))`,
			`UPDATE invitations SET email = @erased_email, name = @pseudonym WHERE lower(email) = lower(@email) OR accepted_user_id = @id`,
			// E-mails: pending ones to the person are cancelled; sent ones keep no address.
			`UPDATE jobs SET payload = '{}'::jsonb, done_at = coalesce(done_at, now()), locked_until = NULL
				WHERE (kind = 'mail' AND lower(payload ->> 'to') = lower(@email))
				OR (kind = 'email' AND payload ->> 'notification_id' IN (SELECT id::text FROM notifications WHERE user_id = @id))`,
			// Invitations the person sent and that are still waiting to go out open with their
			// name (every language's template starts with it): the pseudonym takes its place.
			`UPDATE jobs SET payload = jsonb_set(payload, '{body}', to_jsonb(@pseudonym || substr(payload ->> 'body', length(@name) + 1)))
				WHERE kind = 'mail' AND done_at IS NULL AND left(payload ->> 'body', length(@name) + 1) = @name || ' '`,
			// A delivery error may quote the address.
			`UPDATE jobs SET last_error = NULL WHERE position(lower(@email) IN lower(last_error)) > 0`,
			`DELETE FROM notifications WHERE user_id = @id`,
			`DELETE FROM notification_preferences WHERE user_id = @id`,
			`UPDATE notifications SET params = params || jsonb_build_object('author', CAST(@pseudonym AS text))
				WHERE kind = @discussion AND (params ->> 'author_id' = CAST(@id AS text) OR (params ->> 'author_id' IS NULL AND params ->> 'author' = @name))`,
			`DELETE FROM memberships WHERE user_id = @id`,
			`DELETE FROM password_resets WHERE user_id = @id`,
			`DELETE FROM password_reset_requests WHERE account_digest = @digest`,
			// A stored answer quoting the address or the name is dropped: a retry then runs afresh.
			`DELETE FROM idempotency_keys WHERE user_id = @id OR position(convert_to(@email, 'UTF8') IN response) > 0
				OR position(convert_to('"' || @name || '"', 'UTF8') IN response) > 0`,
			`UPDATE practices SET content = jsonb_set(content, '{contact}', '{"name": "", "email": ""}'), version = version + 1, updated_at = now()
				WHERE lower(content #>> '{contact,email}') = lower(@email)`,
			`UPDATE practice_revisions SET snapshot = jsonb_set(snapshot, '{contact}', '{"name": "", "email": ""}')
				WHERE lower(snapshot #>> '{contact,email}') = lower(@email)`,
			// Mentions in other people's words (pb_replace_name, migration 0036).
			`UPDATE comments SET body = pb_replace_name(body, @name, @pseudonym) WHERE length(@name) >= 4 AND position(@name IN body) > 0`,
			`UPDATE discussion_posts SET body = pb_replace_name(body, @name, @pseudonym) WHERE length(@name) >= 4 AND position(@name IN body) > 0`,
			`UPDATE review_responses SET body = pb_replace_name(body, @name, @pseudonym) WHERE length(@name) >= 4 AND position(@name IN body) > 0`,
			`UPDATE users SET name = @pseudonym, email = @erased_email, password_hash = '', languages = '[]', expertise = '[]',
				is_admin = false, disabled = true, erased_at = now(), version = version + 1, updated_at = now() WHERE id = @id`,
		}
		for _, q := range statements {
			var with []any
			if strings.Contains(q, "@") {
				with = args
			}
			if err := db.Exec(q, with...).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// personalSections are the queries of a personal-data export, one JSON array each, with the
// columns named one by one: a password hash, a token digest or another person's e-mail address
// can never slip in with a new column.
var personalSections = []struct{ name, query string }{
	{"memberships", `SELECT m.programme_id, p.name AS programme_name, m.roles, m.created_at, m.updated_at
		FROM memberships m JOIN programmes p ON p.id = m.programme_id WHERE m.user_id = @id ORDER BY m.created_at`},
	{"practices", `SELECT id, programme_id, organisation_id, title, summary, language, country, themes, target_groups, content, products,
		translations, status, revision, created_at, updated_at, submitted_at, published_at
		FROM practices WHERE created_by = @id ORDER BY created_at, id`},
	{"reviews", `SELECT a.id AS assignment_id, a.round_id, rd.name AS round_name, a.practice_id, p.title AS practice_title, a.status AS assignment_status,
		a.due_at, a.decline_reason, r.revision, r.scores, r.strengths, r.improvements, r.transferability, r.answers, r.recommendation,
		r.confidence, r.status, r.submitted_at, r.created_at, r.updated_at
		FROM assignments a JOIN rounds rd ON rd.id = a.round_id JOIN practices p ON p.id = a.practice_id
		LEFT JOIN reviews r ON r.assignment_id = a.id WHERE a.reviewer_id = @id ORDER BY a.created_at, a.id`},
	{"bids", `SELECT round_id, practice_id, level, updated_at FROM bids WHERE user_id = @id ORDER BY updated_at`},
	{"comments", `SELECT id, programme_id, subject_type, subject_id, parent_id, body, created_at, edited_at, deleted_at
		FROM comments WHERE author_id = @id ORDER BY created_at, id`},
	{"discussion_posts", `SELECT id, round_id, practice_id, body, created_at FROM discussion_posts WHERE author_id = @id ORDER BY created_at, id`},
	{"review_responses", `SELECT id, round_id, practice_id, body, created_at FROM review_responses WHERE author_id = @id ORDER BY created_at, id`},
	{"adaptations", `SELECT id, programme_id, title, stage, created_at FROM adaptations WHERE created_by = @id ORDER BY created_at, id`},
	{"new_products", `SELECT id, programme_id, title, status, created_at FROM new_products WHERE created_by = @id ORDER BY created_at, id`},
	{"notifications", `SELECT id, programme_id, kind, subject_type, subject_id, params, created_at, read_at, emailed_at
		FROM notifications WHERE user_id = @id ORDER BY created_at, id`},
	{"notification_preferences", `SELECT email, updated_at FROM notification_preferences WHERE user_id = @id`},
	{"sessions", `SELECT id, created_at, expires_at, revoked_at, revoke_reason FROM sessions WHERE user_id = @id ORDER BY created_at, id`},
	{"password_resets", `SELECT created_at, expires_at, used_at FROM password_resets WHERE user_id = @id ORDER BY created_at`},
	{"invitations", `SELECT i.id, i.programme_id, i.roles, i.locale, i.created_at, i.expires_at, i.accepted_at
		FROM invitations i WHERE i.accepted_user_id = @id OR lower(i.email) = (SELECT lower(email) FROM users WHERE id = @id)
		ORDER BY i.created_at, i.id`},
	{"audit", `SELECT id, programme_id, actor_id, actor_name, action, object_type, object_id, object_title, before, after, at
		FROM audit_log WHERE actor_id = @id OR (object_type = 'user' AND object_id = @id) ORDER BY at, id`},
}

// PersonalData reads every section of a personal-data export in one statement.
func (s *Store) PersonalData(ctx context.Context, userID uuid.UUID) (domain.PersonalData, error) {
	sql := "SELECT jsonb_build_object("
	for i, sec := range personalSections {
		if i > 0 {
			sql += ", "
		}
		sql += "'" + sec.name + "', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]'::jsonb) FROM (" + sec.query + ") x)"
	}
	sql += ")::text"
	var doc string
	if err := s.conn(ctx).Raw(sql, namedID(userID)).Row().Scan(&doc); err != nil {
		return nil, translate(err)
	}
	out := domain.PersonalData{}
	if err := json.Unmarshal([]byte(doc), &out); err != nil {
		return nil, err
	}
	return out, nil
}

func namedID(id uuid.UUID) sql.NamedArg { return sql.Named("id", id) }
