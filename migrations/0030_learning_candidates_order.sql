-- The matches (SPEC §7.5) read the practices on the themes a learner wants in one order — good
-- practices first, then promising ones, then the most recently changed — and keep the first 200.
-- Each theme is on a third of a programme's practices or more, so without an index in that order
-- PostgreSQL reads all of them (thousands of wide rows at realistic size) to sort them; with it,
-- it walks the programme's practices in that order and stops at the 200th that fits.
CREATE INDEX practices_learning_order ON practices (programme_id,
    ((decision ->> 'outcome') = 'good_practice') DESC NULLS LAST, ((decision ->> 'outcome') = 'promising_practice') DESC NULLS LAST,
    updated_at DESC, id DESC);
