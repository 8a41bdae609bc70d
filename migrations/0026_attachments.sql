-- Attachments (SPEC §7.7): files on practices, adaptations and new products, kept in the
-- database itself, in chunks, so that a backup of the database is a backup of the files and every
-- instance serves every file.
--
-- owner_type names the kind of object a file belongs to and owner_id the object. There is no
-- foreign key on a pair like this, so each owner table gets a trigger that forgets its files
-- when a row goes (a deleted draft, a deleted programme). A new kind of owner (activities) is one
-- more value in the CHECK and one more trigger.
--
-- A file is written chunk by chunk as it arrives, each chunk in its own short statement, under a
-- row that stays pending (completed_at NULL) until the last byte is in; nothing lists or serves a
-- pending row, and pending rows left behind by a stopped server are swept after a while.
CREATE TABLE attachments (
    id            uuid PRIMARY KEY,
    owner_type    text NOT NULL CHECK (owner_type IN ('practice', 'adaptation', 'product')),
    owner_id      uuid NOT NULL,
    programme_id  uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type    text NOT NULL,
    size          bigint NOT NULL DEFAULT 0 CHECK (size >= 0),
    sha256        bytea,
    uploaded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    CHECK (completed_at IS NULL OR (sha256 IS NOT NULL AND length(sha256) = 32))
);
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id, created_at, id) WHERE completed_at IS NOT NULL;
CREATE INDEX attachments_pending ON attachments (created_at) WHERE completed_at IS NULL;

CREATE TABLE attachment_chunks (
    attachment_id  uuid NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    seq            integer NOT NULL CHECK (seq >= 0),
    bytes          bytea NOT NULL,
    PRIMARY KEY (attachment_id, seq)
);
-- The chunks are already compressed or small; storing them out of line without another round of
-- compression saves the CPU that would find nothing to gain in a PDF or a JPEG.
ALTER TABLE attachment_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

CREATE FUNCTION attachments_forget_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM attachments WHERE owner_type = TG_ARGV[0] AND owner_id = OLD.id;
    RETURN OLD;
END;
$$;

CREATE TRIGGER practices_forget_attachments AFTER DELETE ON practices
    FOR EACH ROW EXECUTE FUNCTION attachments_forget_owner('practice');
CREATE TRIGGER adaptations_forget_attachments AFTER DELETE ON adaptations
    FOR EACH ROW EXECUTE FUNCTION attachments_forget_owner('adaptation');
CREATE TRIGGER new_products_forget_attachments AFTER DELETE ON new_products
    FOR EACH ROW EXECUTE FUNCTION attachments_forget_owner('product');
