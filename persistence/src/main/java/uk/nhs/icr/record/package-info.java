/**
 * What both records share: the author of an entry and the data categories consent refers to. The
 * hospital record lives in {@code hospital}, the social care record in {@code socialcare}; the shared
 * record view (EJB module) merges them.
 */
package uk.nhs.icr.record;
