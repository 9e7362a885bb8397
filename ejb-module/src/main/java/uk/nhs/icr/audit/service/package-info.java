/**
 * Writing the hash-chained audit log, verifying the chain, and the patient's view of who accessed their record.
 */
package uk.nhs.icr.audit.service;
