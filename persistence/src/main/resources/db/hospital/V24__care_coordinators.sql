-- A care provider's coordinator or registered manager: plans the rota, keeps the medicines chart, answers alerts.
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN ('GP', 'HOSPITAL_CLINICIAN', 'NURSE',
    'SOCIAL_WORKER', 'CARE_WORKER', 'ADMIN', 'PRIVACY_OFFICER', 'ORGAN_DONATION_NURSE', 'CONTACT_CENTRE',
    'RESEARCHER', 'OUTPUT_CHECKER', 'DATA_ACCESS_COMMITTEE', 'CARE_COORDINATOR'));

-- Medicines care providers give that the demo subset lacked: Parkinson's medicines are the usual time-critical ones.
INSERT INTO medicine (vtm, name, form, strength, route, dose_unit) VALUES
    ('Co-careldopa', 'Co-careldopa 25mg/100mg tablets', 'tablet', '25 mg/100 mg', 'oral', 'tablet'),
    ('Co-beneldopa', 'Co-beneldopa 25mg/100mg capsules', 'capsule', '25 mg/100 mg', 'oral', 'capsule'),
    ('Quetiapine', 'Quetiapine 25mg tablets', 'tablet', '25 mg', 'oral', 'mg')
ON CONFLICT (name) DO NOTHING;
