-- The reviewers' discussion of a practice in a round (SPEC §7.2): the round's coordinators and
-- the reviewers of the practice who submitted talk it over. It is its own table, not a kind of
-- comment, so that nothing that lists or exports comments can ever carry it to the practice's
-- organisation.
CREATE TABLE discussion_posts (
    id           uuid PRIMARY KEY,
    round_id     uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    author_id    uuid NOT NULL REFERENCES users (id),
    body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discussion_posts_thread ON discussion_posts (round_id, practice_id, created_at, id);

-- The last reminder a coordinator sent a reviewer for a round. The row is the throttle: a
-- reminder is only sent by the statement that inserts the row or moves sent_at forward by at
-- least 24 hours, so two coordinators pressing the button at once send one e-mail.
CREATE TABLE round_reminders (
    round_id     uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    reviewer_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sent_at      timestamptz NOT NULL,
    PRIMARY KEY (round_id, reviewer_id)
);
