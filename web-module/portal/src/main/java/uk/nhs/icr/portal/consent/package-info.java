/**
 * Portal screens for a patient's consent directive and National Data Opt-out.
 */
package uk.nhs.icr.portal.consent;
