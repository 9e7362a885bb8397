/**
 * API resources that record social care entries.
 */
package uk.nhs.icr.api.socialcare;
