-- The staff directory is cached in the application server (Hibernate's second-level cache). Any change to staff, their
-- roles or organisations, through ICR or by hand in SQL, moves this generation on in the same transaction; the server
-- reads it before each directory look-up and evicts its cached directory when it has moved, so a disabled or locked
-- account is refused from the next request on.
CREATE TABLE directory_generation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint  NOT NULL
);
INSERT INTO directory_generation (generation) VALUES (0);

CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_generation SET generation = generation + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER staff_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER staff_role_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_role
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER organisation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
