package uk.nhs.icr.research.service;

import jakarta.ejb.Stateless;

import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.research.LegalBasis;
import uk.nhs.icr.research.ResearchUseRule;

/**
 * The one place research uses ask whether a patient's data may be used ({@link ResearchUseRule}): an extract asks it of
 * every patient it reads, with the opt-out and study consent it read alongside, and counts the answers by reason.
 */
@Stateless
public class ResearchUseService {

    @AccessDecidedInside("the research-use rule over flags the extract read; the extract logs each patient's answer")
    public ResearchUseRule.Reason decide(LegalBasis basis, boolean optedOut, boolean studyConsent) {
        return ResearchUseRule.decide(basis, optedOut, studyConsent);
    }
}
