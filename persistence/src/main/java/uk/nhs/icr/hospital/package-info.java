/**
 * The hospital record's entities in the hospital database: encounters, problems, medications, allergies, results, plans, referrals, alerts, and their repository.
 */
package uk.nhs.icr.hospital;
