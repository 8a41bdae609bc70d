-- Files on exchange activities (SPEC §7.4, §7.7): a peer-review meeting in the Mutual Learning
-- Programme's way has a discussion paper from the host country and comment papers from the peer
-- countries, and any activity may keep its minutes or other documents. An activity is one more
-- kind of owner, with the trigger that forgets its files when it is deleted, and an activity's
-- file may say which of these papers it is.
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check
    CHECK (owner_type IN ('practice', 'adaptation', 'product', 'activity'));

-- The role of an activity's file; files of other objects have none.
ALTER TABLE attachments ADD COLUMN role text
    CONSTRAINT attachments_role_check CHECK (role IS NULL OR (owner_type = 'activity' AND role IN ('discussion_paper', 'comment_paper', 'minutes', 'other')));

CREATE TRIGGER activities_forget_attachments AFTER DELETE ON activities
    FOR EACH ROW EXECUTE FUNCTION attachments_forget_owner('activity');
