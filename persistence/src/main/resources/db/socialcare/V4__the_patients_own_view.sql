-- The patient's own front door (issue 13): a social-care entry marked "not for patient view" (third-party information,
-- or information likely to cause serious harm) is left out of the patient's own view and their proxies'; one held back
-- until released_to_patient_at is left out until then (NULL: not held).
ALTER TABLE social_care_entry
    ADD COLUMN hidden_from_patient     boolean      NOT NULL DEFAULT false,
    ADD COLUMN released_to_patient_at  timestamptz;
