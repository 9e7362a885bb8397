/**
 * GP appointments as GP Connect's Appointment Management shapes them: the practice defines sessions and cuts them into
 * slots; the patient (or a proxy with the appointments service) searches their own practice's free slots in a window of
 * at most 14 days, books one with a reason (exactly one booking of a slot wins: 409 for the rest), lists their
 * appointments and cancels a future one naming its version (If-Match); the practice sees its day list and cancels with a
 * reason the patient reads.
 */
package uk.nhs.icr.appointments.service;
