-- A long discharge list never blocks a transfer of care.
ALTER TABLE social_care_entry ALTER COLUMN discharge_medicines TYPE text;
