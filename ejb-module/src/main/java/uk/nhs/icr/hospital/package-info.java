/** The hospital record: entries (encounters, problems, medications, allergies, results, plans...) in the hospital database. */
package uk.nhs.icr.hospital;
