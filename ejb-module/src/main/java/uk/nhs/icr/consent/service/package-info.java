/**
 * Patients' sharing consent directives and their National Data Opt-out: reading and recording them, through
 * the access decision point. Enforcement of the treatment directive lives in the access decision point itself.
 */
package uk.nhs.icr.consent.service;
