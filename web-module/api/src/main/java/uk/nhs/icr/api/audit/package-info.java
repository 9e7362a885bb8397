/**
 * API resources for the audit log: the patient's access log and verification of the hash chain.
 */
package uk.nhs.icr.api.audit;
