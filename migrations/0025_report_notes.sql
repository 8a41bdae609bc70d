-- The coordinators' conclusions and policy lessons for a programme's report (SPEC §7.6): one
-- versioned row per programme, written with If-Match like every other shared text. A programme
-- without a row has empty notes at version 1, so the first save needs no separate create.
CREATE TABLE report_notes (
    programme_id    uuid PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
    conclusions     text NOT NULL DEFAULT '' CHECK (length(conclusions) <= 20000),
    policy_lessons  text NOT NULL DEFAULT '' CHECK (length(policy_lessons) <= 20000),
    version         integer NOT NULL CHECK (version >= 2),
    updated_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
