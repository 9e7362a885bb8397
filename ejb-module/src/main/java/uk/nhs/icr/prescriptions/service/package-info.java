/**
 * Repeat prescriptions as a practice and its patients use them: a GP authorises repeats; the patient (or a proxy with the
 * prescriptions service) requests them in the app, to their nominated pharmacy; the practice's queue issues them (one
 * issue used each) or rejects them with a reason the patient reads.
 */
package uk.nhs.icr.prescriptions.service;
