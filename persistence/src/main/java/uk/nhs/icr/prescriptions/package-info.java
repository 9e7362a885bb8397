/**
 * Repeat prescriptions: the repeats a GP authorises for a patient (medicine, dose, quantity, issues allowed and used,
 * medication review date), the requests a patient or their proxy makes from them, and the pharmacy the patient
 * nominated. A request is pending until the practice issues it to the pharmacy or rejects it with a reason.
 */
package uk.nhs.icr.prescriptions;
