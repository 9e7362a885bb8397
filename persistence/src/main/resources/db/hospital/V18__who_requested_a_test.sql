-- Who asked for a test (issue 13: the patient reads it beside their result). Free text as the request named them, as
-- review_by_name is; NULL for results recorded before it was kept or that came without a requester.
ALTER TABLE hospital_entry ADD COLUMN requested_by_name varchar(200);
