-- The waiting-times dashboard's longest waits: a trust's open pathways, oldest clock first, 50 of them. Without this the
-- list read every pathway of the table (the statistics index leads with the treatment function); open pathways are a
-- minority, so a partial index.
CREATE INDEX rtt_pathway_open_by_provider_idx ON rtt_pathway (provider_ods, clock_start, id) WHERE clock_stop IS NULL;
