/**
 * The audit log of every access to patient data: append-only (the database refuses updates and deletes)
 * and tamper-evident (each row's hash chains to the previous row's).
 */
package uk.nhs.icr.audit;
