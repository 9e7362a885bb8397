package uk.nhs.icr.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.sharedrecord.DataCategory;

class DirectiveWordsTest {

    @Test
    void a_deny_reads_as_what_is_withheld_from_whom_and_when() {
        assertEquals("Withhold everything from everyone.", DirectiveWords.provision(Provision.Type.DENY, Set.of(), Set.of(), Set.of(),
                null, null));
        assertEquals("Withhold mental health and sexual health from hospital clinicians and nurses at RXB until 31 December 2026.",
                DirectiveWords.provision(Provision.Type.DENY, Set.of(DataCategory.SEXUAL_HEALTH, DataCategory.MENTAL_HEALTH),
                        Set.of(StaffRole.NURSE, StaffRole.HOSPITAL_CLINICIAN), Set.of("RXB"), null, LocalDate.of(2026, 12, 31)));
        assertEquals("Withhold substance misuse from staff at RXA and RXB from 1 January 2027.",
                DirectiveWords.provision(Provision.Type.DENY, Set.of(DataCategory.SUBSTANCE_MISUSE), Set.of(), Set.of("RXB", "RXA"),
                        LocalDate.of(2027, 1, 1), null));
    }

    @Test
    void a_permit_reads_as_an_exception() {
        assertEquals("Let GPs see mental health, as an exception to what is withheld.", DirectiveWords.provision(Provision.Type.PERMIT,
                Set.of(DataCategory.MENTAL_HEALTH), Set.of(StaffRole.GP), Set.of(), null, null));
    }

    @Test
    void a_version_that_is_not_active_withholds_nothing_and_says_so() {
        assertEquals(List.of("Nothing is withheld: the directive no longer applies."), DirectiveWords.directive("inactive",
                List.of("Withhold everything from everyone.")));
        assertEquals(List.of("Nothing is withheld: the directive has no provisions."), DirectiveWords.directive("active", List.of()));
    }
}
