-- The public catalogue (SPEC §7.7): its decision labels as a filter, and the contact form.

-- A filter on the decision's label reads the published practices with that label in the
-- catalogue's order, from this index alone, and stops after the page.
CREATE INDEX practices_published_label ON practices ((decision ->> 'outcome'), updated_at DESC, id DESC) WHERE status = 'published';

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
