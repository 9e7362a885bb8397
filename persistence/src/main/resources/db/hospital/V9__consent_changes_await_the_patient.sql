-- A change a member of staff records to a patient's sharing consent is made at the patient's request, and
-- says so (at_patients_request). One that would let anyone see more than the version in force does does
-- not apply until the patient confirms it: in the app, or in person to a clinician other than its author.
-- The confirmation is written once onto the version it confirms; an unconfirmed loosening lapses after 28
-- days (read from recorded_at, nothing is rewritten).
ALTER TABLE consent_directive
    ADD COLUMN at_patients_request     boolean,
    ADD COLUMN awaiting_confirmation   boolean      NOT NULL DEFAULT false,
    ADD COLUMN confirmed_at            timestamptz,
    ADD COLUMN confirmed_by_kind       varchar(20)  CHECK (confirmed_by_kind IN ('PATIENT', 'PROXY', 'ATTORNEY', 'STAFF')),
    ADD COLUMN confirmed_by_name       varchar(200),
    ADD COLUMN confirmed_by_username   varchar(100),
    ADD COLUMN confirmation_channel    varchar(20)  CHECK (confirmation_channel IN ('APP', 'IN_PERSON')),
    ADD CONSTRAINT consent_directive_confirmation_ck
        CHECK (confirmed_at IS NULL OR (awaiting_confirmation AND confirmed_by_kind IS NOT NULL
               AND confirmed_by_username IS NOT NULL AND confirmation_channel IS NOT NULL));
