-- Peer review: rubrics, rounds, assignments, reviews, decisions, responses, notifications and
-- the outbox of background jobs.

CREATE TABLE rubrics (
    id                      uuid PRIMARY KEY,
    programme_id            uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    number                  integer NOT NULL,
    title                   text NOT NULL,
    status                  text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'retired')),
    criteria                jsonb NOT NULL,
    recommendation_options  jsonb NOT NULL,
    based_on                uuid REFERENCES rubrics (id),
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_id, number)
);
-- At most one active rubric per programme.
CREATE UNIQUE INDEX rubrics_one_active ON rubrics (programme_id) WHERE status = 'active';

CREATE TABLE rounds (
    id                      uuid PRIMARY KEY,
    programme_id            uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    name                    text NOT NULL,
    rubric_id               uuid NOT NULL REFERENCES rubrics (id),
    status                  text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'decided')),
    opens_at                timestamptz,
    due_at                  timestamptz NOT NULL,
    reviewers_per_practice  integer NOT NULL CHECK (reviewers_per_practice BETWEEN 1 AND 10),
    max_load                integer NOT NULL CHECK (max_load BETWEEN 1 AND 100),
    blind                   boolean NOT NULL DEFAULT true,
    cross_border            boolean NOT NULL DEFAULT true,
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rounds_programme ON rounds (programme_id, created_at DESC);
CREATE INDEX rounds_rubric ON rounds (rubric_id);

-- The practices of a round, with the revision the reviewers read.
CREATE TABLE round_practices (
    round_id     uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    revision     integer NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, practice_id)
);
CREATE INDEX round_practices_practice ON round_practices (practice_id);

-- Conflicts of interest a reviewer declared with an organisation.
CREATE TABLE reviewer_conflicts (
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    reason           text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, organisation_id)
);

CREATE TABLE assignments (
    id              uuid PRIMARY KEY,
    round_id        uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    practice_id     uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    reviewer_id     uuid NOT NULL REFERENCES users (id),
    status          text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'accepted', 'declined', 'submitted')),
    due_at          timestamptz NOT NULL,
    source          text NOT NULL CHECK (source IN ('manual', 'auto')),
    explanation     text NOT NULL DEFAULT '',
    decline_reason  text NOT NULL DEFAULT '',
    reminded_at     timestamptz,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (round_id, practice_id, reviewer_id)
);
CREATE INDEX assignments_reviewer ON assignments (reviewer_id, status, due_at);
CREATE INDEX assignments_practice ON assignments (practice_id, status);
CREATE INDEX assignments_round ON assignments (round_id, practice_id);
CREATE INDEX assignments_due ON assignments (due_at) WHERE status IN ('assigned', 'accepted') AND reminded_at IS NULL;

-- A review exists as a draft from the moment of assignment, so it always has an ETag.
CREATE TABLE reviews (
    assignment_id    uuid PRIMARY KEY REFERENCES assignments (id) ON DELETE CASCADE,
    revision         integer NOT NULL,
    scores           jsonb NOT NULL DEFAULT '[]',
    strengths        text NOT NULL DEFAULT '',
    improvements     text NOT NULL DEFAULT '',
    transferability  jsonb NOT NULL DEFAULT '{}',
    answers          jsonb NOT NULL DEFAULT '[]',
    recommendation   text NOT NULL DEFAULT '',
    confidence       integer CHECK (confidence BETWEEN 1 AND 5),
    status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    submitted_at     timestamptz,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE decisions (
    round_id     uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    outcome      text NOT NULL CHECK (outcome IN ('good_practice', 'promising_practice', 'revision_requested', 'not_retained')),
    rationale    text NOT NULL,
    decided_by   uuid NOT NULL REFERENCES users (id),
    decided_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, practice_id)
);
CREATE INDEX decisions_practice ON decisions (practice_id, decided_at DESC);

-- The practice's organisation answers the reviews of a round.
CREATE TABLE review_responses (
    id           uuid PRIMARY KEY,
    round_id     uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    author_id    uuid NOT NULL REFERENCES users (id),
    body         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_responses_practice ON review_responses (practice_id, created_at);

CREATE TABLE notifications (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    programme_id  uuid REFERENCES programmes (id) ON DELETE CASCADE,
    kind          text NOT NULL,
    subject_type  text NOT NULL,
    subject_id    uuid NOT NULL,
    params        jsonb NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    read_at       timestamptz,
    emailed_at    timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest ON notifications (user_id, created_at) WHERE emailed_at IS NULL;

CREATE TABLE notification_preferences (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email       text NOT NULL DEFAULT 'immediate' CHECK (email IN ('immediate', 'daily', 'off')),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Background work (e-mails, reminders, digests): claimed with FOR UPDATE SKIP LOCKED so that
-- several instances can run the worker; retried with backoff.
CREATE TABLE jobs (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL,
    payload       jsonb NOT NULL DEFAULT '{}',
    dedupe_key    text UNIQUE,
    run_at        timestamptz NOT NULL DEFAULT now(),
    attempts      integer NOT NULL DEFAULT 0,
    max_attempts  integer NOT NULL DEFAULT 8,
    locked_until  timestamptz,
    last_error    text,
    done_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
