-- FHIR bundle import (issue 20). Hosting staff who load records from other systems hold a role of their own.
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN ('GP', 'HOSPITAL_CLINICIAN', 'NURSE',
    'SOCIAL_WORKER', 'CARE_WORKER', 'ADMIN', 'PRIVACY_OFFICER', 'ORGAN_DONATION_NURSE', 'CONTACT_CENTRE',
    'RESEARCHER', 'OUTPUT_CHECKER', 'DATA_ACCESS_COMMITTEE', 'CARE_COORDINATOR', 'IMPORTER'));

-- An organisation a bundle named that ICR did not know: kept in the directory, marked with where it came from
-- (identifier system|value), under a code ICR minted for it ("IM" and eight hex digits: no ODS code starts so).
ALTER TABLE organisation ADD COLUMN imported_from varchar(300) UNIQUE;

-- The national pseudo-practice for a patient whose GP practice is not known (PDS's V81999): imported patients whose
-- bundle names no practice ICR knows are registered here, where nobody works, so they get no relationship by it.
INSERT INTO organisation (ods_code, name, type) VALUES ('V81999', 'GP practice not known', 'GP_PRACTICE')
ON CONFLICT (ods_code) DO NOTHING;

-- Practitioners a bundle named: directory entries without a sign-in, marked imported, for authorship only.
CREATE TABLE imported_practitioner (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imported_from    varchar(300) NOT NULL UNIQUE,
    display_name     varchar(200) NOT NULL,
    organisation_ods varchar(10),
    imported_at      timestamptz  NOT NULL
);

-- Where an imported entry came from (the source system's identifier of the resource): a re-import of the same bundle
-- finds it and adds nothing.
ALTER TABLE hospital_entry ADD COLUMN source_ref varchar(300);
CREATE UNIQUE INDEX hospital_entry_source_ref_uk ON hospital_entry (patient_nhs_number, source_ref) WHERE source_ref IS NOT NULL;
