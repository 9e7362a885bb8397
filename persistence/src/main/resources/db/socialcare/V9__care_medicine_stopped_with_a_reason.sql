-- A medicine comes off the MAR chart when the prescriber stops it: who took it off, and why (the GP's letter, a hospital
-- discharge), are kept with it.
ALTER TABLE care_medicine
    ADD COLUMN stopped_by  varchar(64),
    ADD COLUMN stop_reason varchar(500);
