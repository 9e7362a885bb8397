-- A person sent into hospital from social care with their hospital pack: the admitting trust may open their record for the
-- episode, until the episode's set end (not the discharge access period that follows an admission).
ALTER TABLE care_relationship DROP CONSTRAINT care_relationship_kind_check;
ALTER TABLE care_relationship ADD CONSTRAINT care_relationship_kind_check CHECK (kind IN ('REFERRAL', 'APPOINTMENT', 'ADMISSION',
    'HOSPITAL_TRANSFER'));
