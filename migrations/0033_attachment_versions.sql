-- An activity's file can have its role changed after upload (PATCH /attachments/{id}), so an
-- attachment becomes an object that can be changed and is versioned like every other one
-- (SPEC §4): the change needs If-Match and is one UPDATE … WHERE id = ? AND version = ?, so two
-- coordinators correcting the same file cannot overwrite each other unseen. Existing files start
-- at version 1, last changed when they were uploaded.
ALTER TABLE attachments
    ADD COLUMN version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN updated_at timestamptz;
UPDATE attachments SET updated_at = created_at;
ALTER TABLE attachments
    ALTER COLUMN updated_at SET DEFAULT now(),
    ALTER COLUMN updated_at SET NOT NULL;
