/**
 * API resources for patient registration, look-up and search.
 */
package uk.nhs.icr.api.patient;
