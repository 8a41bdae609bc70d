-- A page of round results reads, for each practice on it, its decision and its submitted reviews'
-- outcome and criterion values. These indexes hold all of that, so the page is read from them
-- alone (index-only scans) instead of visiting the wide review and assignment rows.
CREATE INDEX reviews_submitted_outcome ON reviews (assignment_id) INCLUDE (weighted_score, gates_passed, criterion_values) WHERE status = 'submitted';
DROP INDEX reviews_submitted_values;
CREATE INDEX assignments_round_practice ON assignments (round_id, practice_id) INCLUDE (id, status);
DROP INDEX assignments_round;
CREATE INDEX decisions_round_outcome ON decisions (round_id, practice_id) INCLUDE (outcome);
