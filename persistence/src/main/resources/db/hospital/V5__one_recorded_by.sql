-- One "recorded by" for every versioned decision: the data opt-out's set_by_* columns take the names the
-- consent directive and the organ-donation decision use, and its SELF becomes PATIENT. Done once, at the
-- migration; the rows are otherwise never updated.
ALTER TABLE data_opt_out RENAME COLUMN set_by_kind TO recorded_by_kind;
ALTER TABLE data_opt_out RENAME COLUMN set_by_name TO recorded_by_name;
ALTER TABLE data_opt_out RENAME COLUMN set_by_username TO recorded_by_username;
ALTER TABLE data_opt_out DROP CONSTRAINT data_opt_out_set_by_kind_check;
UPDATE data_opt_out SET recorded_by_kind = 'PATIENT' WHERE recorded_by_kind = 'SELF';
ALTER TABLE data_opt_out ADD CONSTRAINT data_opt_out_recorded_by_kind_check
    CHECK (recorded_by_kind IN ('PATIENT', 'PROXY', 'STAFF'));
