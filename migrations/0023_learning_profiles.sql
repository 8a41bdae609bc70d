-- Where mutual learning is most meaningful: each organisation keeps, per programme, what it
-- offers to teach and wants to learn on each of the programme's themes, with its questions.
-- Matches and the learning map read these rows; the profile is versioned as a whole.
CREATE TABLE learning_profiles (
    programme_id     uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    version          integer NOT NULL DEFAULT 1,
    updated_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, organisation_id)
);

-- One row per theme the organisation says something about; a theme it neither offers nor wants
-- and asks nothing about has no row. The theme key is one of the programme's themes when saved;
-- a theme the programme drops later is left out when read.
CREATE TABLE learning_profile_themes (
    programme_id     uuid NOT NULL,
    organisation_id  uuid NOT NULL,
    theme_key        text NOT NULL CHECK (theme_key ~ '^[a-z0-9_]{1,40}$'),
    offers           boolean NOT NULL DEFAULT false,
    wants            text NOT NULL DEFAULT 'none' CHECK (wants IN ('none', 'some', 'high')),
    questions        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(questions) = 'array'),
    PRIMARY KEY (programme_id, organisation_id, theme_key),
    FOREIGN KEY (programme_id, organisation_id) REFERENCES learning_profiles (programme_id, organisation_id) ON DELETE CASCADE
);
-- The learning map and the matches read a programme's offers and wants theme by theme.
CREATE INDEX learning_profile_themes_theme ON learning_profile_themes (programme_id, theme_key) INCLUDE (organisation_id, offers, wants);
