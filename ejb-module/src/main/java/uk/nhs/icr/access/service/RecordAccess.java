package uk.nhs.icr.access.service;

import uk.nhs.icr.consent.Withholding;

/** A granted read of the shared record: the access decision, and what the patient's consent withholds from this reader. */
public record RecordAccess(AccessDecision decision, Withholding withholding) {
}
