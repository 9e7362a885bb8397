-- Repeat prescriptions (issue 13): the templates a GP authorises, the requests patients (or their proxies) make from
-- them in the app, and the pharmacy each patient nominates.

-- A repeat a GP authorised: the medicine as the practice prescribes it, how many issues the authorisation allows and how
-- many have been used, and when the patient's medication review is due (no request after it).
CREATE TABLE repeat_template (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_nhs_number     varchar(10)   NOT NULL,
    medicine               varchar(300)  NOT NULL,
    dose                   varchar(200)  NOT NULL,
    quantity               varchar(100)  NOT NULL,
    issues_allowed         integer       NOT NULL CHECK (issues_allowed BETWEEN 1 AND 52),
    issues_used            integer       NOT NULL DEFAULT 0,
    review_date            date          NOT NULL,
    practice_ods           varchar(10)   NOT NULL,
    authorised_by_username varchar(64)   NOT NULL,
    authorised_by_name     varchar(200)  NOT NULL,
    authorised_at          timestamptz   NOT NULL,
    ended_at               timestamptz,
    version                bigint        NOT NULL DEFAULT 0,
    CHECK (issues_used BETWEEN 0 AND issues_allowed)
);
CREATE INDEX repeat_template_patient_idx ON repeat_template (patient_nhs_number);

-- A request for one repeat: pending until the practice issues it (to the pharmacy named) or rejects it (with a reason the
-- patient reads). Requested by the patient or a proxy (requested_by is who, as on the audit log).
CREATE TABLE repeat_request (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id        bigint        NOT NULL REFERENCES repeat_template (id),
    patient_nhs_number varchar(10)   NOT NULL,
    practice_ods       varchar(10)   NOT NULL,
    requested_by       varchar(64)   NOT NULL,
    requested_at       timestamptz   NOT NULL,
    note               varchar(500),
    pharmacy_ods       varchar(10)   NOT NULL,
    status             varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'ISSUED', 'REJECTED')),
    decided_by_name    varchar(200),
    decided_at         timestamptz,
    rejection_reason   varchar(500),
    version            bigint        NOT NULL DEFAULT 0,
    CHECK (status = 'PENDING' OR (decided_by_name IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL)
);
-- one pending request per repeat: two requests racing for the same item cannot both be pending
CREATE UNIQUE INDEX repeat_request_one_pending_uk ON repeat_request (template_id) WHERE status = 'PENDING';
CREATE INDEX repeat_request_patient_idx ON repeat_request (patient_nhs_number, requested_at DESC);
-- the practice's queue: its pending requests, oldest first
CREATE INDEX repeat_request_queue_idx ON repeat_request (practice_ods, requested_at) WHERE status = 'PENDING';

-- The community pharmacy the patient nominated (an ODS code such as FA123): where their prescriptions go unless a request
-- names another. A preference of its own, so that changing it never clashes with a change of the demographics.
CREATE TABLE pharmacy_nomination (
    patient_nhs_number varchar(10)  PRIMARY KEY,
    pharmacy_ods       varchar(10)  NOT NULL,
    nominated_at       timestamptz  NOT NULL
);
