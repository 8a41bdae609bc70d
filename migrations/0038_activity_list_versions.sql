-- A version per programme for its activity lists.
--
-- The service keeps pages of a programme's activity list (GET /programmes/{id}/activities, each
-- activity as a summary with counts of its participants, practices and open follow-ups) in
-- memory under this version and reads it (a primary-key lookup) before using them. It moves with
-- every change of an activity, its participants, its presented practices and its follow-ups, and
-- with a change of the name of an organisation that hosts one. Like the other versions, it is
-- moved on once per transaction, at commit (deferred constraint triggers).

CREATE TABLE activity_list_versions (
    programme_id uuid PRIMARY KEY,
    version      bigint NOT NULL
);

CREATE FUNCTION pb_bump_activity_lists(programme uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bumped text := coalesce(current_setting('peerbridge.bumped_activity_lists', true), '');
BEGIN
    IF programme IS NULL OR position(programme::text IN bumped) > 0 THEN
        RETURN;
    END IF;
    INSERT INTO activity_list_versions (programme_id, version) VALUES (programme, 1)
    ON CONFLICT (programme_id) DO UPDATE SET version = activity_list_versions.version + 1;
    PERFORM set_config('peerbridge.bumped_activity_lists', bumped || programme::text || ',', true);
END
$$;

CREATE FUNCTION pb_activity_lists_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'activities' THEN
        PERFORM pb_bump_activity_lists(OLD.programme_id);
        PERFORM pb_bump_activity_lists(NEW.programme_id);
    ELSIF TG_TABLE_NAME = 'organisations' THEN
        PERFORM pb_bump_activity_lists(a.programme_id) FROM activities a WHERE a.host_organisation_id = NEW.id GROUP BY a.programme_id;
    ELSE
        -- A part of an activity (participants, presented practices, follow-ups).
        PERFORM pb_bump_activity_lists(a.programme_id) FROM activities a WHERE a.id IN (OLD.activity_id, NEW.activity_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER activities_lists_changed AFTER INSERT OR DELETE ON activities DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_activity_lists_changed();
CREATE CONSTRAINT TRIGGER activities_lists_updated AFTER UPDATE ON activities DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION pb_activity_lists_changed();
CREATE CONSTRAINT TRIGGER activity_participants_lists_changed AFTER INSERT OR UPDATE OR DELETE ON activity_participants
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pb_activity_lists_changed();
CREATE CONSTRAINT TRIGGER activity_practices_lists_changed AFTER INSERT OR UPDATE OR DELETE ON activity_practices
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pb_activity_lists_changed();
CREATE CONSTRAINT TRIGGER activity_follow_ups_lists_changed AFTER INSERT OR UPDATE OR DELETE ON activity_follow_ups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pb_activity_lists_changed();
CREATE CONSTRAINT TRIGGER organisations_activity_lists_updated AFTER UPDATE ON organisations DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION pb_activity_lists_changed();
