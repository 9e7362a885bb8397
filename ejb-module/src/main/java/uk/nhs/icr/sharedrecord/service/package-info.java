/**
 * The shared record: one view over the hospital and social care records (timeline and summary), the
 * common path every write to either takes ({@link uk.nhs.icr.sharedrecord.service.RecordWriter}), and transfer of
 * care, the workflow that writes both in one transaction.
 */
package uk.nhs.icr.sharedrecord.service;
