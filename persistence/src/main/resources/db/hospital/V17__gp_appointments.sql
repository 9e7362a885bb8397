-- GP appointments (issue 13), shaped like GP Connect Appointment Management: a practice's sessions (a clinician, their
-- role, a place, a kind), the slots they are cut into, and the appointments booked in them.

CREATE TABLE appointment_session (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    practice_ods         varchar(10)   NOT NULL,
    clinician_name       varchar(200)  NOT NULL,
    clinician_role       varchar(30)   NOT NULL,
    place                varchar(200)  NOT NULL,
    kind                 varchar(20)   NOT NULL CHECK (kind IN ('FACE_TO_FACE', 'TELEPHONE', 'VIDEO')),
    created_by_username  varchar(64)   NOT NULL,
    created_at           timestamptz   NOT NULL
);

CREATE TABLE appointment_slot (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id    bigint        NOT NULL REFERENCES appointment_session (id),
    practice_ods  varchar(10)   NOT NULL,
    starts_at     timestamptz   NOT NULL,
    ends_at       timestamptz   NOT NULL,
    CHECK (ends_at > starts_at),
    UNIQUE (session_id, starts_at)
);
-- a patient's search: their practice's slots in a window of at most two weeks
CREATE INDEX appointment_slot_search_idx ON appointment_slot (practice_ods, starts_at);

CREATE TABLE appointment (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id              bigint        NOT NULL REFERENCES appointment_slot (id),
    patient_nhs_number   varchar(10)   NOT NULL,
    practice_ods         varchar(10)   NOT NULL,
    starts_at            timestamptz   NOT NULL,
    reason               varchar(100)  NOT NULL,
    booked_by            varchar(64)   NOT NULL,
    booked_at            timestamptz   NOT NULL,
    status               varchar(10)   NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED')),
    cancelled_by_name    varchar(200),
    cancelled_at         timestamptz,
    cancellation_reason  varchar(300),
    version              bigint        NOT NULL DEFAULT 0,
    CHECK (status = 'BOOKED' OR (cancelled_by_name IS NOT NULL AND cancelled_at IS NOT NULL))
);
-- exactly one booking of a slot stands: of many racing for it, one insert wins and the others are refused (409)
CREATE UNIQUE INDEX appointment_one_booking_per_slot_uk ON appointment (slot_id) WHERE status = 'BOOKED';
CREATE INDEX appointment_patient_idx ON appointment (patient_nhs_number, starts_at);
-- the practice's day list
CREATE INDEX appointment_practice_day_idx ON appointment (practice_ods, starts_at) WHERE status = 'BOOKED';
