/**
 * What both records share: {@link uk.nhs.icr.sharedrecord.RecordedEntry} (the fields every entry has), its
 * author, and the query shape for listing entries. The hospital record lives in {@code hospital}, the social
 * care record in {@code socialcare}; the shared record view (EJB module) merges them.
 */
package uk.nhs.icr.sharedrecord;
