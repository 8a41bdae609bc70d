-- Each practice's full-text vector, also kept in a narrow table of its own that the full-text
-- index points into.
--
-- A GIN index gives row addresses, not ids: the ids of a search's matches are read from the
-- rows the index names. In practices, a row holds a practice's head, themes, products and
-- decision inline (about five rows a page on the benchmark data set), so the 5,245 matches of
-- "municipality network" read about 3,000 pages (6.7 ms). Here a row is an id and a pointer to
-- the vector kept out of line, a few hundred pages for the whole programme.
--
-- The vector stays a generated column of practices (its value is defined once, in
-- pb_practice_tsv); a trigger copies it here in the same transaction as the change, and the
-- foreign key removes the copy with the practice. The practices' own full-text index goes: no
-- statement reads it any more once pb_practices_matching reads this table.

CREATE TABLE practice_vectors (
    id            uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
    search_vector tsvector NOT NULL
);

INSERT INTO practice_vectors (id, search_vector) SELECT id, search_vector FROM practices;

CREATE INDEX practice_vectors_search ON practice_vectors USING gin (search_vector);

CREATE FUNCTION pb_practice_vectors_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO practice_vectors (id, search_vector) VALUES (NEW.id, NEW.search_vector)
    ON CONFLICT (id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
    RETURN NULL;
END $$;

CREATE TRIGGER practice_vectors_insert AFTER INSERT ON practices
    FOR EACH ROW EXECUTE FUNCTION pb_practice_vectors_copy();

-- An update of a column the vector is made of fires it (search_vector is generated from them);
-- a change of status or version alone does not.
CREATE TRIGGER practice_vectors_update AFTER UPDATE OF search_vector ON practices
    FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector)
    EXECUTE FUNCTION pb_practice_vectors_copy();

CREATE OR REPLACE FUNCTION pb_practices_matching(q tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
SET enable_seqscan = off SET enable_indexscan = off
AS $$ SELECT id FROM practice_vectors WHERE search_vector @@ q $$;

DROP INDEX practices_search;

ANALYZE practice_vectors;
