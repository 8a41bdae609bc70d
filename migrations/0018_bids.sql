-- Reviewers' bids (SPEC §7.2): before assignment, each reviewer of a programme says how much
-- they want to review each practice of a round. A bid is the reviewer's own row: it has no
-- version, and it goes with the practice when the practice leaves the round.
CREATE TABLE bids (
    round_id     uuid NOT NULL,
    practice_id  uuid NOT NULL,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    level        text NOT NULL CHECK (level IN ('eager', 'willing', 'neutral', 'reluctant', 'conflict')),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- The bidding page reads the caller's bid on each practice of a page (and, filtered by bid
    -- state, the caller's bids of a round) from this key.
    PRIMARY KEY (round_id, user_id, practice_id),
    FOREIGN KEY (round_id, practice_id) REFERENCES round_practices (round_id, practice_id) ON DELETE CASCADE
);
-- The assignment board counts the bids of a page of practices by level, and auto-assign reads a
-- round's bids, from this index alone.
CREATE INDEX bids_round_practice ON bids (round_id, practice_id) INCLUDE (user_id, level);
