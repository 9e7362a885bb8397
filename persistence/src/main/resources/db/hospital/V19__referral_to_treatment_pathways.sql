-- Referral-to-treatment (RTT) pathways (issue 14): a referral starts a clock at a provider trust for a treatment
-- function; events (first outpatient, decision to admit, transfer between trusts, clock stop) follow it. The published
-- waiting-list statistics and a patient's estimate are computed over these rows.

-- The national treatment function codes the RTT statistics are published by (NHS Data Model and Dictionary), with
-- the "other" groups the monthly files use for functions outside the main list.
CREATE TABLE treatment_function (
    code  varchar(5)   PRIMARY KEY,
    name  varchar(100) NOT NULL
);
INSERT INTO treatment_function (code, name) VALUES
    ('100', 'General Surgery'), ('101', 'Urology'), ('110', 'Trauma and Orthopaedics'), ('120', 'Ear Nose and Throat'),
    ('130', 'Ophthalmology'), ('140', 'Oral Surgery'), ('150', 'Neurosurgical'), ('160', 'Plastic Surgery'),
    ('170', 'Cardiothoracic Surgery'), ('300', 'General Internal Medicine'), ('301', 'Gastroenterology'),
    ('320', 'Cardiology'), ('330', 'Dermatology'), ('340', 'Respiratory Medicine'), ('400', 'Neurology'),
    ('410', 'Rheumatology'), ('430', 'Elderly Medicine'), ('502', 'Gynaecology'),
    ('X02', 'Other - Medical Services'), ('X03', 'Other - Mental Health Services'), ('X04', 'Other - Paediatric Services'),
    ('X05', 'Other - Surgical Services'), ('X06', 'Other - Other Services');

-- One pathway: its clock runs from clock_start (the day the referral was received) until clock_stop. A transfer to
-- another trust changes provider_ods and keeps the clock. admitted: whether it completed as an admitted pathway
-- (treated as an inpatient or day case, after a decision to admit) or a non-admitted one.
CREATE TABLE rtt_pathway (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number  varchar(10)  NOT NULL,
    referral_entry_id   bigint       NOT NULL REFERENCES hospital_entry (id),
    provider_ods        varchar(10)  NOT NULL,
    treatment_function  varchar(5)   NOT NULL REFERENCES treatment_function (code),
    priority            varchar(30)  NOT NULL CHECK (priority IN ('ROUTINE', 'URGENT', 'URGENT_SUSPECTED_CANCER')),
    clock_start         date         NOT NULL,
    clock_stop          date,
    stop_reason         varchar(40)  CHECK (stop_reason IN ('FIRST_DEFINITIVE_TREATMENT', 'ACTIVE_MONITORING',
                            'DECISION_NOT_TO_TREAT', 'PATIENT_DECLINED', 'DID_NOT_ATTEND', 'DIED')),
    admitted            boolean,
    version             bigint       NOT NULL DEFAULT 0,
    CHECK ((clock_stop IS NULL) = (stop_reason IS NULL)),
    CHECK (clock_stop IS NULL OR clock_stop >= clock_start)
);
CREATE INDEX rtt_pathway_patient_idx ON rtt_pathway (patient_nhs_number);
-- the statistics read a trust's (or every trust's) pathways of one treatment function started before a month's end
CREATE INDEX rtt_pathway_statistics_idx ON rtt_pathway (treatment_function, provider_ods, clock_start)
    INCLUDE (clock_stop, stop_reason, admitted);

-- What happened on a pathway, in order. provider_ods: the trust responsible after the event (a transfer's new one).
CREATE TABLE rtt_event (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pathway_id            bigint        NOT NULL REFERENCES rtt_pathway (id),
    kind                  varchar(30)   NOT NULL CHECK (kind IN ('CLOCK_START', 'FIRST_OUTPATIENT', 'DECISION_TO_ADMIT', 'TRANSFER',
                              'CLOCK_STOP')),
    occurred_on           date          NOT NULL,
    provider_ods          varchar(10)   NOT NULL,
    detail                varchar(300),
    recorded_by_username  varchar(64)   NOT NULL,
    recorded_by_name      varchar(200)  NOT NULL,
    recorded_at           timestamptz   NOT NULL
);
CREATE INDEX rtt_event_pathway_idx ON rtt_event (pathway_id, occurred_on, id);

-- The referral that started a pathway shows the pathway's progress on the patient's timeline.
ALTER TABLE hospital_entry ADD COLUMN pathway_progress varchar(300);
