-- Round statistics read compact, maintained criterion values.
--
-- 1. A submitted review keeps its criterion values apart from its score documents (which carry
--    long comments): criterion_values {criterion_key: value}, the first score of each key that
--    has a numeric value, NULL while the review is not submitted. A generated column, so every
--    writer (the store, seeds, raw SQL) keeps it right and existing reviews are filled now. The
--    per-criterion coincidence matrices of round statistics are built from it.

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
