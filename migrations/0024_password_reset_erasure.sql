-- Password reset and the erasure of a person's data (SPEC §7.7).

-- A reset token is stored only as its SHA-256 digest; it is good once, for an hour.
CREATE TABLE password_resets (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at DESC);

-- Every reset request, known address or not, so that the e-mails per address and per client
-- can be limited without telling anyone whether an address has an account. The address is kept
-- only as a digest: people type addresses that belong to no one here.
CREATE TABLE password_reset_requests (
    id              bigserial PRIMARY KEY,
    account_digest  bytea NOT NULL,
    client_key      text NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_requests_account ON password_reset_requests (account_digest, requested_at);
CREATE INDEX password_reset_requests_client ON password_reset_requests (client_key, requested_at);
CREATE INDEX password_reset_requests_age ON password_reset_requests (requested_at);

-- An erased account keeps its row, so that reviews, comments and the audit log keep pointing at
-- it, under a pseudonym and with no way to sign in.
ALTER TABLE users ADD COLUMN erased_at timestamptz;

-- The audit log stays append-only, except for the one rewrite erasure needs: inside a
-- transaction that declared it (SET LOCAL peerbridge.erasure = 'on'), an entry's recorded names
-- and before/after may change; what happened, to what, by whom and when may not. Nothing is
-- ever deleted.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('peerbridge.erasure', true) = 'on'
        AND NEW.id = OLD.id
        AND NEW.programme_id IS NOT DISTINCT FROM OLD.programme_id
        AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
        AND NEW.action = OLD.action
        AND NEW.object_type = OLD.object_type
        AND NEW.object_id = OLD.object_id
        AND NEW.at = OLD.at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END $$;

-- Erasure finds the entries about a person's invitations by the object.
CREATE INDEX invitations_email ON invitations (lower(email));
