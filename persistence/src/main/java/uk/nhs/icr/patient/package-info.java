/**
 * Patients: the NHS number, the demographic record held in the hospital database, and (in the EJB
 * module) registration and search. Every other context refers to a patient by
 * {@link uk.nhs.icr.patient.NhsNumber}.
 */
package uk.nhs.icr.patient;
