/** Repeat prescriptions for the practice: authorising repeats, the queue of requests, issuing and rejecting them. */
package uk.nhs.icr.api.prescriptions;
