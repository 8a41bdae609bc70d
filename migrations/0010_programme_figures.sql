-- Round statistics and the coordinator dashboard read compact, maintained figures.
--
-- 1. A submitted review keeps its criterion values apart from its score documents (which carry
--    long comments): criterion_values {criterion_key: value}, the first score of each key that
--    has a numeric value, NULL while the review is not submitted. A generated column, so every
--    writer (the store, seeds, raw SQL) keeps it right and existing reviews are filled now. The
--    per-criterion coincidence matrices of round statistics are built from it.
-- 2. The dashboard's figures are cached per programme under the programme's data version
--    (programme_figures), like round statistics. The version (programme_data_versions) is moved on
--    by triggers on every table the figures are computed from, so every writer, raw SQL included,
--    keeps it right, and the new version commits together with the write. The triggers are
--    deferred constraint triggers that bump a programme once per transaction, at commit: the
--    version row is then locked only while the transaction commits, so writers of one programme
--    queue only for each other's commit rather than for their whole transaction. (An append-only
--    change log would avoid even that, but its version is a count that grows with every write
--    and needs compacting; one row per programme is enough for the write rates of a programme.)

-- pb_criterion_values maps each criterion key to the value of its first score, when that value is
-- a number (a score without one is "not applicable").
CREATE FUNCTION pb_criterion_values(scores jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_object_agg(k, v) FILTER (WHERE jsonb_typeof(v) = 'number'), '{}')
    FROM (SELECT DISTINCT ON (s ->> 'criterion_key') s ->> 'criterion_key' AS k, s -> 'value' AS v
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(scores) = 'array' THEN scores ELSE '[]' END) WITH ORDINALITY AS x(s, j)
          WHERE s ->> 'criterion_key' IS NOT NULL
          ORDER BY s ->> 'criterion_key', j) first_scores
$$;

ALTER TABLE reviews ADD COLUMN criterion_values jsonb
    GENERATED ALWAYS AS (CASE WHEN status = 'submitted' THEN pb_criterion_values(scores) END) STORED;
-- A round's statistics read the values of its submitted reviews from this index alone, without
-- the wide review rows.
CREATE INDEX reviews_submitted_values ON reviews (assignment_id) INCLUDE (criterion_values) WHERE status = 'submitted';

-- The data version of a programme's dashboard figures; no row means version 0.
CREATE TABLE programme_data_versions (
    programme_id  uuid PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
    version       bigint NOT NULL
);

-- A programme's dashboard figures (everything but the clock-dependent overdue count) as computed
-- in one snapshot at data_version.
CREATE TABLE programme_figures (
    programme_id  uuid PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
    data_version  bigint NOT NULL,
    figures       jsonb NOT NULL,
    computed_at   timestamptz NOT NULL DEFAULT now()
);

-- pb_bump_programme moves the programme's data version on, once per transaction (the programmes a
-- transaction bumped are noted in a transaction-local setting, which a rolled-back savepoint
-- also rolls back).
CREATE FUNCTION pb_bump_programme(programme uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bumped text := coalesce(current_setting('peerbridge.bumped_programmes', true), '');
BEGIN
    IF programme IS NULL OR position(programme::text IN bumped) > 0 THEN
        RETURN;
    END IF;
    INSERT INTO programme_data_versions (programme_id, version) SELECT id, 1 FROM programmes WHERE id = programme
    ON CONFLICT (programme_id) DO UPDATE SET version = programme_data_versions.version + 1;
    PERFORM set_config('peerbridge.bumped_programmes', bumped || programme::text || ',', true);
END
$$;

-- pb_programme_changed bumps the programme of a changed row's old and new image. (PL/pgSQL
-- compiles a trigger function per table, so each branch names only its own table's columns.)
CREATE FUNCTION pb_programme_changed() RETURNS trigger
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
    ELSE
        PERFORM pb_bump_programme(OLD.programme_id);
        PERFORM pb_bump_programme(NEW.programme_id);
    END IF;
    RETURN NULL;
END
$$;

-- Every table a dashboard figure is computed from; updates of columns no figure reads (a practice's
-- text, a review draft) leave the version alone. Reviews count once submitted (round agreement,
-- first review dates); rubrics through their rounds' agreement.
CREATE CONSTRAINT TRIGGER practices_programme_changed AFTER INSERT OR DELETE ON practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER practices_programme_updated AFTER UPDATE ON practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.country IS DISTINCT FROM NEW.country OR OLD.themes IS DISTINCT FROM NEW.themes)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER comments_programme_changed AFTER INSERT OR DELETE ON comments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER comments_programme_updated AFTER UPDATE ON comments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER review_responses_programme_changed AFTER INSERT OR DELETE ON review_responses DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER review_responses_programme_updated AFTER UPDATE ON review_responses DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER reviews_programme_changed AFTER INSERT OR DELETE ON reviews DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER reviews_programme_updated AFTER UPDATE ON reviews DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status = 'submitted' OR NEW.status = 'submitted')
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER assignments_programme_changed AFTER INSERT OR DELETE ON assignments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER assignments_programme_updated AFTER UPDATE ON assignments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER decisions_programme_changed AFTER INSERT OR DELETE ON decisions DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER decisions_programme_updated AFTER UPDATE ON decisions DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER round_practices_programme_changed AFTER INSERT OR DELETE ON round_practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER round_practices_programme_updated AFTER UPDATE ON round_practices DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER rounds_programme_changed AFTER INSERT OR DELETE ON rounds DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER rounds_programme_updated AFTER UPDATE ON rounds DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER rubrics_programme_changed AFTER INSERT OR DELETE ON rubrics DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER rubrics_programme_updated AFTER UPDATE ON rubrics DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER adaptations_programme_changed AFTER INSERT OR DELETE ON adaptations DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER adaptations_programme_updated AFTER UPDATE ON adaptations DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id OR OLD.source_practice_id IS DISTINCT FROM NEW.source_practice_id OR OLD.country IS DISTINCT FROM NEW.country OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.frame IS DISTINCT FROM NEW.frame OR OLD.barriers IS DISTINCT FROM NEW.barriers OR OLD.facilitators IS DISTINCT FROM NEW.facilitators OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER adaptation_outcomes_programme_changed AFTER INSERT OR DELETE ON adaptation_outcomes DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER adaptation_outcomes_programme_updated AFTER UPDATE ON adaptation_outcomes DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER new_products_programme_changed AFTER INSERT OR DELETE ON new_products DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_programme_changed();
CREATE CONSTRAINT TRIGGER new_products_programme_updated AFTER UPDATE ON new_products DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION pb_programme_changed();
