-- A version per programme for its adaptation lists.
--
-- The service keeps pages of a programme's adaptation list (GET /programmes/{id}/adaptations) in
-- memory under this version and reads it (a primary-key lookup) before using them. It moves with
-- every change of an adaptation or a follow-up, with a change of a practice's title, country or
-- organisation (a list names each adaptation's source practice and its country), and with a
-- change of the name or country of an organisation that adopted one. Like the
-- other versions, it is moved on once per transaction, at commit (deferred constraint triggers).

CREATE TABLE adaptation_list_versions (
    programme_id uuid PRIMARY KEY,
    version      bigint NOT NULL
);

CREATE FUNCTION pb_bump_adaptation_lists(programme uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bumped text := coalesce(current_setting('peerbridge.bumped_adaptation_lists', true), '');
BEGIN
    IF programme IS NULL OR position(programme::text IN bumped) > 0 THEN
        RETURN;
    END IF;
    INSERT INTO adaptation_list_versions (programme_id, version) VALUES (programme, 1)
    ON CONFLICT (programme_id) DO UPDATE SET version = adaptation_list_versions.version + 1;
    PERFORM set_config('peerbridge.bumped_adaptation_lists', bumped || programme::text || ',', true);
END
$$;

CREATE FUNCTION pb_adaptation_lists_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'adaptation_outcomes' THEN
        PERFORM pb_bump_adaptation_lists(a.programme_id) FROM adaptations a WHERE a.id IN (OLD.adaptation_id, NEW.adaptation_id);
    ELSIF TG_TABLE_NAME = 'organisations' THEN
        PERFORM pb_bump_adaptation_lists(a.programme_id) FROM adaptations a WHERE a.adopting_organisation_id = NEW.id GROUP BY a.programme_id;
    ELSE
        PERFORM pb_bump_adaptation_lists(OLD.programme_id);
        PERFORM pb_bump_adaptation_lists(NEW.programme_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER adaptations_lists_changed AFTER INSERT OR DELETE ON adaptations DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_adaptation_lists_changed();
CREATE CONSTRAINT TRIGGER adaptations_lists_updated AFTER UPDATE ON adaptations DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION pb_adaptation_lists_changed();
CREATE CONSTRAINT TRIGGER adaptation_outcomes_lists_changed AFTER INSERT OR UPDATE OR DELETE ON adaptation_outcomes DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_adaptation_lists_changed();
CREATE CONSTRAINT TRIGGER practices_adaptation_lists_updated AFTER UPDATE ON practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.country IS DISTINCT FROM NEW.country
        OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.programme_id IS DISTINCT FROM NEW.programme_id)
    EXECUTE FUNCTION pb_adaptation_lists_changed();
CREATE CONSTRAINT TRIGGER organisations_adaptation_lists_updated AFTER UPDATE ON organisations DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.country IS DISTINCT FROM NEW.country)
    EXECUTE FUNCTION pb_adaptation_lists_changed();
