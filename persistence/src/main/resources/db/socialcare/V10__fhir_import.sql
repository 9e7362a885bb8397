-- Where an imported entry came from (the source system's identifier of the resource), as in the hospital record:
-- both stores' entries share one mapping.
ALTER TABLE social_care_entry ADD COLUMN source_ref varchar(300);
CREATE UNIQUE INDEX social_care_entry_source_ref_uk ON social_care_entry (person_nhs_number, source_ref) WHERE source_ref IS NOT NULL;
