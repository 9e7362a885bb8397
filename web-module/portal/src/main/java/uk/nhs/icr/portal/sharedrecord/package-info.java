/**
 * Portal screens for the shared record: summary, timeline, results chart and entry forms.
 */
package uk.nhs.icr.portal.sharedrecord;
