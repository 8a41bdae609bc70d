-- Good practices: structured descriptions with products, translations, frozen revisions,
-- multilingual full-text search and threaded comments.

-- The text-search configuration for a BCP 47 language; 'simple' when PostgreSQL has no stemmer.
CREATE FUNCTION pb_regconfig(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE split_part(lower(coalesce(lang, '')), '-', 1)
        WHEN 'en' THEN 'english' WHEN 'nl' THEN 'dutch' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
        WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'sv' THEN 'swedish'
        WHEN 'da' THEN 'danish' WHEN 'fi' THEN 'finnish' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
        WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian' WHEN 'ga' THEN 'irish' WHEN 'el' THEN 'greek'
        WHEN 'lt' THEN 'lithuanian' WHEN 'ca' THEN 'catalan' WHEN 'eu' THEN 'basque'
        ELSE 'simple' END)::regconfig
$$;

CREATE AGGREGATE pb_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- A JSON value as an array: null, absent or any non-array value is the empty array.
CREATE FUNCTION pb_array(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(v) = 'array' THEN v ELSE '[]'::jsonb END
$$;

-- The searchable body of a text: every section, the learning questions and the products.
CREATE FUNCTION pb_practice_body(content jsonb, products jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT concat_ws(' ',
        content->>'context', content->>'approach', content->>'resources', content->>'outcomes',
        content->>'transferability', content->>'lessons_learned', content #>> '{evidence,description}',
        (SELECT string_agg(q, ' ') FROM jsonb_array_elements_text(pb_array(content->'learning_questions')) q),
        (SELECT string_agg(concat_ws(' ', p->>'name', p->>'description',
                (SELECT string_agg(c, ' ') FROM jsonb_array_elements_text(pb_array(p->'core_elements')) c)), ' ')
           FROM jsonb_array_elements(pb_array(products)) p))
$$;

-- Title (A), summary (B) and body (C) of the original and of every translation, each stemmed in
-- its own language.
CREATE FUNCTION pb_practice_tsv(lang text, title text, summary text, content jsonb, products jsonb, translations jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(pb_regconfig(lang), coalesce(title, '')), 'A')
        || setweight(to_tsvector(pb_regconfig(lang), coalesce(summary, '')), 'B')
        || setweight(to_tsvector(pb_regconfig(lang), pb_practice_body(content, products)), 'C')
        || coalesce((
            SELECT pb_tsvector_agg(
                   setweight(to_tsvector(pb_regconfig(t.key), coalesce(t.value->>'title', '')), 'A')
                || setweight(to_tsvector(pb_regconfig(t.key), coalesce(t.value->>'summary', '')), 'B')
                || setweight(to_tsvector(pb_regconfig(t.key), pb_practice_body(t.value, t.value->'products')), 'C'))
            FROM jsonb_each(CASE WHEN jsonb_typeof(translations) = 'object' THEN translations ELSE '{}'::jsonb END) t), '')
$$;

CREATE TABLE practices (
    id               uuid PRIMARY KEY,
    programme_id     uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    created_by       uuid NOT NULL REFERENCES users (id),
    title            text NOT NULL,
    summary          text NOT NULL DEFAULT '',
    language         text NOT NULL,
    country          char(2) NOT NULL,
    themes           jsonb NOT NULL DEFAULT '[]',
    target_groups    jsonb NOT NULL DEFAULT '[]',
    content          jsonb NOT NULL DEFAULT '{}',
    products         jsonb NOT NULL DEFAULT '[]',
    translations     jsonb NOT NULL DEFAULT '{}',
    status           text NOT NULL DEFAULT 'draft',
    revision         integer NOT NULL DEFAULT 0,
    decision         jsonb,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    submitted_at     timestamptz,
    published_at     timestamptz,
    evidence_level   text GENERATED ALWAYS AS (content #>> '{evidence,level}') STORED,
    search_vector    tsvector GENERATED ALWAYS AS (pb_practice_tsv(language, title, summary, content, products, translations)) STORED,
    CHECK (status IN ('draft', 'submitted', 'in_review', 'published', 'revision_requested', 'not_retained', 'withdrawn', 'archived'))
);
CREATE INDEX practices_search ON practices USING gin (search_vector);
CREATE INDEX practices_programme_status ON practices (programme_id, status, updated_at DESC);
CREATE INDEX practices_programme_org ON practices (programme_id, organisation_id, updated_at DESC);
CREATE INDEX practices_programme_title ON practices (programme_id, lower(title), id);
CREATE INDEX practices_programme_country ON practices (programme_id, country);
CREATE INDEX practices_themes ON practices USING gin (themes jsonb_path_ops);
CREATE INDEX practices_target_groups ON practices USING gin (target_groups jsonb_path_ops);
CREATE INDEX practices_published ON practices (published_at DESC, id) WHERE status = 'published';

-- Each submission freezes the text the reviewers read.
CREATE TABLE practice_revisions (
    practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    number       integer NOT NULL,
    snapshot     jsonb NOT NULL,
    created_by   uuid NOT NULL REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, number)
);

-- Threaded discussion on practices (and, later, adaptations). Removal keeps the thread's shape.
CREATE TABLE comments (
    id            uuid PRIMARY KEY,
    programme_id  uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    subject_type  text NOT NULL CHECK (subject_type IN ('practice', 'adaptation')),
    subject_id    uuid NOT NULL,
    parent_id     uuid REFERENCES comments (id),
    author_id     uuid NOT NULL REFERENCES users (id),
    body          text NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    edited_at     timestamptz,
    deleted_at    timestamptz,
    deleted_by    uuid REFERENCES users (id)
);
CREATE INDEX comments_subject ON comments (subject_type, subject_id, created_at, id);
CREATE INDEX comments_programme ON comments (programme_id, created_at);
