/**
 * Patients' preferences about their record: consent directives for sharing (FHIR R4 Consent shape, with
 * permit and deny provisions) and research, and the National Data Opt-out. Every change is a new version.
 */
package uk.nhs.icr.consent;
