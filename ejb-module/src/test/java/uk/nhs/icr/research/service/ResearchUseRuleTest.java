package uk.nhs.icr.research.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The National Data Opt-out rule, every combination: opted out × study consent × anonymised. */
class ResearchUseRuleTest {

    @ParameterizedTest(name = "opted out {0}, study consent {1}, anonymised {2} -> allowed {3}")
    @CsvSource({
        "false, false, false, true",
        "false, false, true,  true",
        "false, true,  false, true",
        "false, true,  true,  true",
        "true,  false, false, false",
        "true,  false, true,  true",
        "true,  true,  false, true",
        "true,  true,  true,  true"
    })
    void an_opt_out_excludes_identifiable_data_unless_the_patient_consented_to_the_study(boolean optedOut, boolean studyConsent,
                                                                                          boolean anonymised, boolean allowed) {
        assertEquals(allowed, ResearchUseService.decide(optedOut, studyConsent, anonymised).allowed());
    }
}
