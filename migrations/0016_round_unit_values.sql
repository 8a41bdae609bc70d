-- A round's agreement per criterion is computed from each practice's multiset of submitted
-- values per criterion (a "unit"), and likewise on the weighted score, the gates and the
-- recommendation. Collecting those multisets from every submitted review of the
-- round costs a second or more on a round of 7,000 practices, and a submitted review made the next
-- results or dashboard request pay it again. They are now kept here, one row per round,
-- practice and criterion key, refreshed at commit by the transaction that changes what they are
-- made of; a round's statistics group these rows instead (tens of milliseconds).
CREATE TABLE round_unit_values (
    round_id     uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    key          text NOT NULL, -- a criterion key, or one of the '#' keys of pb_unit_values
    vs           float8[] NOT NULL, -- the submitted values, in ascending order
    PRIMARY KEY (round_id, practice_id, key)
);
-- A round's statistics read one key (or a list of keys) of every practice from this index alone.
CREATE INDEX round_unit_values_key ON round_unit_values (round_id, key) INCLUDE (practice_id, vs);

-- pb_unit_values are the values of the submitted reviews of one practice in one round, or of
-- every practice in every round when both are NULL: per criterion key the first numeric answer of
-- each review, '#weighted_score' the stored weighted scores, '#gates_passed' 1 or 0 for each
-- review's "passes every gate", '#recommendation' the position of the review's recommendation in
-- the rubric's options (from 1). No criterion key has a '#'.
CREATE FUNCTION pb_unit_values(round uuid, practice uuid)
RETURNS TABLE (round_id uuid, practice_id uuid, key text, vs float8[])
LANGUAGE sql STABLE AS $$
    WITH s AS (
        SELECT x.round_id, x.practice_id, r.criterion_values, r.weighted_score, r.gates_passed, r.recommendation, d.rubric_id
        FROM assignments x JOIN reviews r ON r.assignment_id = x.id AND r.status = 'submitted' JOIN rounds d ON d.id = x.round_id
        WHERE (round IS NULL OR x.round_id = round) AND (practice IS NULL OR x.practice_id = practice)
    )
    SELECT s.round_id, s.practice_id, c.key, array_agg(c.value::float8 ORDER BY c.value::float8)
    FROM s, jsonb_each(s.criterion_values) c GROUP BY s.round_id, s.practice_id, c.key
    UNION ALL
    SELECT s.round_id, s.practice_id, '#weighted_score', array_agg(s.weighted_score ORDER BY s.weighted_score)
    FROM s WHERE s.weighted_score IS NOT NULL GROUP BY s.round_id, s.practice_id
    UNION ALL
    SELECT s.round_id, s.practice_id, '#gates_passed', array_agg(CASE WHEN s.gates_passed THEN 1 ELSE 0 END::float8 ORDER BY s.gates_passed)
    FROM s WHERE s.gates_passed IS NOT NULL GROUP BY s.round_id, s.practice_id
    UNION ALL
    SELECT s.round_id, s.practice_id, '#recommendation', array_agg(o.i::float8 ORDER BY o.i)
    FROM s JOIN rubrics ru ON ru.id = s.rubric_id, jsonb_array_elements_text(ru.recommendation_options) WITH ORDINALITY o(v, i)
    WHERE o.v = s.recommendation GROUP BY s.round_id, s.practice_id
$$;

-- pb_refresh_unit recomputes the values of one practice in one round from its submitted reviews.
-- Two transactions refreshing the same unit are serialised on the unit's round_practices row: the
-- second one waits, then reads what the first committed. (The values of a practice not, or not
-- yet, in round_practices are kept too: the statistics join round_practices.)
CREATE FUNCTION pb_refresh_unit(round uuid, practice uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF round IS NULL OR practice IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM round_practices WHERE round_id = round AND practice_id = practice FOR UPDATE;
    DELETE FROM round_unit_values WHERE round_id = round AND practice_id = practice;
    INSERT INTO round_unit_values (round_id, practice_id, key, vs)
    SELECT round, practice, u.key, u.vs FROM pb_unit_values(round, practice) u;
END
$$;

CREATE FUNCTION pb_unit_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'reviews' THEN
        -- A review whose assignment is gone was deleted with it: the assignment's trigger refreshes.
        PERFORM pb_refresh_unit(a.round_id, a.practice_id) FROM assignments a WHERE a.id IN (OLD.assignment_id, NEW.assignment_id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pb_refresh_unit(OLD.round_id, OLD.practice_id);
    ELSE
        PERFORM pb_refresh_unit(NEW.round_id, NEW.practice_id);
        IF TG_OP = 'UPDATE' AND (OLD.round_id, OLD.practice_id) IS DISTINCT FROM (NEW.round_id, NEW.practice_id) THEN
            PERFORM pb_refresh_unit(OLD.round_id, OLD.practice_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- At commit, after everything the transaction changed: a review's submitted values (criterion_values
-- is only set while it is submitted), an assignment moved or deleted.
CREATE CONSTRAINT TRIGGER reviews_unit_changed AFTER INSERT OR DELETE ON reviews DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_unit_changed();
CREATE CONSTRAINT TRIGGER reviews_unit_updated AFTER UPDATE ON reviews DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.criterion_values IS DISTINCT FROM NEW.criterion_values
        OR OLD.weighted_score IS DISTINCT FROM NEW.weighted_score OR OLD.gates_passed IS DISTINCT FROM NEW.gates_passed
        OR OLD.recommendation IS DISTINCT FROM NEW.recommendation OR OLD.assignment_id IS DISTINCT FROM NEW.assignment_id)
    EXECUTE FUNCTION pb_unit_changed();
CREATE CONSTRAINT TRIGGER assignments_unit_changed AFTER DELETE ON assignments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pb_unit_changed();
CREATE CONSTRAINT TRIGGER assignments_unit_updated AFTER UPDATE ON assignments DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.round_id IS DISTINCT FROM NEW.round_id OR OLD.practice_id IS DISTINCT FROM NEW.practice_id)
    EXECUTE FUNCTION pb_unit_changed();

INSERT INTO round_unit_values (round_id, practice_id, key, vs) SELECT * FROM pb_unit_values(NULL, NULL);

-- Statistics cached before the agreement figures of SPEC §7.3 existed lack them: the next read
-- computes them again.
DELETE FROM round_statistics;
