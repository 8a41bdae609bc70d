-- Until request bodies were held to their shapes, a null inside a list or an object (for example
-- {"frame": {"reasons": {"organisation": null}}} or "barriers": ["x", null]) was stored as sent,
-- and every reader that expects a list then failed on that row. Repair such rows: nulls inside
-- lists are dropped, a list or object stored as null becomes empty, FRAME's text fields become "".

-- pb_clean_list is v's array without its null elements; anything but an array is [].
CREATE FUNCTION pb_clean_list(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_agg(e ORDER BY i), '[]'::jsonb)
    FROM jsonb_array_elements(pb_array(v)) WITH ORDINALITY AS x(e, i)
    WHERE jsonb_typeof(e) <> 'null'
$$;

-- pb_clean_frame repairs a FRAME document: its lists, its reasons per level, its text fields.
CREATE FUNCTION pb_clean_frame(f jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(f) = 'object' THEN f ELSE '{}'::jsonb END
        || (SELECT coalesce(jsonb_object_agg(k, pb_clean_list(f -> k)), '{}'::jsonb)
            FROM unnest(ARRAY['decided_by', 'what', 'context_modifications', 'content_modifications',
                              'core_elements_kept', 'core_elements_changed', 'goals']) AS k
            WHERE jsonb_typeof(f) = 'object' AND f ? k)
        || (SELECT coalesce(jsonb_object_agg(k, to_jsonb(coalesce(f ->> k, ''))), '{}'::jsonb)
            FROM unnest(ARRAY['when', 'planned', 'level', 'fidelity']) AS k
            WHERE jsonb_typeof(f) = 'object' AND f ? k)
        || CASE WHEN jsonb_typeof(f) = 'object' AND f ? 'reasons' THEN
               jsonb_build_object('reasons', (
                   SELECT coalesce(jsonb_object_agg(k, pb_clean_list(v)), '{}'::jsonb)
                   FROM jsonb_each(CASE WHEN jsonb_typeof(f -> 'reasons') = 'object' THEN f -> 'reasons' ELSE '{}'::jsonb END) AS r(k, v)
                   WHERE jsonb_typeof(v) <> 'null'))
           ELSE '{}'::jsonb END
$$;

UPDATE adaptations SET
    frame = pb_clean_frame(frame),
    target_groups = pb_clean_list(target_groups),
    barriers = pb_clean_list(barriers),
    facilitators = pb_clean_list(facilitators)
WHERE frame IS DISTINCT FROM pb_clean_frame(frame)
   OR target_groups IS DISTINCT FROM pb_clean_list(target_groups)
   OR barriers IS DISTINCT FROM pb_clean_list(barriers)
   OR facilitators IS DISTINCT FROM pb_clean_list(facilitators);

UPDATE practices SET
    themes = pb_clean_list(themes),
    target_groups = pb_clean_list(target_groups)
WHERE themes IS DISTINCT FROM pb_clean_list(themes)
   OR target_groups IS DISTINCT FROM pb_clean_list(target_groups);

UPDATE new_products SET
    organisation_ids = pb_clean_list(organisation_ids),
    countries = pb_clean_list(countries),
    inspired_by_practice_ids = pb_clean_list(inspired_by_practice_ids),
    derived_from_adaptation_ids = pb_clean_list(derived_from_adaptation_ids)
WHERE organisation_ids IS DISTINCT FROM pb_clean_list(organisation_ids)
   OR countries IS DISTINCT FROM pb_clean_list(countries)
   OR inspired_by_practice_ids IS DISTINCT FROM pb_clean_list(inspired_by_practice_ids)
   OR derived_from_adaptation_ids IS DISTINCT FROM pb_clean_list(derived_from_adaptation_ids);

UPDATE users SET
    languages = pb_clean_list(languages),
    expertise = pb_clean_list(expertise)
WHERE languages IS DISTINCT FROM pb_clean_list(languages)
   OR expertise IS DISTINCT FROM pb_clean_list(expertise);

UPDATE reviews SET
    scores = pb_clean_list(scores),
    answers = pb_clean_list(answers)
WHERE scores IS DISTINCT FROM pb_clean_list(scores)
   OR answers IS DISTINCT FROM pb_clean_list(answers);
