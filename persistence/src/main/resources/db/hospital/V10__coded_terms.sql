-- Coded terms offered when a clinician records an entry: a small demonstration subset shaped like the national
-- terminologies (SNOMED CT findings and laboratory tests; dm+d's virtual therapeutic moiety -> virtual medicinal
-- product for medicines). A term not listed may still be recorded as free text. The real releases (NHS TRUD) load
-- into the same tables; medicine is the one medicines table and grows into the formulary.

-- Laboratory tests: the unit results are reported in, the usual adult reference range, and the range a result
-- can physically have (a value outside it is a typing or unit error, not a result).
CREATE TABLE lab_test (
    name            varchar(200)  PRIMARY KEY,
    snomed_code     varchar(18),
    unit            varchar(30)   NOT NULL,
    reference_low   numeric(14, 4),
    reference_high  numeric(14, 4),
    plausible_low   numeric(14, 4) NOT NULL,
    plausible_high  numeric(14, 4) NOT NULL,
    CHECK (plausible_low < plausible_high)
);
CREATE UNIQUE INDEX lab_test_name_lower_idx ON lab_test (lower(name) text_pattern_ops);

INSERT INTO lab_test (name, unit, reference_low, reference_high, plausible_low, plausible_high) VALUES
    ('Haemoglobin', 'g/L', 120, 170, 20, 250),
    ('White cell count', '10^9/L', 4, 11, 0, 500),
    ('Platelets', '10^9/L', 150, 400, 0, 2000),
    ('Ferritin', 'ug/L', 30, 400, 0, 100000),
    ('Vitamin B12', 'ng/L', 197, 771, 0, 5000),
    ('Folate', 'ug/L', 3.9, 26.8, 0, 100),
    ('Sodium', 'mmol/L', 133, 146, 90, 200),
    ('Potassium', 'mmol/L', 3.5, 5.3, 0.5, 15),
    ('Urea', 'mmol/L', 2.5, 7.8, 0.3, 100),
    ('Creatinine', 'umol/L', 59, 104, 5, 3000),
    ('eGFR', 'mL/min/1.73m2', 90, NULL, 1, 200),
    ('Adjusted calcium', 'mmol/L', 2.2, 2.6, 0.5, 5),
    ('Magnesium', 'mmol/L', 0.7, 1.0, 0.1, 5),
    ('Albumin', 'g/L', 35, 50, 5, 70),
    ('Bilirubin', 'umol/L', NULL, 21, 0, 1000),
    ('Alanine aminotransferase', 'U/L', NULL, 40, 0, 10000),
    ('Alkaline phosphatase', 'U/L', 30, 130, 0, 5000),
    ('C-reactive protein', 'mg/L', NULL, 5, 0, 700),
    ('Glucose', 'mmol/L', 3.0, 6.0, 0.5, 100),
    ('HbA1c', 'mmol/mol', 20, 41, 15, 200),
    ('Total cholesterol', 'mmol/L', NULL, 5, 0.5, 30),
    ('HDL cholesterol', 'mmol/L', 1.0, NULL, 0.1, 10),
    ('Triglycerides', 'mmol/L', NULL, 1.7, 0.1, 100),
    ('TSH', 'mU/L', 0.27, 4.2, 0, 500),
    ('Free T4', 'pmol/L', 12, 22, 1, 150),
    ('INR', 'ratio', 0.8, 1.2, 0.5, 20),
    ('Troponin T', 'ng/L', NULL, 14, 0, 100000),
    ('PSA', 'ug/L', NULL, 4, 0, 10000);

-- Problems and diagnoses (SNOMED CT clinical findings), with the data category a consent provision refers to.
CREATE TABLE clinical_finding (
    snomed_code  varchar(18)   PRIMARY KEY,
    term         varchar(300)  NOT NULL,
    category     varchar(30)   NOT NULL DEFAULT 'GENERAL'
);
CREATE INDEX clinical_finding_term_lower_idx ON clinical_finding (lower(term) text_pattern_ops);

INSERT INTO clinical_finding (snomed_code, term, category) VALUES
    ('38341003', 'Hypertension', 'GENERAL'),
    ('73211009', 'Diabetes mellitus', 'GENERAL'),
    ('46635009', 'Type 1 diabetes mellitus', 'GENERAL'),
    ('44054006', 'Type 2 diabetes mellitus', 'GENERAL'),
    ('195967001', 'Asthma', 'GENERAL'),
    ('13645005', 'Chronic obstructive pulmonary disease', 'GENERAL'),
    ('84114007', 'Heart failure', 'GENERAL'),
    ('414545008', 'Ischaemic heart disease', 'GENERAL'),
    ('22298006', 'Myocardial infarction', 'GENERAL'),
    ('49436004', 'Atrial fibrillation', 'GENERAL'),
    ('230690007', 'Stroke', 'GENERAL'),
    ('55822004', 'Hyperlipidaemia', 'GENERAL'),
    ('709044004', 'Chronic kidney disease', 'GENERAL'),
    ('40930008', 'Hypothyroidism', 'GENERAL'),
    ('396275006', 'Osteoarthritis', 'GENERAL'),
    ('69896004', 'Rheumatoid arthritis', 'GENERAL'),
    ('64859006', 'Osteoporosis', 'GENERAL'),
    ('90560007', 'Gout', 'GENERAL'),
    ('5913000', 'Fracture of neck of femur', 'GENERAL'),
    ('84757009', 'Epilepsy', 'GENERAL'),
    ('37796009', 'Migraine', 'GENERAL'),
    ('49049000', 'Parkinson''s disease', 'GENERAL'),
    ('24700007', 'Multiple sclerosis', 'GENERAL'),
    ('235595009', 'Gastro-oesophageal reflux disease', 'GENERAL'),
    ('271737000', 'Anaemia', 'GENERAL'),
    ('414916001', 'Obesity', 'GENERAL'),
    ('233604007', 'Pneumonia', 'GENERAL'),
    ('68566005', 'Urinary tract infection', 'GENERAL'),
    ('128045006', 'Cellulitis', 'GENERAL'),
    ('363346000', 'Malignant neoplastic disease', 'GENERAL'),
    ('52448006', 'Dementia', 'MENTAL_HEALTH'),
    ('26929004', 'Alzheimer''s disease', 'MENTAL_HEALTH'),
    ('35489007', 'Depressive disorder', 'MENTAL_HEALTH'),
    ('197480006', 'Anxiety disorder', 'MENTAL_HEALTH'),
    ('13746004', 'Bipolar disorder', 'MENTAL_HEALTH'),
    ('58214004', 'Schizophrenia', 'MENTAL_HEALTH'),
    ('47505003', 'Post-traumatic stress disorder', 'MENTAL_HEALTH'),
    ('7200002', 'Alcoholism', 'SUBSTANCE_MISUSE'),
    ('105629000', 'Chlamydial infection', 'SEXUAL_HEALTH'),
    ('86406008', 'Human immunodeficiency virus infection', 'SEXUAL_HEALTH');

-- Medicines, shaped as dm+d's virtual medicinal products (name as dm+d writes it) under their moiety (vtm).
-- dmd_code is filled when the real release is loaded; the demo subset carries none rather than invented ones.
CREATE TABLE medicine (
    id         bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dmd_code   varchar(18)   UNIQUE,
    vtm        varchar(200)  NOT NULL,
    name       varchar(300)  NOT NULL UNIQUE,
    form       varchar(100)  NOT NULL,
    strength   varchar(100),
    route      varchar(50)   NOT NULL,
    dose_unit  varchar(30)   NOT NULL
);
CREATE INDEX medicine_name_lower_idx ON medicine (lower(name) text_pattern_ops);

INSERT INTO medicine (vtm, name, form, strength, route, dose_unit) VALUES
    ('Amlodipine', 'Amlodipine 5mg tablets', 'tablet', '5 mg', 'oral', 'mg'),
    ('Amlodipine', 'Amlodipine 10mg tablets', 'tablet', '10 mg', 'oral', 'mg'),
    ('Ramipril', 'Ramipril 2.5mg capsules', 'capsule', '2.5 mg', 'oral', 'mg'),
    ('Ramipril', 'Ramipril 5mg capsules', 'capsule', '5 mg', 'oral', 'mg'),
    ('Lisinopril', 'Lisinopril 10mg tablets', 'tablet', '10 mg', 'oral', 'mg'),
    ('Losartan', 'Losartan 50mg tablets', 'tablet', '50 mg', 'oral', 'mg'),
    ('Bendroflumethiazide', 'Bendroflumethiazide 2.5mg tablets', 'tablet', '2.5 mg', 'oral', 'mg'),
    ('Bisoprolol', 'Bisoprolol 2.5mg tablets', 'tablet', '2.5 mg', 'oral', 'mg'),
    ('Bisoprolol', 'Bisoprolol 5mg tablets', 'tablet', '5 mg', 'oral', 'mg'),
    ('Furosemide', 'Furosemide 40mg tablets', 'tablet', '40 mg', 'oral', 'mg'),
    ('Atorvastatin', 'Atorvastatin 20mg tablets', 'tablet', '20 mg', 'oral', 'mg'),
    ('Atorvastatin', 'Atorvastatin 40mg tablets', 'tablet', '40 mg', 'oral', 'mg'),
    ('Simvastatin', 'Simvastatin 40mg tablets', 'tablet', '40 mg', 'oral', 'mg'),
    ('Aspirin', 'Aspirin 75mg dispersible tablets', 'dispersible tablet', '75 mg', 'oral', 'mg'),
    ('Clopidogrel', 'Clopidogrel 75mg tablets', 'tablet', '75 mg', 'oral', 'mg'),
    ('Apixaban', 'Apixaban 5mg tablets', 'tablet', '5 mg', 'oral', 'mg'),
    ('Warfarin', 'Warfarin 1mg tablets', 'tablet', '1 mg', 'oral', 'mg'),
    ('Metformin', 'Metformin 500mg tablets', 'tablet', '500 mg', 'oral', 'mg'),
    ('Gliclazide', 'Gliclazide 80mg tablets', 'tablet', '80 mg', 'oral', 'mg'),
    ('Insulin glargine', 'Insulin glargine 100units/ml solution for injection 3ml pre-filled pens', 'solution for injection',
        '100 units/ml', 'subcutaneous', 'unit'),
    ('Levothyroxine sodium', 'Levothyroxine sodium 50microgram tablets', 'tablet', '50 microgram', 'oral', 'microgram'),
    ('Salbutamol', 'Salbutamol 100micrograms/dose inhaler CFC free', 'pressurised inhalation', '100 micrograms/dose', 'inhaled',
        'dose'),
    ('Beclometasone', 'Beclometasone 100micrograms/dose inhaler CFC free', 'pressurised inhalation', '100 micrograms/dose',
        'inhaled', 'dose'),
    ('Prednisolone', 'Prednisolone 5mg tablets', 'tablet', '5 mg', 'oral', 'mg'),
    ('Omeprazole', 'Omeprazole 20mg gastro-resistant capsules', 'gastro-resistant capsule', '20 mg', 'oral', 'mg'),
    ('Lansoprazole', 'Lansoprazole 30mg gastro-resistant capsules', 'gastro-resistant capsule', '30 mg', 'oral', 'mg'),
    ('Paracetamol', 'Paracetamol 500mg tablets', 'tablet', '500 mg', 'oral', 'mg'),
    ('Ibuprofen', 'Ibuprofen 400mg tablets', 'tablet', '400 mg', 'oral', 'mg'),
    ('Naproxen', 'Naproxen 500mg tablets', 'tablet', '500 mg', 'oral', 'mg'),
    ('Codeine', 'Codeine 30mg tablets', 'tablet', '30 mg', 'oral', 'mg'),
    ('Morphine', 'Morphine sulfate 10mg/5ml oral solution', 'oral solution', '2 mg/ml', 'oral', 'mg'),
    ('Amoxicillin', 'Amoxicillin 500mg capsules', 'capsule', '500 mg', 'oral', 'mg'),
    ('Flucloxacillin', 'Flucloxacillin 500mg capsules', 'capsule', '500 mg', 'oral', 'mg'),
    ('Doxycycline', 'Doxycycline 100mg capsules', 'capsule', '100 mg', 'oral', 'mg'),
    ('Clarithromycin', 'Clarithromycin 500mg tablets', 'tablet', '500 mg', 'oral', 'mg'),
    ('Nitrofurantoin', 'Nitrofurantoin 100mg modified-release capsules', 'modified-release capsule', '100 mg', 'oral', 'mg'),
    ('Trimethoprim', 'Trimethoprim 200mg tablets', 'tablet', '200 mg', 'oral', 'mg'),
    ('Sertraline', 'Sertraline 50mg tablets', 'tablet', '50 mg', 'oral', 'mg'),
    ('Citalopram', 'Citalopram 20mg tablets', 'tablet', '20 mg', 'oral', 'mg'),
    ('Mirtazapine', 'Mirtazapine 15mg tablets', 'tablet', '15 mg', 'oral', 'mg'),
    ('Donepezil', 'Donepezil 5mg tablets', 'tablet', '5 mg', 'oral', 'mg'),
    ('Alendronic acid', 'Alendronic acid 70mg tablets', 'tablet', '70 mg', 'oral', 'mg'),
    ('Allopurinol', 'Allopurinol 100mg tablets', 'tablet', '100 mg', 'oral', 'mg'),
    ('Tamsulosin', 'Tamsulosin 400microgram modified-release capsules', 'modified-release capsule', '400 microgram', 'oral',
        'microgram');
