/**
 * Portal screens for patient search, registration and the patient page.
 */
package uk.nhs.icr.portal.patient;
