-- The audit log names people and objects as they were when the action happened: the actor's
-- name and the object's title are copied into the row at write time, so a later rename (or a
-- removed account) does not rewrite history.
ALTER TABLE audit_log
    ADD COLUMN actor_name   text NOT NULL DEFAULT '',
    ADD COLUMN object_title text NOT NULL DEFAULT '';

-- The title an audited object has now; the store calls it inside the writing transaction, so
-- the row keeps the title of that moment. An assignment is named by its practice and reviewer,
-- a comment by what it is about.
CREATE FUNCTION audit_object_title(kind text, object uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE kind
        WHEN 'practice' THEN (SELECT title FROM practices WHERE id = object)
        WHEN 'adaptation' THEN (SELECT title FROM adaptations WHERE id = object)
        WHEN 'product' THEN (SELECT title FROM new_products WHERE id = object)
        WHEN 'round' THEN (SELECT name FROM rounds WHERE id = object)
        WHEN 'rubric' THEN (SELECT title FROM rubrics WHERE id = object)
        WHEN 'programme' THEN (SELECT name FROM programmes WHERE id = object)
        WHEN 'user' THEN (SELECT name FROM users WHERE id = object)
        WHEN 'invitation' THEN (SELECT COALESCE(NULLIF(name, ''), email) FROM invitations WHERE id = object)
        WHEN 'assignment' THEN (SELECT p.title || ' — ' || u.name FROM assignments a
            JOIN practices p ON p.id = a.practice_id JOIN users u ON u.id = a.reviewer_id WHERE a.id = object)
        WHEN 'comment' THEN (SELECT COALESCE(p.title, ad.title) FROM comments c
            LEFT JOIN practices p ON c.subject_type = 'practice' AND p.id = c.subject_id
            LEFT JOIN adaptations ad ON c.subject_type = 'adaptation' AND ad.id = c.subject_id WHERE c.id = object)
    END
$$;

-- Existing rows get today's names, the best that can be known now; a deleted object keeps the
-- title its entry recorded. The log is append-only, so its guard steps aside for this one fill.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
UPDATE audit_log l SET
    actor_name = COALESCE((SELECT u.name FROM users u WHERE u.id = l.actor_id), ''),
    object_title = COALESCE(audit_object_title(l.object_type, l.object_id), l.before ->> 'title', l.after ->> 'title',
        l.after ->> 'name', '');
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;

-- The log's filters by person and by action, each in the listing's order.
CREATE INDEX audit_log_programme_actor ON audit_log (programme_id, actor_id, at DESC, id DESC);
CREATE INDEX audit_log_programme_action ON audit_log (programme_id, action, at DESC, id DESC);
