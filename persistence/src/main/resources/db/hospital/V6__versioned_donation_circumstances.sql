-- Capacity and residence become versioned like the decisions they qualify: a change is the next version,
-- never an update, so an evaluation on a past date uses what had been recorded by then, and the history shows
-- who established what. The one row a patient may have today becomes their version 1.
ALTER TABLE organ_donation_circumstances DROP CONSTRAINT organ_donation_circumstances_pkey;
ALTER TABLE organ_donation_circumstances ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE organ_donation_circumstances ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE organ_donation_circumstances ALTER COLUMN version DROP DEFAULT;
ALTER TABLE organ_donation_circumstances ADD COLUMN recorded_by_kind varchar(10) NOT NULL DEFAULT 'STAFF'
    CHECK (recorded_by_kind IN ('PATIENT', 'PROXY', 'STAFF'));
ALTER TABLE organ_donation_circumstances ALTER COLUMN recorded_by_kind DROP DEFAULT;
ALTER TABLE organ_donation_circumstances ADD COLUMN recorded_by_name varchar(200);
UPDATE organ_donation_circumstances SET recorded_by_name = recorded_by_username;
ALTER TABLE organ_donation_circumstances ALTER COLUMN recorded_by_name SET NOT NULL;
ALTER TABLE organ_donation_circumstances ADD CONSTRAINT organ_donation_circumstances_version_uk
    UNIQUE (patient_nhs_number, version);
-- an evaluation reads the newest version recorded before a moment
CREATE INDEX organ_donation_circumstances_in_force_ix ON organ_donation_circumstances (patient_nhs_number, recorded_at DESC);
