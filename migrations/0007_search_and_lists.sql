-- Search, listings and counts at real size (20,000 practices of several kilobytes each).

-- Ranked search reads its best matches in index order from a RUM index, whose entries carry the
-- lexeme positions ts_rank would otherwise decompress from every matching row. RUM is an
-- extension (Debian: postgresql-15-rum) that not every installation has, so it is created only
-- when the server offers it and loads; otherwise the GIN index of 0002 stays the only full-text
-- index and the store ranks a bounded set of candidates instead (the store looks for the index
-- by name at startup). A failure to load the library leaves the schema as it was.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS rum;
            CREATE INDEX practices_search_rum ON practices USING rum (search_vector rum_tsvector_ops);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'rum is listed but cannot be used (%); full-text search keeps the GIN index', SQLERRM;
        END;
    END IF;
END $$;

-- The practice listing walks a programme's practices newest first and applies the reader's
-- visibility (organisation, status) to each: with those two columns in the index, practices the
-- reader may not see are skipped without reading their rows. Replaces 0005's index on the same keys.
CREATE INDEX practices_programme_updated_vis ON practices (programme_id, updated_at DESC, id DESC) INCLUDE (status, organisation_id);
DROP INDEX practices_programme_updated;

-- The public catalogue lists published practices newest first: read them in that order.
CREATE INDEX practices_published_updated ON practices (updated_at DESC, id DESC) WHERE status = 'published';

-- Adaptation lists filtered by stage or country keep the programme's order.
CREATE INDEX adaptations_programme_stage ON adaptations (programme_id, stage, updated_at DESC, id);
CREATE INDEX adaptations_programme_country ON adaptations (programme_id, country, updated_at DESC, id);

-- A round's assignments in due order.
CREATE INDEX assignments_round_due ON assignments (round_id, due_at, id);
