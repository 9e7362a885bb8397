-- One plan in force per admission: two clinicians writing a new version at once cannot both leave theirs active (the second
-- is refused and reads the first). The alerts kept on a prescription are as long as the checks made them.
DROP INDEX hospital_entry_plan_idx;
CREATE UNIQUE INDEX hospital_entry_plan_in_force_idx ON hospital_entry (encounter_id) WHERE entry_type = 'TREATMENT_PLAN' AND status = 'ACTIVE'
    AND encounter_id IS NOT NULL;
ALTER TABLE inpatient_prescription ALTER COLUMN check_alerts TYPE text;
