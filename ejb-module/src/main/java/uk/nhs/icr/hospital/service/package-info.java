/** Hospital staff's writes to the hospital record: results, problems, medications, allergies and treatment plans. */
package uk.nhs.icr.hospital.service;
