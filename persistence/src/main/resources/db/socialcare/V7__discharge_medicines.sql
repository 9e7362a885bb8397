-- A transfer of care carries the medicines the patient goes home on (from the ward's active prescriptions), so the care
-- provider can put them on the MAR chart before the first visit.
ALTER TABLE social_care_entry ADD COLUMN discharge_medicines varchar(4000);
