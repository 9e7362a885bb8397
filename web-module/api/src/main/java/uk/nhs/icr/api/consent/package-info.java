/**
 * API resources for consent directives and the National Data Opt-out.
 */
package uk.nhs.icr.api.consent;
