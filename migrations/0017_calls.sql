-- Calls for practices: a programme invites practices on some themes within a window. A practice
-- names the call it answers; a round set up from a call holds the practices submitted to it, and
-- practices submitted later join that round while it is a draft or open.
CREATE TABLE calls (
    id            uuid PRIMARY KEY,
    programme_id  uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    title         text NOT NULL,
    description   text NOT NULL DEFAULT '',
    themes        jsonb NOT NULL DEFAULT '[]',
    opens_at      timestamptz NOT NULL,
    closes_at     timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at > opens_at)
);
-- A programme's calls, latest opening first (the list's order).
CREATE INDEX calls_programme ON calls (programme_id, opens_at DESC, id DESC);

-- The call a practice answers; a practice without one is NULL (most of them), so the index
-- leaves those out. A call is never deleted while practices or rounds name it.
ALTER TABLE practices ADD COLUMN call_id uuid REFERENCES calls (id);
CREATE INDEX practices_call ON practices (call_id, status) WHERE call_id IS NOT NULL;

-- The call a round was set up from.
ALTER TABLE rounds ADD COLUMN call_id uuid REFERENCES calls (id);
CREATE INDEX rounds_call ON rounds (call_id, created_at DESC) WHERE call_id IS NOT NULL;
