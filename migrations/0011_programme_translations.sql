-- A programme's name, description and objective in other languages: {lang: {name, description,
-- objective}}. Theme and target-group titles carry theirs inside the themes and target_groups
-- documents ({key, title, titles {lang: title}}), rubric criteria inside the criteria documents
-- ({..., translations {lang: {title, description, levels}}}), so only this column is new.
ALTER TABLE programmes ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(translations) = 'object');
