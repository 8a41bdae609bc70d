-- Exchange activities (SPEC §7.4): study visits, peer-review meetings, workshops, webinars and
-- conferences where the partners of a programme learn from each other, with their agenda, the
-- practices presented, the organisations taking part and what they agreed to do next. Held
-- activities count in the dashboard's "information exchanged"; members follow them, and their
-- review deadlines, in a calendar app through a personal feed.
CREATE TABLE activities (
    id                    uuid PRIMARY KEY,
    programme_id          uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    kind                  text NOT NULL CHECK (kind IN ('study_visit', 'peer_review_meeting', 'workshop', 'webinar', 'conference', 'other')),
    title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description           text NOT NULL DEFAULT '',
    host_organisation_id  uuid NOT NULL REFERENCES organisations (id),
    country               char(2) CHECK (country ~ '^[A-Z]{2}$'),
    city                  text NOT NULL DEFAULT '',
    online_url            text NOT NULL DEFAULT '',
    starts_at             timestamptz NOT NULL,
    ends_at               timestamptz NOT NULL,
    status                text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    minutes               text NOT NULL DEFAULT '',
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at >= starts_at)
);
-- A programme's activities in date order (the list's order, read forwards or backwards, and its
-- from/to window); the status and kind filters have their own, as the tab filters on them.
CREATE INDEX activities_programme ON activities (programme_id, starts_at, id);
CREATE INDEX activities_programme_status ON activities (programme_id, status, starts_at, id);
CREATE INDEX activities_programme_kind ON activities (programme_id, kind, starts_at, id);
CREATE INDEX activities_host ON activities (host_organisation_id);

-- The practices presented at an activity, in the order given.
CREATE TABLE activity_practices (
    activity_id  uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    PRIMARY KEY (activity_id, practice_id)
);
CREATE INDEX activity_practices_practice ON activity_practices (practice_id);

-- The organisations taking part, each once, with their role and how many people came.
CREATE TABLE activity_participants (
    activity_id      uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    role             text NOT NULL CHECK (role IN ('host', 'peer', 'expert', 'participant')),
    people           integer NOT NULL CHECK (people BETWEEN 1 AND 10000),
    position         integer NOT NULL,
    PRIMARY KEY (activity_id, organisation_id)
);
CREATE INDEX activity_participants_organisation ON activity_participants (organisation_id);

-- The agenda, in the order given (usually by time).
CREATE TABLE activity_agenda_items (
    activity_id  uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    at           timestamptz NOT NULL,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    PRIMARY KEY (activity_id, position)
);

-- What the participants agreed to do next, each owned by one organisation. reminded_at marks the
-- one notification its owner's members get when it falls due within a week.
CREATE TABLE activity_follow_ups (
    id                     uuid PRIMARY KEY,
    activity_id            uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    position               integer NOT NULL,
    title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    owner_organisation_id  uuid NOT NULL REFERENCES organisations (id),
    due_on                 date,
    status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    reminded_at            timestamptz,
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_follow_ups_activity ON activity_follow_ups (activity_id, position);
-- The worker's hourly look for open follow-ups falling due that were not announced yet.
CREATE INDEX activity_follow_ups_due ON activity_follow_ups (due_on) WHERE status = 'open' AND reminded_at IS NULL;

-- A person's calendar feed token: only its SHA-256 digest is kept, one per person; a new token
-- replaces the old one and deleting the row revokes the feed.
CREATE TABLE calendar_tokens (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    digest      bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Held activities and their participants are dashboard figures: they move the programme's data
-- version like every other table the figures are computed from (migration 0010). The function
-- is redefined with a branch for the participants, which reach their programme through the
-- activity.
CREATE OR REPLACE FUNCTION pb_programme_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'review_responses' THEN
        PERFORM pb_bump_programme(p.programme_id) FROM practices p WHERE p.id IN (OLD.practice_id, NEW.practice_id);
    ELSIF TG_TABLE_NAME = 'reviews' THEN
        PERFORM pb_bump_programme(d.programme_id) FROM assignments a JOIN rounds d ON d.id = a.round_id
        WHERE a.id IN (OLD.assignment_id, NEW.assignment_id);
    ELSIF TG_TABLE_NAME IN ('assignments', 'decisions', 'round_practices') THEN
        PERFORM pb_bump_programme(d.programme_id) FROM rounds d WHERE d.id IN (OLD.round_id, NEW.round_id);
    ELSIF TG_TABLE_NAME = 'adaptation_outcomes' THEN
        PERFORM pb_bump_programme(a.programme_id) FROM adaptations a WHERE a.id IN (OLD.adaptation_id, NEW.adaptation_id);
    ELSIF TG_TABLE_NAME = 'activity_participants' THEN
        PERFORM pb_bump_programme(a.programme_id) FROM activities a WHERE a.id IN (OLD.activity_id, NEW.activity_id);
    ELSE
        PERFORM pb_bump_programme(OLD.programme_id);
        PERFORM pb_bump_programme(NEW.programme_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER activities_programme_changed AFTER INSERT OR DELETE ON activities DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER activities_programme_updated AFTER UPDATE ON activities DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER activity_participants_programme_changed AFTER INSERT OR DELETE ON activity_participants DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER activity_participants_programme_updated AFTER UPDATE ON activity_participants DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
