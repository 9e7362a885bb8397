package uk.nhs.icr.organdonation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.organdonation.DonationCircumstances;
import uk.nhs.icr.organdonation.DonationCircumstances.Residency;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.organdonation.OrganDonationDecision;
import uk.nhs.icr.organdonation.OrganDonationDecision.Choice;
import uk.nhs.icr.organdonation.Representative;
import uk.nhs.icr.organdonation.service.OrganDonationService.Evaluation;
import uk.nhs.icr.organdonation.service.OrganDonationService.NovelTransplant;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.VersionedDecision;

/** Every branch of the deemed-consent evaluation (England, since May 2020). */
class DeemedConsentTest {

    private static final NhsNumber PATIENT = NhsNumber.parse("9434765919");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private static Evaluation evaluate(LocalDate born, OrganDonationDecision decision, DonationCircumstances circumstances) {
        return OrganDonationService.evaluate(DAY, born, Optional.ofNullable(decision), Optional.ofNullable(circumstances));
    }

    private static OrganDonationDecision decision(Choice choice, List<Organ> organs, List<Representative> representatives) {
        return new OrganDonationDecision(PATIENT, 1, choice, organs, representatives, true,
                new VersionedDecision.Recorder(RecordedBy.PATIENT, "Patient", "patient"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static DonationCircumstances circumstances(boolean lacksCapacity, Residency residency) {
        return new DonationCircumstances(PATIENT, 1, lacksCapacity, residency,
                new VersionedDecision.Recorder(RecordedBy.STAFF, "Dr Amina Shah", "gp.beech"), Instant.EPOCH);
    }

    @Test
    void an_adult_with_no_decision_is_deemed_to_consent_but_never_for_novel_transplants() {
        Evaluation evaluation = evaluate(LocalDate.of(1980, 5, 1), null, null);
        assertEquals(Evaluation.Outcome.DEEMED_CONSENT, evaluation.outcome());
        assertTrue(evaluation.needsExpressConsent().containsAll(List.of(NovelTransplant.FACE, NovelTransplant.HANDS, NovelTransplant.UTERUS)));
        assertTrue(evaluation.familyToBeConsulted());
    }

    @Test
    void eighteen_exactly_on_the_day_is_deemed_to_consent_and_a_day_younger_is_not() {
        assertEquals(Evaluation.Outcome.DEEMED_CONSENT, evaluate(DAY.minusYears(18), null, null).outcome());
        Evaluation younger = evaluate(DAY.minusYears(18).plusDays(1), null, null);
        assertEquals(Evaluation.Outcome.NOT_APPLICABLE, younger.outcome());
        assertTrue(younger.reason().contains("under 18"), younger.reason());
    }

    @Test
    void lacking_capacity_not_living_in_england_or_visiting_exclude_deemed_consent() {
        LocalDate adult = LocalDate.of(1970, 1, 1);
        assertTrue(evaluate(adult, null, circumstances(true, Residency.ORDINARILY_RESIDENT)).reason().contains("capacity"));
        assertTrue(evaluate(adult, null, circumstances(false, Residency.NOT_ORDINARILY_RESIDENT)).reason().contains("not ordinarily resident"));
        assertTrue(evaluate(adult, null, circumstances(false, Residency.VISITOR)).reason().contains("visitor"));
        assertEquals(Evaluation.Outcome.DEEMED_CONSENT, evaluate(adult, null, circumstances(false, Residency.ORDINARILY_RESIDENT)).outcome());
    }

    @Test
    void an_express_decision_stands_whatever_the_exclusions() {
        LocalDate child = DAY.minusYears(15);
        Evaluation optIn = evaluate(child, decision(Choice.OPT_IN, List.of(Organ.KIDNEYS, Organ.CORNEAS), List.of()), null);
        assertEquals(Evaluation.Outcome.EXPRESS_OPT_IN, optIn.outcome());
        assertEquals(List.of(Organ.KIDNEYS, Organ.CORNEAS), optIn.organs());
        assertTrue(optIn.faithDeclaration());
        assertEquals(List.of(Organ.values()), evaluate(child, decision(Choice.OPT_IN, List.of(), List.of()), null).organs(),
                "an opt-in with no organs chosen is everything");
        assertEquals(Evaluation.Outcome.OPT_OUT, evaluate(LocalDate.of(1970, 1, 1), decision(Choice.OPT_OUT, List.of(), List.of()),
                circumstances(false, Residency.VISITOR)).outcome());
        Evaluation representatives = evaluate(LocalDate.of(1970, 1, 1), decision(Choice.REPRESENTATIVES, List.of(),
                List.of(new Representative("Sam Lee", "Brother", "07700 900123"))), null);
        assertEquals(Evaluation.Outcome.REPRESENTATIVES, representatives.outcome());
        assertEquals("Sam Lee", representatives.representatives().get(0).name());
    }
}
