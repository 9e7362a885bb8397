/**
 * Coded terms clinicians pick from when they record: laboratory tests (with units, reference and plausible
 * ranges), problems and diagnoses (SNOMED CT findings) and medicines (dm+d-shaped products). Reference data, not
 * patient data: read by anyone signed in, never audited.
 */
package uk.nhs.icr.terminology;
