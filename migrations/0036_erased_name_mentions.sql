-- pb_replace_name(body, name, replacement): body with every mention of name replaced, for
-- erasure to rewrite where other people named an erased person in what they wrote. A mention is
-- the name's characters taken literally, with no letter, digit or underscore right before or
-- after it (so "Anna Bergman" is not a mention of "Anna Berg"), in the same case. A name shorter
-- than four characters is left alone: it is more likely part of someone else's name, or of a
-- word, than a mention of this person.

CREATE FUNCTION pb_replace_name(body text, name text, replacement text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN length(name) < 4 OR position(name IN body) = 0 THEN body
        ELSE regexp_replace(body,
            '(?<![[:alnum:]_])' || regexp_replace(name, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g') || '(?![[:alnum:]_])',
            regexp_replace(replacement, '([\\&])', '\\\1', 'g'), 'g')
    END
$$;
