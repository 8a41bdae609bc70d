-- Rebuttal (SPEC §7.2): a round may give the practices' organisations a window, after the
-- reviews are released and before the decision, to read their reviews and answer them; the
-- reviewers then read the answer and may revise their review once.

-- The new round status 'rebuttal' sits between reviewing and the decision.
ALTER TABLE rounds DROP CONSTRAINT rounds_status_check;
ALTER TABLE rounds ADD CONSTRAINT rounds_status_check CHECK (status IN ('draft', 'open', 'closed', 'rebuttal', 'decided'));

-- rebuttal_due_at ends the organisations' window to respond; reviews_released_at says when the
-- coordinators released the reviews (NULL: never, and then the organisation answers after the
-- decision, as before).
ALTER TABLE rounds ADD COLUMN rebuttal_due_at timestamptz, ADD COLUMN reviews_released_at timestamptz;
ALTER TABLE rounds ADD CONSTRAINT rounds_rebuttal_after_due CHECK (rebuttal_due_at IS NULL OR rebuttal_due_at > due_at);

-- A review's first submission, kept when its reviewer revises it during the rebuttal. One row
-- per review: the primary key is what makes "once" hold under concurrent requests too. Results
-- and agreement read reviews alone (the revised version once it is submitted again), so nothing
-- here feeds round_unit_values.
CREATE TABLE review_revisions (
    assignment_id    uuid PRIMARY KEY REFERENCES reviews (assignment_id) ON DELETE CASCADE,
    revision         integer NOT NULL,
    scores           jsonb NOT NULL,
    strengths        text NOT NULL,
    improvements     text NOT NULL,
    transferability  jsonb NOT NULL,
    answers          jsonb NOT NULL,
    recommendation   text NOT NULL,
    confidence       integer,
    weighted_score   double precision,
    gates_passed     boolean NOT NULL,
    submitted_at     timestamptz NOT NULL,
    revised_at       timestamptz NOT NULL DEFAULT now()
);
