package uk.nhs.icr.research.extract;

import uk.nhs.icr.research.ResearchUseRule;

/** A patient read, with the rule that took them in or left them out. */
record Decided(PatientRow patient, ResearchUseRule.Reason reason) {
}
