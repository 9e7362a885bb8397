/**
 * GP appointments: a practice's sessions (a clinician in a role, at a place, face to face, by telephone or video), the
 * slots they are cut into, and the appointments patients (or their proxies) book in them. One booking of a slot stands:
 * the database holds that.
 */
package uk.nhs.icr.appointments;
