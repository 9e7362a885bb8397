/**
 * Patients: the NHS number, the demographic record held in the hospital database, and its repository (registration and search are
 * services in {@code uk.nhs.icr.patient.service}). Every other context refers to a patient by
 * {@link uk.nhs.icr.patient.NhsNumber}.
 */
package uk.nhs.icr.patient;
