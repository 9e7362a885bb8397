package uk.nhs.icr.consent.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.sharedrecord.DataCategory;

class LooseningTest {

    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    static Provision deny(DataCategory category, Set<String> organisations, LocalDate end) {
        return new Provision(Provision.Type.DENY, Set.of(category), organisations, Set.of(), null, end);
    }

    static Provision permit(DataCategory category, StaffRole role) {
        return new Provision(Provision.Type.PERMIT, Set.of(category), Set.of(), Set.of(role), null, null);
    }

    static Optional<ConsentDirective> inForce(ConsentDirective.Status status, Provision... provisions) {
        return Optional.of(new ConsentDirective(NhsNumber.parse("9434765919"), ConsentDirective.Scope.TREATMENT, 1, status, NOW,
                new VersionedDecision.Recorder(RecordedBy.PATIENT, "Patient", "patient:9434765919"), null, null, List.of(provisions),
                NOW, null, false));
    }

    static boolean loosens(Optional<ConsentDirective> current, ConsentDirective.Status status, Provision... proposed) {
        return Loosening.loosens(current, status, List.of(proposed), NOW, UkClock.ZONE);
    }

    static final Provision MENTAL_HEALTH_FROM_EVERYONE = deny(DataCategory.MENTAL_HEALTH, Set.of(), null);

    @Test
    void a_first_deny_or_a_wider_one_tightens() {
        assertFalse(loosens(Optional.empty(), ConsentDirective.Status.ACTIVE, MENTAL_HEALTH_FROM_EVERYONE));
        assertFalse(loosens(inForce(ConsentDirective.Status.ACTIVE, deny(DataCategory.MENTAL_HEALTH, Set.of("RXA"), null)),
                ConsentDirective.Status.ACTIVE, MENTAL_HEALTH_FROM_EVERYONE));
        assertFalse(loosens(inForce(ConsentDirective.Status.ACTIVE, MENTAL_HEALTH_FROM_EVERYONE), ConsentDirective.Status.ACTIVE,
                MENTAL_HEALTH_FROM_EVERYONE, deny(DataCategory.SEXUAL_HEALTH, Set.of(), null)));
    }

    @Test
    void lifting_narrowing_or_shortening_a_deny_loosens() {
        Optional<ConsentDirective> current = inForce(ConsentDirective.Status.ACTIVE, MENTAL_HEALTH_FROM_EVERYONE);
        assertTrue(loosens(current, ConsentDirective.Status.INACTIVE), "inactive lifts it");
        assertTrue(loosens(current, ConsentDirective.Status.ACTIVE), "no provisions lifts it");
        assertTrue(loosens(current, ConsentDirective.Status.ACTIVE, deny(DataCategory.MENTAL_HEALTH, Set.of("RXA"), null)),
                "everyone but Northgate would see it");
        assertTrue(loosens(current, ConsentDirective.Status.ACTIVE, deny(DataCategory.MENTAL_HEALTH, Set.of(), TODAY.plusDays(30))),
                "from day 31 everyone would see it");
        assertTrue(loosens(current, ConsentDirective.Status.ACTIVE, MENTAL_HEALTH_FROM_EVERYONE,
                permit(DataCategory.MENTAL_HEALTH, StaffRole.NURSE)), "a permit for nurses is an exception to the deny");
    }

    @Test
    void permitting_a_sensitive_category_to_a_role_that_does_not_see_it_by_default_loosens() {
        assertTrue(loosens(Optional.empty(), ConsentDirective.Status.ACTIVE, permit(DataCategory.SEXUAL_HEALTH, StaffRole.ADMIN)));
        assertFalse(loosens(Optional.empty(), ConsentDirective.Status.ACTIVE, permit(DataCategory.SEXUAL_HEALTH, StaffRole.GP)),
                "GPs see it already");
        assertFalse(loosens(inForce(ConsentDirective.Status.ACTIVE, permit(DataCategory.SEXUAL_HEALTH, StaffRole.ADMIN)),
                ConsentDirective.Status.INACTIVE), "withdrawing a permit tightens");
    }

    @Test
    void an_inactive_or_absent_directive_keeps_nothing_back_to_loosen() {
        assertFalse(loosens(inForce(ConsentDirective.Status.INACTIVE, MENTAL_HEALTH_FROM_EVERYONE), ConsentDirective.Status.INACTIVE));
        assertFalse(loosens(Optional.empty(), ConsentDirective.Status.INACTIVE));
    }
}
