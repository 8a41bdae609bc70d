-- A version per programme for its practice lists and searches.
--
-- The store keeps the page ids and the total of a programme's practice lists and searches in
-- memory under this version (internal/postgres/practice_list_cache.go), and reads the version
-- (one primary-key lookup) before using them. Everything a list's membership, order, rank or
-- total depends on moves it on: any change of a practice (its text, translations, status,
-- decision, dates), and the assignments and round states that decide which practices under way
-- a reviewer may see. Like programme_data_versions (0010), it is moved on once per transaction,
-- at commit (deferred constraint triggers), so a writer holds the version row only while it
-- commits.

CREATE TABLE practice_list_versions (
    programme_id uuid PRIMARY KEY,
    version      bigint NOT NULL
);

CREATE FUNCTION pb_bump_practice_lists(programme uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bumped text := coalesce(current_setting('peerbridge.bumped_practice_lists', true), '');
BEGIN
    IF programme IS NULL OR position(programme::text IN bumped) > 0 THEN
        RETURN;
    END IF;
    INSERT INTO practice_list_versions (programme_id, version) VALUES (programme, 1)
    ON CONFLICT (programme_id) DO UPDATE SET version = practice_list_versions.version + 1;
    PERFORM set_config('peerbridge.bumped_practice_lists', bumped || programme::text || ',', true);
END
$$;

CREATE FUNCTION pb_practice_lists_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'assignments' THEN
        PERFORM pb_bump_practice_lists(d.programme_id) FROM rounds d WHERE d.id IN (OLD.round_id, NEW.round_id);
    ELSE
        PERFORM pb_bump_practice_lists(OLD.programme_id);
        PERFORM pb_bump_practice_lists(NEW.programme_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER practices_lists_changed AFTER INSERT OR DELETE ON practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_practice_lists_changed();
CREATE CONSTRAINT TRIGGER practices_lists_updated AFTER UPDATE ON practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION pb_practice_lists_changed();
CREATE CONSTRAINT TRIGGER assignments_lists_changed AFTER INSERT OR DELETE ON assignments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_practice_lists_changed();
CREATE CONSTRAINT TRIGGER assignments_lists_updated AFTER UPDATE ON assignments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION pb_practice_lists_changed();
CREATE CONSTRAINT TRIGGER rounds_lists_updated AFTER UPDATE ON rounds DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION pb_practice_lists_changed();
