-- Accounts, organisations, programmes, memberships, invitations, sessions, throttling,
-- idempotency and the audit log: the ground every later feature stands on.

CREATE TABLE organisations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country     char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    kind        text NOT NULL,
    city        text NOT NULL DEFAULT '',
    website     text NOT NULL DEFAULT '',
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_country ON organisations (lower(name), country);
CREATE INDEX organisations_sort_name ON organisations (name, id);

CREATE TABLE users (
    id               uuid PRIMARY KEY,
    email            text NOT NULL,
    name             text NOT NULL,
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    password_hash    text NOT NULL,
    languages        jsonb NOT NULL DEFAULT '[]',
    expertise        jsonb NOT NULL DEFAULT '[]',
    is_admin         boolean NOT NULL DEFAULT false,
    disabled         boolean NOT NULL DEFAULT false,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
CREATE INDEX users_organisation ON users (organisation_id);
CREATE INDEX users_sort_name ON users (name, id);

-- One row per signed-in device. Revoking it ends access and refresh at once.
CREATE TABLE sessions (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    revoke_reason text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Refresh tokens are stored as SHA-256 digests; a used one that comes back revokes the session.
CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    session_id  uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- Failed sign-ins, counted per account and per client address over a sliding window.
CREATE TABLE login_failures (
    id           bigserial PRIMARY KEY,
    account_key  text NOT NULL,
    client_key   text NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_account ON login_failures (account_key, failed_at);
CREATE INDEX login_failures_client ON login_failures (client_key, failed_at);
CREATE INDEX login_failures_age ON login_failures (failed_at);

CREATE TABLE programmes (
    id                uuid PRIMARY KEY,
    name              text NOT NULL,
    description       text NOT NULL DEFAULT '',
    objective         text NOT NULL DEFAULT '',
    themes            jsonb NOT NULL DEFAULT '[]',
    target_groups     jsonb NOT NULL DEFAULT '[]',
    languages         jsonb NOT NULL DEFAULT '[]',
    public_catalogue  boolean NOT NULL DEFAULT false,
    starts_on         date,
    ends_on           date,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX programmes_sort_name ON programmes (name, id);

CREATE TABLE memberships (
    programme_id  uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles         jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, user_id),
    CHECK (jsonb_typeof(roles) = 'array' AND jsonb_array_length(roles) > 0)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
    id               uuid PRIMARY KEY,
    token_hash       bytea NOT NULL UNIQUE,
    email            text NOT NULL,
    name             text NOT NULL DEFAULT '',
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    programme_id     uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    roles            jsonb NOT NULL,
    invited_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_user_id uuid REFERENCES users (id)
);
CREATE INDEX invitations_programme ON invitations (programme_id, created_at DESC);

-- Responses to creating POSTs, replayed for a retry with the same key, user, route and body.
CREATE TABLE idempotency_keys (
    user_id       uuid NOT NULL,
    route         text NOT NULL,
    key           text NOT NULL,
    body_hash     bytea NOT NULL,
    status        integer,
    content_type  text,
    response      bytea,
    headers       jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, route, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

-- Append-only: who did what to which object, with the before/after of status changes.
CREATE TABLE audit_log (
    id            bigserial PRIMARY KEY,
    programme_id  uuid,
    actor_id      uuid,
    action        text NOT NULL,
    object_type   text NOT NULL,
    object_id     uuid NOT NULL,
    before        jsonb,
    after         jsonb,
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_programme ON audit_log (programme_id, at DESC, id DESC);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
