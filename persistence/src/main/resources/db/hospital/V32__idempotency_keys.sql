-- Issue 21: Idempotency-Key on POST. The first request with a key claims it (a row without an answer); its answer is kept
-- for 24 hours, and a retry with the same key and the same request gets that answer instead of being done again.
CREATE TABLE idempotency_key (
    client          varchar(300) NOT NULL,
    idempotency_key varchar(128) NOT NULL,
    request_hash    char(64)     NOT NULL,
    created_at      timestamptz  NOT NULL,
    status          integer,
    content_type    varchar(200),
    location        varchar(2000),
    body            bytea,
    PRIMARY KEY (client, idempotency_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
