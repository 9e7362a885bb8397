package uk.nhs.icr.inpatient.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.inpatient.PrescribingAlert;
import uk.nhs.icr.inpatient.PrescribingAlert.Kind;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.service.PrescribingChecks.CurrentMedicine;
import uk.nhs.icr.inpatient.service.PrescribingChecks.KnownAllergy;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.terminology.CodedTerms.Interacting;
import uk.nhs.icr.terminology.Medicine;
import uk.nhs.icr.terminology.MedicineInteraction;
import uk.nhs.icr.terminology.MedicineInteraction.Severity;
import uk.nhs.icr.terminology.MedicineInteraction.Side;

/** Each prescribing rule on its own, with formulary entries built here. */
class PrescribingChecksTest {

    private static Medicine medicine(String moiety, String name, String group, String maxDaily, String... classes) {
        Medicine medicine = new Medicine(null, moiety, name, "tablet", null, "oral", "mg");
        medicine.revise(null, moiety, "tablet", null, "oral", "mg", group, Set.of(classes), new BigDecimal(maxDaily), false, false);
        return medicine;
    }

    private static final Medicine AMOXICILLIN = medicine("Amoxicillin", "Amoxicillin 500mg capsules", "penicillin", "3000", "penicillins");
    private static final Medicine WARFARIN = medicine("Warfarin", "Warfarin 1mg tablets", "anticoagulant", "15");
    private static final Medicine IBUPROFEN = medicine("Ibuprofen", "Ibuprofen 400mg tablets", "NSAID", "2400", "nsaids");
    private static final Medicine NAPROXEN = medicine("Naproxen", "Naproxen 500mg tablets", "NSAID", "1000", "nsaids");

    private static Prescription.Order regular(Medicine medicine, String dose, int timesADay) {
        List<LocalTime> times = java.util.stream.IntStream.range(0, timesADay).mapToObj(i -> LocalTime.of(6 + i * 4, 0)).toList();
        return new Prescription.Order(medicine, Prescription.Kind.REGULAR, new BigDecimal(dose), "oral", times, null, Instant.now(), null,
                null, null, DataCategory.GENERAL);
    }

    private static List<Kind> kinds(List<PrescribingAlert> alerts) {
        return alerts.stream().map(PrescribingAlert::kind).toList();
    }

    @Test
    void an_allergy_to_the_class_or_to_the_substance_itself_is_a_hard_stop() {
        List<PrescribingAlert> byClass = PrescribingChecks.check(regular(AMOXICILLIN, "500", 3),
                List.of(new KnownAllergy("Penicillin", Set.of("penicillins"))), List.of(), List.of());
        assertEquals(List.of(Kind.ALLERGY), kinds(byClass));
        assertTrue(byClass.get(0).hardStop());

        assertEquals(List.of(Kind.ALLERGY), kinds(PrescribingChecks.check(regular(AMOXICILLIN, "500", 3),
                List.of(new KnownAllergy("amoxicillin", Set.of())), List.of(), List.of())));
        assertEquals(List.of(), kinds(PrescribingChecks.check(regular(AMOXICILLIN, "500", 3),
                List.of(new KnownAllergy("Opioids", Set.of("opioids"))), List.of(), List.of())));
    }

    @Test
    void another_medicine_of_the_same_group_is_duplicate_therapy_a_warning() {
        List<PrescribingAlert> alerts = PrescribingChecks.check(regular(IBUPROFEN, "400", 3), List.of(),
                List.of(new CurrentMedicine(NAPROXEN.name(), "prescribed on this ward", NAPROXEN)), List.of());
        assertEquals(List.of(Kind.DUPLICATE_THERAPY), kinds(alerts));
        assertFalse(alerts.get(0).hardStop());
    }

    @Test
    void a_severe_interaction_stops_and_a_moderate_one_warns() {
        MedicineInteraction severe = new MedicineInteraction(Side.MOIETY, "Warfarin", Side.GROUP, "NSAID", Severity.SEVERE, "Bleeding risk.");
        MedicineInteraction moderate = new MedicineInteraction(Side.MOIETY, "Warfarin", Side.GROUP, "NSAID", Severity.MODERATE, "Monitor.");
        CurrentMedicine warfarin = new CurrentMedicine(WARFARIN.name(), "on the record", WARFARIN);
        assertTrue(PrescribingChecks.check(regular(IBUPROFEN, "400", 3), List.of(), List.of(warfarin),
                List.of(new Interacting(WARFARIN, IBUPROFEN, severe))).get(0).hardStop());
        PrescribingAlert warning = PrescribingChecks.check(regular(IBUPROFEN, "400", 3), List.of(), List.of(warfarin),
                List.of(new Interacting(WARFARIN, IBUPROFEN, moderate))).get(0);
        assertEquals(List.of(Kind.INTERACTION, PrescribingAlert.Level.WARNING, false), List.of(warning.kind(), warning.level(),
                warning.hardStop()));
    }

    @Test
    void a_daily_dose_above_the_usual_maximum_warns_counting_every_dose_a_day_or_the_most_as_required() {
        assertEquals(List.of(Kind.DOSE_RANGE), kinds(PrescribingChecks.check(regular(IBUPROFEN, "800", 4), List.of(), List.of(), List.of())));
        assertEquals(List.of(), kinds(PrescribingChecks.check(regular(IBUPROFEN, "800", 3), List.of(), List.of(), List.of())));
        Prescription.Order asRequired = new Prescription.Order(IBUPROFEN, Prescription.Kind.AS_REQUIRED, new BigDecimal("400"), "oral",
                List.of(), new AsRequiredLimits(240, 7), Instant.now(), null, null, null, DataCategory.GENERAL);
        assertEquals(List.of(Kind.DOSE_RANGE), kinds(PrescribingChecks.check(asRequired, List.of(), List.of(), List.of())));
    }

    @Test
    void a_medicine_on_the_record_that_is_not_in_the_formulary_is_named_as_not_checked() {
        List<PrescribingAlert> alerts = PrescribingChecks.check(regular(IBUPROFEN, "400", 3), List.of(),
                List.of(new CurrentMedicine("Grandma's tonic", "on the record", null)), List.of());
        assertEquals(List.of(Kind.CHECKS_INCOMPLETE), kinds(alerts));
        assertTrue(alerts.get(0).message().contains("Grandma's tonic"));
    }
}
