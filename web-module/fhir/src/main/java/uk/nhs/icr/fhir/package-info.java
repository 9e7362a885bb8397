/**
 * ICR's FHIR R4 face: HAPI FHIR's plain server ({@link uk.nhs.icr.fhir.IcrFhirServer}) with resource providers that map
 * the EJB services' answers to FHIR resources. Nothing is stored here: every read is the same service call the JSON API
 * and the portal make, so the one access decision point, consent withholding and audit apply unchanged.
 */
package uk.nhs.icr.fhir;
