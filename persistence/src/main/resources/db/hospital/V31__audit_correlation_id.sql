-- Issue 21: each audit row keeps the id of the request that made it (the caller's X-Correlation-ID or X-Request-ID, or
-- one ICR chose), so that a partner's own logs and ICR's audit meet. Rows written before have none. The id is part of
-- the row's hash when it has one (appended last), so earlier rows' hashes stand unchanged.
ALTER TABLE audit_event ADD COLUMN correlation_id varchar(64);
CREATE INDEX audit_event_correlation_idx ON audit_event (correlation_id) WHERE correlation_id IS NOT NULL;

-- Append-only as before, the new column included among what sealing may not change
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.chain_seq IS NULL AND OLD.hash IS NULL AND OLD.previous_hash IS NULL
           AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.previous_hash IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.username, NEW.role, NEW.organisation_ods, NEW.patient_nhs_number,
                NEW.resource_type, NEW.action, NEW.purpose, NEW.outcome, NEW.reason, NEW.channel, NEW.client_address,
                NEW.correlation_id)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.username, OLD.role, OLD.organisation_ods, OLD.patient_nhs_number,
                OLD.resource_type, OLD.action, OLD.purpose, OLD.outcome, OLD.reason, OLD.channel, OLD.client_address,
                OLD.correlation_id) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
