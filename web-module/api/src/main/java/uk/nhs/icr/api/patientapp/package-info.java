/**
 * The patient's own front door, under {@code /api/me}: what an NHS App-like client calls with a patient's token
 * ({@code groups} PATIENT, {@code nhs_number}). The caller is the patient; {@code for} names someone they act for as a
 * proxy recorded by that person's GP practice. Every call goes through the same access decision and audit as staff
 * reads, and returns what the patient's own view may show.
 */
package uk.nhs.icr.api.patientapp;
