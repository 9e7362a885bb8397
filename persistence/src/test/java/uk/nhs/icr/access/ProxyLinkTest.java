package uk.nhs.icr.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.access.ProxyLink.Basis;
import uk.nhs.icr.access.ProxyLink.Service;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

class ProxyLinkTest {

    private static final NhsNumber CHILD = NhsNumber.parse("9434765919");
    private static final NhsNumber PARENT = NhsNumber.parse("9434765870");
    private static final LocalDate BORN = LocalDate.of(2015, 3, 10);

    private static ProxyLink link(Basis basis, LocalDate startsOn, LocalDate endsOn) {
        return new ProxyLink(CHILD, PARENT, "Sam Parent", basis, "Birth certificate seen", EnumSet.of(Service.RECORD), startsOn, endsOn,
                new OdsCode("Y90001"), "gp.beech", "Dr Beech", Instant.parse("2020-01-01T10:00:00Z"));
    }

    private static Instant on(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void a_parents_access_is_suspended_at_the_childs_11th_birthday_until_the_gp_decides_it_continues() {
        ProxyLink parent = link(Basis.PARENTAL_RESPONSIBILITY, LocalDate.of(2020, 1, 1), null);
        LocalDate eleventh = BORN.plusYears(11);

        assertTrue(parent.standingOn(eleventh.minusDays(1), BORN).active());
        ProxyLink.Standing suspended = parent.standingOn(eleventh, BORN);
        assertFalse(suspended.active());
        assertTrue(suspended.why().contains("11th birthday"), suspended.why());

        parent.continuePastEleven("Dr Beech", on(eleventh.plusDays(3)), BORN);
        assertTrue(parent.standingOn(eleventh.plusDays(3), BORN).active());
    }

    @Test
    void the_review_at_11_cannot_be_taken_before_the_11th_birthday() {
        ProxyLink parent = link(Basis.PARENTAL_RESPONSIBILITY, LocalDate.of(2020, 1, 1), null);
        assertThrows(IllegalStateException.class, () -> parent.continuePastEleven("Dr Beech", on(BORN.plusYears(11).minusDays(1)), BORN));
        assertFalse(parent.standingOn(BORN.plusYears(11), BORN).active());
    }

    @Test
    void a_link_whose_basis_does_not_fit_the_patients_age_does_not_stand() {
        ProxyLink carer = link(Basis.CARER_WITH_CONSENT, LocalDate.of(2020, 1, 1), null);
        carer.confirmConsent("Dr Beech", on(LocalDate.of(2024, 1, 1)));
        assertFalse(carer.standingOn(LocalDate.of(2024, 1, 2), BORN).active(), "a carer does not act for a child of 8");
    }

    @Test
    void at_16_a_parents_access_continues_only_with_the_young_persons_consent_confirmed_since_then() {
        ProxyLink parent = link(Basis.PARENTAL_RESPONSIBILITY, LocalDate.of(2020, 1, 1), null);
        LocalDate sixteenth = BORN.plusYears(16);
        parent.continuePastEleven("Dr Beech", on(BORN.plusYears(11)), BORN);
        parent.confirmConsent("Dr Beech", on(sixteenth.minusDays(30)));

        assertTrue(parent.standingOn(sixteenth.minusDays(1), BORN).active());
        assertFalse(parent.standingOn(sixteenth, BORN).active(), "a confirmation from before 16 does not count");

        parent.confirmConsent("Dr Beech", on(sixteenth.plusDays(2)));
        assertTrue(parent.standingOn(sixteenth.plusDays(2), BORN).active());
    }

    @Test
    void a_carer_needs_the_patients_confirmed_consent_and_an_attorney_acts_on_their_authority() {
        LocalDate adultBorn = LocalDate.of(1950, 6, 1);
        ProxyLink carer = link(Basis.CARER_WITH_CONSENT, LocalDate.of(2020, 1, 1), null);
        ProxyLink attorney = link(Basis.LASTING_POWER_OF_ATTORNEY, LocalDate.of(2020, 1, 1), null);
        LocalDate day = LocalDate.of(2026, 11, 27);

        assertFalse(carer.standingOn(day, adultBorn).active());
        carer.confirmConsent("Dr Beech", on(day));
        assertTrue(carer.standingOn(day, adultBorn).active());
        assertTrue(attorney.standingOn(day, adultBorn).active());
    }

    @Test
    void a_link_stands_only_between_its_dates_and_until_it_is_revoked() {
        ProxyLink parent = link(Basis.PARENTAL_RESPONSIBILITY, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30));
        assertFalse(parent.standingOn(LocalDate.of(2019, 12, 31), BORN).active());
        assertTrue(parent.standingOn(LocalDate.of(2020, 6, 30), BORN).active());
        assertFalse(parent.standingOn(LocalDate.of(2020, 7, 1), BORN).active());

        parent.revoke("Dr Beech", "Parental responsibility removed by court order", on(LocalDate.of(2020, 3, 1)));
        assertEquals("revoked", parent.standingOn(LocalDate.of(2020, 3, 2), BORN).why());
        assertThrows(IllegalStateException.class, () -> parent.revoke("Dr Beech", "again", on(LocalDate.of(2020, 3, 3))));
    }

    @Test
    void each_basis_is_for_the_ages_the_guidance_gives_it() {
        assertEquals(Optional.empty(), ProxyLink.basisRefusedAtAge(Basis.PARENTAL_RESPONSIBILITY, 15));
        assertTrue(ProxyLink.basisRefusedAtAge(Basis.PARENTAL_RESPONSIBILITY, 16).isPresent());
        assertTrue(ProxyLink.basisRefusedAtAge(Basis.CARER_WITH_CONSENT, 15).isPresent());
        assertEquals(Optional.empty(), ProxyLink.basisRefusedAtAge(Basis.CARER_WITH_CONSENT, 16));
        assertTrue(ProxyLink.basisRefusedAtAge(Basis.COURT_DEPUTY, 17).isPresent());
        assertEquals(Optional.empty(), ProxyLink.basisRefusedAtAge(Basis.LASTING_POWER_OF_ATTORNEY, 18));
    }

    @Test
    void a_parent_sets_the_opt_out_until_13_an_attorney_or_deputy_for_an_adult_and_a_carer_never() {
        assertTrue(Basis.PARENTAL_RESPONSIBILITY.setsDataOptOutAt(12, 13));
        assertFalse(Basis.PARENTAL_RESPONSIBILITY.setsDataOptOutAt(13, 13), "from 13 the young person's own");
        assertFalse(Basis.CARER_WITH_CONSENT.setsDataOptOutAt(40, 13));
        assertTrue(Basis.LASTING_POWER_OF_ATTORNEY.setsDataOptOutAt(18, 13));
        assertTrue(Basis.COURT_DEPUTY.setsDataOptOutAt(70, 13));
        assertFalse(Basis.COURT_DEPUTY.setsDataOptOutAt(17, 13), "an attorney or deputy acts for an adult");
    }
}
