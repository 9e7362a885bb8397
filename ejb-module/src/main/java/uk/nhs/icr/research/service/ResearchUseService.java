package uk.nhs.icr.research.service;

import java.io.Serializable;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.consent.ConsentRepository;
import uk.nhs.icr.consent.DataOptOut;
import uk.nhs.icr.patient.NhsNumber;

/**
 * The one place research and planning uses ask whether a patient's data may be used: the National Data
 * Opt-out is honoured unless the data is anonymised or the patient explicitly consented to that study. Direct
 * care never asks.
 */
@Stateless
public class ResearchUseService {

    /** The answer, with the rule that gave it (for the extract's audit). */
    public record ResearchUse(boolean allowed, String reason) implements Serializable {
    }

    @Inject
    ConsentRepository consents;

    @AccessDecidedInside("the research-use rule (opt-out, study consent), not a read of the record; the research issue will audit each use")
    public ResearchUse mayUse(NhsNumber patient, String studyId, boolean anonymised) {
        boolean optedOut = consents.currentOptOut(patient).map(DataOptOut::optedOut).orElse(false);
        return decide(optedOut, !anonymised && optedOut && consents.hasStudyConsent(patient, studyId), anonymised);
    }

    /** The rule itself: anonymised data, or explicit consent to this study, or no opt-out. */
    public static ResearchUse decide(boolean optedOut, boolean studyConsent, boolean anonymised) {
        if (anonymised) {
            return new ResearchUse(true, "anonymised data: the opt-out does not apply");
        }
        if (studyConsent) {
            return new ResearchUse(true, "explicit consent to this study");
        }
        return optedOut ? new ResearchUse(false, "National Data Opt-out: excluded from research and planning")
                : new ResearchUse(true, "no opt-out recorded");
    }
}
