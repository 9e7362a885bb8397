/**
 * The hospital ward: wards, a patient's stay on one (bed, expected date of discharge, medically fit, medicines reconciled),
 * inpatient prescriptions coded to the formulary, each dose given, not given or delayed, and the reconciliation of the
 * medicines a patient came in on. Prescriptions and doses are the electronic prescribing and medicines administration (ePMA)
 * record of the admission.
 */
package uk.nhs.icr.inpatient;
