package uk.nhs.icr.research.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.icr.research.LegalBasis;
import uk.nhs.icr.research.ResearchUseRule;

/** Who is in a project's dataset, every combination: legal basis × opted out × consented to the project. */
class ResearchUseRuleTest {

    @ParameterizedTest(name = "{0}, opted out {1}, consented {2} -> {3}")
    @CsvSource({
        "CONSENT,     false, false, NO_CONSENT",
        "CONSENT,     true,  false, NO_CONSENT",
        "CONSENT,     false, true,  CONSENTED",
        "CONSENT,     true,  true,  CONSENTED",
        "SECTION_251, false, false, NO_OPT_OUT",
        "SECTION_251, true,  false, OPTED_OUT",
        "SECTION_251, false, true,  CONSENTED",
        "SECTION_251, true,  true,  CONSENTED",
        "ANONYMISED,  false, false, AGGREGATE_ONLY",
        "ANONYMISED,  true,  false, AGGREGATE_ONLY",
        "ANONYMISED,  true,  true,  AGGREGATE_ONLY"
    })
    void the_legal_basis_decides_whom_the_opt_out_and_consent_let_in(LegalBasis basis, boolean optedOut, boolean consented,
                                                                    ResearchUseRule.Reason reason) {
        assertEquals(reason, ResearchUseRule.decide(basis, optedOut, consented));
        assertEquals(reason != ResearchUseRule.Reason.OPTED_OUT && reason != ResearchUseRule.Reason.NO_CONSENT, reason.included());
    }
}
