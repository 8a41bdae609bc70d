-- The public catalogue (SPEC §7.7): its decision labels as a filter, and the contact form.

-- A filter on the decision's label reads the published practices with that label in the
-- catalogue's order and stops after the page; the catalogue's count of them, alone or with a
-- theme or target group, is an index-only scan (the programme is included for the catalogue's
-- semi-join, the vocabularies for their filters). One partial index per label, as there are
-- two: an index on the expression itself could not serve the count without reading the rows
-- (measured on the benchmark data set: 5,400 buffers and 65 ms for "good practice", against 41
-- buffers and 1 ms; with a theme, 17 ms against 1.2 ms).
CREATE INDEX practices_published_good ON practices (updated_at DESC, id DESC) INCLUDE (programme_id, themes, target_groups)
    WHERE status = 'published' AND decision ->> 'outcome' = 'good_practice';
CREATE INDEX practices_published_promising ON practices (updated_at DESC, id DESC) INCLUDE (programme_id, themes, target_groups)
    WHERE status = 'published' AND decision ->> 'outcome' = 'promising_practice';
-- Without it the planner guesses that half a percent of the practices carry a given label.
CREATE STATISTICS practices_decision_outcome ON (decision ->> 'outcome') FROM practices;

-- Every message sent through the contact form of a practice in the public catalogue, so that
-- messages can be limited per client address and per practice on every instance alike. The
-- client address is kept only as a keyed digest, never in clear; the message and the visitor's
-- address are never stored here (the e-mail itself waits in the outbox, the jobs table). Rows
-- older than a day are deleted when the next message is sent.
CREATE TABLE public_contact_messages (
    id             bigserial PRIMARY KEY,
    practice_id    uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    client_digest  bytea NOT NULL,
    sent_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX public_contact_messages_client ON public_contact_messages (client_digest, sent_at);
CREATE INDEX public_contact_messages_practice ON public_contact_messages (practice_id, sent_at);
CREATE INDEX public_contact_messages_age ON public_contact_messages (sent_at);
