-- Round results and the dashboard aggregate in SQL instead of decoding every review in Go.
--
-- 1. A submitted review stores its weighted score and whether it passed every gate, computed by
--    the application (domain.Review.WeightedScore / GatesPassed) when it is submitted and cleared
--    when it is reopened. Existing reviews are filled by pb_weighted_score and pb_gates_passed,
--    which compute exactly what the Go functions compute (same float8 operations in the same
--    order, the same rounding half away from zero); a test compares them on varied rubrics.
-- 2. Every store write that changes a round's statistics (a review submitted or reopened, an
--    assignment created, answered or removed, a decision, a practice added, the round changed)
--    bumps the round's data version in the same transaction, so a cached statistics payload
--    stored under a version is never served once the data moved on. (Done by the store rather
--    than by triggers: a plain SQL schema, no procedural language needed.)
-- 3. The first submission date of each practice's reviews is kept per practice (refreshed by the
--    store when a review is submitted or reopened), so the dashboard's timeline does not scan
--    every review.

ALTER TABLE reviews ADD COLUMN weighted_score double precision, ADD COLUMN gates_passed boolean NOT NULL DEFAULT false;

-- pb_round_half_away is Go's math.Round: the nearest integer, halves away from zero. (float8
-- round() in PostgreSQL rounds halves to even.) y − floor(y) is exact for |y| < 2^52.
CREATE FUNCTION pb_round_half_away(y double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN y >= 0 THEN CASE WHEN y - floor(y) >= 0.5 THEN floor(y) + 1 ELSE floor(y) END
                ELSE -(CASE WHEN -y - floor(-y) >= 0.5 THEN floor(-y) + 1 ELSE floor(-y) END) END
$$;

-- pb_weighted_score is domain.Review.WeightedScore: Σ weight·(value − min)/(max − min) over the
-- answered scored criteria with a positive weight, divided by the sum of their weights, on 0–100
-- rounded to one decimal; NULL when no such criterion was answered. Sums run in rubric order; a
-- criterion's answer is the first score with its key, as domain.Review.Score finds it.
CREATE FUNCTION pb_weighted_score(scores jsonb, criteria jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN count(*) = 0 THEN NULL
                ELSE pb_round_half_away(sum(w * (v - mn) / (mx - mn)::double precision ORDER BY i) / sum(w ORDER BY i) * 1000) / 10 END
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

-- pb_gates_passed is domain.Review.GatesPassed: every gate criterion answered with a value ≥ 1.
CREATE FUNCTION pb_gates_passed(scores jsonb, criteria jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(bool_and(coalesce((f.s ->> 'value')::double precision >= 1, false)), true)
    FROM jsonb_array_elements(pb_array(criteria)) AS c(c)
    LEFT JOIN LATERAL (SELECT s FROM jsonb_array_elements(pb_array(scores)) WITH ORDINALITY AS x(s, j)
                       WHERE s ->> 'criterion_key' = c.c ->> 'key' ORDER BY j LIMIT 1) f ON true
    WHERE c.c ->> 'tier' = 'gate'
$$;

UPDATE reviews v SET weighted_score = pb_weighted_score(v.scores, ru.criteria), gates_passed = pb_gates_passed(v.scores, ru.criteria)
FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN rubrics ru ON ru.id = r.rubric_id
WHERE a.id = v.assignment_id AND v.status = 'submitted';

-- The data version of a round's statistics; no row means version 0.
CREATE TABLE round_data_versions (
    round_id  uuid PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
    version   bigint NOT NULL
);

-- Round statistics (agreement, completion counts) as computed in one snapshot at data_version.
CREATE TABLE round_statistics (
    round_id      uuid PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
    data_version  bigint NOT NULL,
    statistics    jsonb NOT NULL,
    computed_at   timestamptz NOT NULL DEFAULT now()
);

-- The first submission among the reviews of each practice, per programme.
CREATE TABLE practice_first_reviews (
    programme_id       uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    practice_id        uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    first_reviewed_at  timestamptz NOT NULL,
    PRIMARY KEY (programme_id, practice_id)
);
CREATE INDEX practice_first_reviews_programme ON practice_first_reviews (programme_id, first_reviewed_at);

-- pb_refresh_first_reviews recomputes the first review date of the given practices.
CREATE FUNCTION pb_refresh_first_reviews(practice_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM practice_first_reviews WHERE practice_id = ANY (practice_ids);
    INSERT INTO practice_first_reviews (programme_id, practice_id, first_reviewed_at)
    SELECT rd.programme_id, a.practice_id, min(v.submitted_at)
    FROM assignments a JOIN reviews v ON v.assignment_id = a.id JOIN rounds rd ON rd.id = a.round_id
    WHERE a.practice_id = ANY (practice_ids) AND v.status = 'submitted' AND v.submitted_at IS NOT NULL
    GROUP BY rd.programme_id, a.practice_id;
$$;

INSERT INTO practice_first_reviews (programme_id, practice_id, first_reviewed_at)
SELECT rd.programme_id, a.practice_id, min(v.submitted_at)
FROM assignments a JOIN reviews v ON v.assignment_id = a.id JOIN rounds rd ON rd.id = a.round_id
WHERE v.status = 'submitted' AND v.submitted_at IS NOT NULL
GROUP BY rd.programme_id, a.practice_id;

-- Results pages walk a round's practices in the order they were added.
CREATE INDEX round_practices_order ON round_practices (round_id, added_at, practice_id);
-- A round's assignment counts and its overdue count (computed at request time: it depends on the
-- clock) read this index only.
CREATE INDEX assignments_round_status ON assignments (round_id, status, due_at);

-- The dashboard's figures, each read from an index alone: information exchanged by month,
-- practices by status, country and theme, adaptations by month.
CREATE INDEX comments_programme_live ON comments (programme_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX practices_programme_figures ON practices (programme_id, status, country) INCLUDE (themes);
CREATE INDEX adaptations_programme_created ON adaptations (programme_id, created_at);
