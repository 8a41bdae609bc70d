-- A partner's practice list reads each set it may see in the list's order and stops after the
-- page: the published practices of the programme, and the organisation's own. The two indexes
-- that serve those sets gain the list's tie-breaker, so that each set is read already in
-- (updated_at DESC, id DESC) order, and take the place of their shorter forms.
CREATE INDEX practices_programme_status_order ON practices (programme_id, status, updated_at DESC, id DESC);
DROP INDEX practices_programme_status;
CREATE INDEX practices_programme_org_order ON practices (programme_id, organisation_id, updated_at DESC, id DESC);
DROP INDEX practices_programme_org;
