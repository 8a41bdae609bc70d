-- The practices whose full text matches a query, read from the full-text index only.
--
-- The planner does not price the decompression of a search vector (kilobytes per practice, kept
-- out of line): for a query it expects to match a quarter of the practices it prefers a
-- sequential scan that tests every vector (measured on the benchmark data set: 70,056 buffers
-- and 137 ms for "adults depends"), or another index and a test per row, over the bitmap of the
-- GIN index (about 1,500 buffers). A function's own settings are the one way to keep those
-- plans out of a single statement without a transaction around it.

CREATE FUNCTION pb_practices_matching(q tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
SET enable_seqscan = off SET enable_indexscan = off
AS $$ SELECT id FROM practices WHERE search_vector @@ q $$;
