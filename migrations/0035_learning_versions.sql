-- A version per programme for its learning matches.
--
-- The service keeps each viewer's matches (GET /programmes/{id}/matches) in memory under the
-- programme's practice list version (0031) and this version, and reads both (one statement)
-- before using them. This one moves with everything else a match depends on: the learning
-- profiles and their themes, who takes part (memberships, and a person's organisation), the
-- organisations' names and countries, and the programme's themes. Like the list version, it is
-- moved on once per transaction, at commit (deferred constraint triggers).

CREATE TABLE learning_versions (
    programme_id uuid PRIMARY KEY,
    version      bigint NOT NULL
);

CREATE FUNCTION pb_bump_learning(programme uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bumped text := coalesce(current_setting('peerbridge.bumped_learning', true), '');
BEGIN
    IF programme IS NULL OR position(programme::text IN bumped) > 0 THEN
        RETURN;
    END IF;
    INSERT INTO learning_versions (programme_id, version) VALUES (programme, 1)
    ON CONFLICT (programme_id) DO UPDATE SET version = learning_versions.version + 1;
    PERFORM set_config('peerbridge.bumped_learning', bumped || programme::text || ',', true);
END
$$;

CREATE FUNCTION pb_learning_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'programmes' THEN
        PERFORM pb_bump_learning(NEW.id);
    ELSIF TG_TABLE_NAME = 'organisations' THEN
        PERFORM pb_bump_learning(m.programme_id) FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE u.organisation_id = NEW.id GROUP BY m.programme_id;
    ELSIF TG_TABLE_NAME = 'users' THEN
        PERFORM pb_bump_learning(m.programme_id) FROM memberships m WHERE m.user_id = NEW.id GROUP BY m.programme_id;
    ELSE
        PERFORM pb_bump_learning(OLD.programme_id);
        PERFORM pb_bump_learning(NEW.programme_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER learning_profiles_learning_changed AFTER INSERT OR UPDATE OR DELETE ON learning_profiles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pb_learning_changed();
CREATE CONSTRAINT TRIGGER learning_profile_themes_learning_changed AFTER INSERT OR UPDATE OR DELETE ON learning_profile_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pb_learning_changed();
CREATE CONSTRAINT TRIGGER memberships_learning_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pb_learning_changed();
CREATE CONSTRAINT TRIGGER programmes_learning_changed AFTER UPDATE ON programmes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION pb_learning_changed();
CREATE CONSTRAINT TRIGGER organisations_learning_changed AFTER UPDATE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.country IS DISTINCT FROM NEW.country)
    EXECUTE FUNCTION pb_learning_changed();
CREATE CONSTRAINT TRIGGER users_learning_changed AFTER UPDATE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
    EXECUTE FUNCTION pb_learning_changed();
