-- A search reads the searcher's own practice's list first (PatientRepository.visible): the practice's patients whose
-- family or given name starts with the text, from these indexes, however large the register around them grows.
CREATE INDEX patient_practice_family_name_idx ON patient (gp_practice_ods, lower(family_name) text_pattern_ops);
CREATE INDEX patient_practice_given_name_idx ON patient (gp_practice_ods, lower(given_name) text_pattern_ops);
