/**
 * API resources for the shared record (timeline, entry, summary, results) and transfers of care.
 */
package uk.nhs.icr.api.sharedrecord;
