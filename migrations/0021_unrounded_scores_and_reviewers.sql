-- Scores that say how sure they are (SPEC §7.3).
--
-- 1. A review's weighted score is stored unrounded. Migration 0008 stored it rounded to one
--    decimal, and a practice's score averaged those rounded values: 86.67, 86.67 and 76.67 gave
--    83.4 where the scores average 83.3. Scores are now rounded once, for display, from the mean
--    of the unrounded values. pb_weighted_score is domain.Review.WeightedScore again (same float8
--    operations in the same order, no rounding); the stored scores of submitted reviews are
--    recomputed from their answers.
-- 2. The '#weighted_score' unit of round_unit_values carries the reviewer of each value
--    (reviewers, in the order of vs), so a round's statistics fit the reviewer-adjusted scores
--    (score = practice effect + reviewer effect) from the per-unit values, as they compute
--    agreement from them, without reading the round's reviews.
-- 3. Cached round statistics and dashboard figures lack the new figures: the next read computes
--    them again.

CREATE OR REPLACE FUNCTION pb_weighted_score(scores jsonb, criteria jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN count(*) = 0 THEN NULL
                ELSE sum(w * (v - mn) / (mx - mn)::double precision ORDER BY i) / sum(w ORDER BY i) * 100 END
    FROM (
        SELECT c.i, coalesce((c.c ->> 'weight')::double precision, 0) AS w,
               coalesce((c.c -> 'scale' ->> 'min')::integer, 0) AS mn, coalesce((c.c -> 'scale' ->> 'max')::integer, 0) AS mx,
               (f.s ->> 'value')::double precision AS v
        FROM jsonb_array_elements(pb_array(criteria)) WITH ORDINALITY AS c(c, i)
        LEFT JOIN LATERAL (SELECT s FROM jsonb_array_elements(pb_array(scores)) WITH ORDINALITY AS x(s, j)
                           WHERE s ->> 'criterion_key' = c.c ->> 'key' ORDER BY j LIMIT 1) f ON true
        WHERE coalesce(c.c ->> 'tier', '') <> 'gate'
    ) x
    WHERE w > 0 AND v IS NOT NULL
$$;

-- The unit values are rebuilt below in one statement, so the per-review refresh at commit is not
-- needed: the trigger is dropped for the update and created again as migration 0016 made it.
-- (Dropped rather than disabled: ALTER TABLE refuses a table with pending trigger events, and the
-- update queues those of reviews_programme_updated, which must still fire.)
DROP TRIGGER reviews_unit_updated ON reviews;
UPDATE reviews v SET weighted_score = pb_weighted_score(v.scores, ru.criteria)
FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN rubrics ru ON ru.id = r.rubric_id
WHERE a.id = v.assignment_id AND v.status = 'submitted';
CREATE CONSTRAINT TRIGGER reviews_unit_updated AFTER UPDATE ON reviews DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.criterion_values IS DISTINCT FROM NEW.criterion_values
        OR OLD.weighted_score IS DISTINCT FROM NEW.weighted_score OR OLD.gates_passed IS DISTINCT FROM NEW.gates_passed
        OR OLD.recommendation IS DISTINCT FROM NEW.recommendation OR OLD.assignment_id IS DISTINCT FROM NEW.assignment_id)
    EXECUTE FUNCTION pb_unit_changed();

ALTER TABLE round_unit_values ADD COLUMN reviewers uuid[]; -- '#weighted_score' only: the reviewer of each value of vs

DROP FUNCTION pb_unit_values(uuid, uuid);
-- pb_unit_values as in migration 0016, with the reviewers of the '#weighted_score' values (ties in
-- score ordered by reviewer, the same order in vs and reviewers).
CREATE FUNCTION pb_unit_values(round uuid, practice uuid)
RETURNS TABLE (round_id uuid, practice_id uuid, key text, vs float8[], reviewers uuid[])
LANGUAGE sql STABLE AS $$
    WITH s AS (
        SELECT x.round_id, x.practice_id, x.reviewer_id, r.criterion_values, r.weighted_score, r.gates_passed, r.recommendation, d.rubric_id
        FROM assignments x JOIN reviews r ON r.assignment_id = x.id AND r.status = 'submitted' JOIN rounds d ON d.id = x.round_id
        WHERE (round IS NULL OR x.round_id = round) AND (practice IS NULL OR x.practice_id = practice)
    )
    SELECT s.round_id, s.practice_id, c.key, array_agg(c.value::float8 ORDER BY c.value::float8), NULL::uuid[]
    FROM s, jsonb_each(s.criterion_values) c GROUP BY s.round_id, s.practice_id, c.key
    UNION ALL
    SELECT s.round_id, s.practice_id, '#weighted_score', array_agg(s.weighted_score ORDER BY s.weighted_score, s.reviewer_id),
           array_agg(s.reviewer_id ORDER BY s.weighted_score, s.reviewer_id)
    FROM s WHERE s.weighted_score IS NOT NULL GROUP BY s.round_id, s.practice_id
    UNION ALL
    SELECT s.round_id, s.practice_id, '#gates_passed', array_agg(CASE WHEN s.gates_passed THEN 1 ELSE 0 END::float8 ORDER BY s.gates_passed), NULL
    FROM s WHERE s.gates_passed IS NOT NULL GROUP BY s.round_id, s.practice_id
    UNION ALL
    SELECT s.round_id, s.practice_id, '#recommendation', array_agg(o.i::float8 ORDER BY o.i), NULL
    FROM s JOIN rubrics ru ON ru.id = s.rubric_id, jsonb_array_elements_text(ru.recommendation_options) WITH ORDINALITY o(v, i)
    WHERE o.v = s.recommendation GROUP BY s.round_id, s.practice_id
$$;

CREATE OR REPLACE FUNCTION pb_refresh_unit(round uuid, practice uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF round IS NULL OR practice IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM round_practices WHERE round_id = round AND practice_id = practice FOR UPDATE;
    DELETE FROM round_unit_values WHERE round_id = round AND practice_id = practice;
    INSERT INTO round_unit_values (round_id, practice_id, key, vs, reviewers)
    SELECT round, practice, u.key, u.vs, u.reviewers FROM pb_unit_values(round, practice) u;
END
$$;

-- The statistics read the weighted-score units with their reviewers from this index alone.
DROP INDEX round_unit_values_key;
CREATE INDEX round_unit_values_key ON round_unit_values (round_id, key) INCLUDE (practice_id, vs, reviewers);

DELETE FROM round_unit_values;
INSERT INTO round_unit_values (round_id, practice_id, key, vs, reviewers) SELECT * FROM pb_unit_values(NULL, NULL);

DELETE FROM round_statistics;
DELETE FROM programme_figures;
