-- The default practice listing is newest first: read it in index order instead of sorting.
CREATE INDEX practices_programme_updated ON practices (programme_id, updated_at DESC, id DESC);
