-- Ranked search without reading every match's full text.
--
-- A practice's search vector is as large as its text (kilobytes, compressed out of line), so
-- ranking thousands of matches by it decompresses every one. The head of a practice (title
-- weight A, summary weight B, of the original and of every translation, each in its own
-- language like pb_practice_tsv) is a few hundred bytes stored in the row: searches rank the
-- practices that match in their head by it, best first, and list the practices that match only
-- in their body after them, newest first.

CREATE FUNCTION pb_practice_head(lang text, title text, summary text, translations jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(pb_regconfig(lang), coalesce(title, '')), 'A')
        || setweight(to_tsvector(pb_regconfig(lang), coalesce(summary, '')), 'B')
        || coalesce((
            SELECT pb_tsvector_agg(
                   setweight(to_tsvector(pb_regconfig(t.key), coalesce(t.value->>'title', '')), 'A')
                || setweight(to_tsvector(pb_regconfig(t.key), coalesce(t.value->>'summary', '')), 'B'))
            FROM jsonb_each(CASE WHEN jsonb_typeof(translations) = 'object' THEN translations ELSE '{}'::jsonb END) t), '')
$$;

ALTER TABLE practices ADD COLUMN search_head tsvector
    GENERATED ALWAYS AS (pb_practice_head(language, title, summary, translations)) STORED;

CREATE INDEX practices_search_head ON practices USING gin (search_head);

-- Where the rum extension loads (see 0007), the head is also indexed with RUM, whose entries
-- carry the lexeme positions, so that a search reads its best head matches in rank order from
-- the index. A failure to load the library leaves the GIN index as the only one.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS rum;
            CREATE INDEX practices_search_head_rum ON practices USING rum (search_head rum_tsvector_ops);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'rum is listed but cannot be used (%); head search keeps the GIN index', SQLERRM;
        END;
    END IF;
END $$;
