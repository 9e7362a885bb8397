-- The patient's own front door (issue 13): what the patient's view leaves out, results held back until a clinician has
-- reviewed them or the release delay has passed, and the people who may act for a patient.

-- Any entry a clinician marks "not for patient view" (third-party information, or information likely to cause serious
-- harm) is left out of the patient's own view and their proxies'. released_to_patient_at holds an entry back from that
-- view until then (a result: its recording time plus the release delay, or its review if sooner); NULL: not held.
ALTER TABLE hospital_entry
    ADD COLUMN hidden_from_patient     boolean      NOT NULL DEFAULT false,
    ADD COLUMN released_to_patient_at  timestamptz,
    ADD COLUMN reviewed_at             timestamptz,
    ADD COLUMN reviewed_by_username    varchar(64),
    ADD COLUMN reviewed_by_name        varchar(200),
    ADD COLUMN review_comment          varchar(500),
    -- NOT VALID: no existing row has a review, so there is nothing to check and no need to read the whole table
    ADD CONSTRAINT hospital_entry_review_check CHECK (reviewed_at IS NULL
        OR (entry_type = 'BLOOD_TEST' AND reviewed_by_username IS NOT NULL AND reviewed_by_name IS NOT NULL)) NOT VALID;

-- The results a practice has still to review: those recorded since results were held for review (earlier ones have no
-- release time), a small and shrinking set, so a partial index.
CREATE INDEX hospital_entry_results_to_review_idx ON hospital_entry (patient_nhs_number, recorded_at)
    WHERE entry_type = 'BLOOD_TEST' AND reviewed_at IS NULL AND released_to_patient_at IS NOT NULL;

-- A line a patient understands for each test, shown beside their result.
ALTER TABLE lab_test ADD COLUMN patient_explanation varchar(300);
UPDATE lab_test SET patient_explanation = explanation FROM (VALUES
    ('Haemoglobin', 'Haemoglobin carries oxygen around your body in your red blood cells. A low level can mean anaemia.'),
    ('White cell count', 'White blood cells fight infection. The count can rise with an infection and fall with some medicines.'),
    ('Platelets', 'Platelets help your blood to clot when you are cut or bruised.'),
    ('Ferritin', 'Ferritin shows how much iron your body has stored.'),
    ('Vitamin B12', 'Vitamin B12 helps your body make red blood cells and keeps your nerves healthy.'),
    ('Folate', 'Folate (folic acid) helps your body make healthy red blood cells.'),
    ('Sodium', 'Sodium (salt) helps keep the right balance of water in your body.'),
    ('Potassium', 'Potassium helps your nerves and muscles, including your heart, work properly.'),
    ('Urea', 'Urea is a waste product your kidneys remove from your blood. It shows how well your kidneys work.'),
    ('Creatinine', 'Creatinine is a waste product from your muscles. It shows how well your kidneys filter your blood.'),
    ('eGFR', 'eGFR estimates how well your kidneys filter your blood. Higher is better.'),
    ('Adjusted calcium', 'Calcium keeps your bones and teeth strong and helps your muscles and nerves work.'),
    ('Magnesium', 'Magnesium helps your muscles, nerves and heart work properly.'),
    ('Albumin', 'Albumin is a protein made by your liver. It can show how well your liver works and how well nourished you are.'),
    ('Bilirubin', 'Bilirubin is made when red blood cells break down. A high level can be a sign of a liver problem.'),
    ('Alanine aminotransferase', 'ALT is found mainly in your liver. A high level can mean your liver is inflamed or damaged.'),
    ('Alkaline phosphatase', 'Alkaline phosphatase comes from your liver and bones. It can show a problem with either.'),
    ('C-reactive protein', 'CRP rises when there is inflammation or infection in your body.'),
    ('Glucose', 'Glucose is the sugar in your blood. It shows how your body is managing blood sugar at the time of the test.'),
    ('HbA1c', 'HbA1c shows your average blood sugar over the last 2 to 3 months. It is used to check for and monitor diabetes.'),
    ('Total cholesterol', 'Cholesterol is a fatty substance in your blood. Too much can raise your risk of heart disease and stroke.'),
    ('HDL cholesterol', 'HDL is the "good" cholesterol: it helps remove other cholesterol from your blood. Higher is better.'),
    ('Triglycerides', 'Triglycerides are a type of fat in your blood. High levels can raise your risk of heart disease.'),
    ('TSH', 'TSH controls your thyroid gland, which sets how fast your body uses energy.'),
    ('Free T4', 'T4 is a hormone made by your thyroid gland. It shows how well your thyroid is working.'),
    ('INR', 'INR shows how long your blood takes to clot. It is used to check the dose of warfarin.'),
    ('Troponin T', 'Troponin is released when the heart muscle is damaged. It helps doctors check for a heart attack.'),
    ('PSA', 'PSA is a protein made by the prostate gland. A raised level can have many causes and needs discussing with your GP.')
) AS lines (test_name, explanation)
WHERE lab_test.name = lines.test_name;

-- Who may act for a patient in the app, as the practice recorded it: a parent or guardian (a child under 16), a carer
-- with the patient's consent, a health-and-welfare lasting power of attorney or a court deputy (an adult); the evidence
-- seen, the services granted, the period; for a patient of 16 or over the GP's confirmation that they consent freely
-- (the coercion check); for a child past 11 the GP's decision that a parent's access continues; the revocation.
CREATE TABLE proxy_link (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number       varchar(10)   NOT NULL,
    proxy_nhs_number         varchar(10)   NOT NULL,
    proxy_name               varchar(200)  NOT NULL,
    basis                    varchar(40)   NOT NULL CHECK (basis IN ('PARENTAL_RESPONSIBILITY', 'CARER_WITH_CONSENT',
                                 'LASTING_POWER_OF_ATTORNEY', 'COURT_DEPUTY')),
    evidence                 varchar(500)  NOT NULL,
    services                 varchar(100)  NOT NULL,
    starts_on                date          NOT NULL,
    ends_on                  date,
    practice_ods             varchar(10)   NOT NULL,
    recorded_by_username     varchar(64)   NOT NULL,
    recorded_by_name         varchar(200)  NOT NULL,
    recorded_at              timestamptz   NOT NULL,
    consent_confirmed_by     varchar(200),
    consent_confirmed_at     timestamptz,
    continued_past_eleven_by varchar(200),
    continued_past_eleven_at timestamptz,
    revoked_at               timestamptz,
    revoked_by               varchar(200),
    revocation_reason        varchar(500),
    version                  bigint        NOT NULL DEFAULT 0,
    CHECK (patient_nhs_number <> proxy_nhs_number),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
-- one standing link between two people: recording a second while the first stands is refused (409)
CREATE UNIQUE INDEX proxy_link_standing_uk ON proxy_link (patient_nhs_number, proxy_nhs_number) WHERE revoked_at IS NULL;
CREATE INDEX proxy_link_proxy_idx ON proxy_link (proxy_nhs_number);
