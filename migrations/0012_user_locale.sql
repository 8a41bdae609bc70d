-- Each person reads e-mails, exports and server-written text in their own language: a user has a
-- locale, and an invitation carries the one its account will take. The four interface languages
-- are the only values; existing rows read English, as they always did.

ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'nl', 'fr', 'de'));
ALTER TABLE invitations ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'nl', 'fr', 'de'));
