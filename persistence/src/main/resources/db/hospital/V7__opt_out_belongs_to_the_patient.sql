-- The National Data Opt-out belongs to the patient. Staff record it only as the patient's own choice made by
-- phone or post (the national contact centre), a parent's or guardian's for a child under 13, or an attorney's
-- or court deputy's for an adult; each version says through which channel it came.
ALTER TABLE organisation DROP CONSTRAINT organisation_type_check;
ALTER TABLE organisation ADD CONSTRAINT organisation_type_check
    CHECK (type IN ('HOSPITAL_TRUST', 'GP_PRACTICE', 'LOCAL_AUTHORITY', 'CARE_PROVIDER', 'NATIONAL_SERVICE'));
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN ('GP', 'HOSPITAL_CLINICIAN', 'NURSE',
    'SOCIAL_WORKER', 'CARE_WORKER', 'ADMIN', 'PRIVACY_OFFICER', 'ORGAN_DONATION_NURSE', 'CONTACT_CENTRE'));
ALTER TABLE data_opt_out DROP CONSTRAINT data_opt_out_recorded_by_kind_check;
ALTER TABLE data_opt_out ADD CONSTRAINT data_opt_out_recorded_by_kind_check
    CHECK (recorded_by_kind IN ('PATIENT', 'PROXY', 'ATTORNEY', 'STAFF'));
-- versions recorded before this change say nothing of the channel
ALTER TABLE data_opt_out ADD COLUMN channel varchar(10) CHECK (channel IN ('ONLINE', 'PHONE', 'POST', 'IN_PERSON'));
