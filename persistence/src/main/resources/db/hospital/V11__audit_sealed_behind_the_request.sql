-- The audit log's hash chain no longer takes a lock on the request path (issue 12). A request appends its row
-- unsealed (no hashes yet), with no lock; one sealer, a second or so behind, gives each committed row its place
-- in the chain (chain_seq, in the order it seals them), the previous row's hash and its own, holding the head's
-- lock only among sealers. Rows appended before a stop are sealed after the start: nothing is lost.
ALTER TABLE audit_event ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_event ADD COLUMN chain_seq bigint UNIQUE;

-- The application's role may update the chain's three columns and no other (it may still change no content and
-- remove no row; the trigger below allows even these once per row)
GRANT UPDATE (chain_seq, previous_hash, hash) ON audit_event TO CURRENT_USER;

-- the rows chained so far keep their place: the chain so far is in id order
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
UPDATE audit_event SET chain_seq = id;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
ALTER TABLE audit_chain_head ADD COLUMN last_seq bigint;
UPDATE audit_chain_head SET last_seq = last_id;
ALTER TABLE audit_chain_head ALTER COLUMN last_seq SET NOT NULL;

CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE chain_seq IS NULL;

-- Append-only still: the one change allowed is sealing, once: an unsealed row gets its place and hashes, and
-- nothing else about it changes. Content is never changed, rows are never removed.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.chain_seq IS NULL AND OLD.hash IS NULL AND OLD.previous_hash IS NULL
           AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.previous_hash IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.username, NEW.role, NEW.organisation_ods, NEW.patient_nhs_number,
                NEW.resource_type, NEW.action, NEW.purpose, NEW.outcome, NEW.reason, NEW.channel, NEW.client_address)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.username, OLD.role, OLD.organisation_ods, OLD.patient_nhs_number,
                OLD.resource_type, OLD.action, OLD.purpose, OLD.outcome, OLD.reason, OLD.channel, OLD.client_address) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
