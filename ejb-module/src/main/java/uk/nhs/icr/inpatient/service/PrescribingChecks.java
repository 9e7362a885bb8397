package uk.nhs.icr.inpatient.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import uk.nhs.icr.inpatient.PrescribingAlert;
import uk.nhs.icr.inpatient.PrescribingAlert.Kind;
import uk.nhs.icr.inpatient.PrescribingAlert.Level;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.terminology.CodedTerms.Interacting;
import uk.nhs.icr.terminology.Medicine;
import uk.nhs.icr.terminology.MedicineInteraction;

/**
 * The checks made at the moment of prescribing, on what the service gathered from both records: an allergy to the medicine's
 * class (or the substance itself) is a hard stop; another active medicine of the same therapeutic group a warning; an
 * interaction with an active medicine at its severity (severe: a hard stop); a daily dose above the medicine's usual maximum
 * a warning. Plain Java, so each rule is tested on its own.
 */
final class PrescribingChecks {

    /** An allergy on the patient's record, with the allergy classes its substance stands for. */
    record KnownAllergy(String substance, Set<String> classes) {
    }

    /** A medicine the patient is on: how the record names it, where from, and its formulary entry (null when not coded). */
    record CurrentMedicine(String label, String source, Medicine coded) {
    }

    private PrescribingChecks() {
    }

    static List<PrescribingAlert> check(Prescription.Order order, List<KnownAllergy> allergies, List<CurrentMedicine> current,
                                        List<Interacting> interactions) {
        List<PrescribingAlert> alerts = new ArrayList<>();
        Medicine medicine = order.medicine();
        allergies(medicine, allergies, alerts);
        duplicates(medicine, current, alerts);
        for (Interacting found : interactions) {
            MedicineInteraction interaction = found.interaction();
            boolean severe = interaction.severity() == MedicineInteraction.Severity.SEVERE;
            alerts.add(new PrescribingAlert(Kind.INTERACTION, severe ? Level.SEVERE : Level.WARNING, severe,
                    Codes.phrase(interaction.severity()) + " interaction with " + found.one().name() + ": " + interaction.advice()));
        }
        BigDecimal daily = order.dailyDose();
        if (medicine.maxDailyDose() != null && daily.compareTo(medicine.maxDailyDose()) > 0) {
            alerts.add(new PrescribingAlert(Kind.DOSE_RANGE, Level.WARNING, false, "Up to " + plain(daily) + " " + medicine.doseUnit()
                    + " a day is above the usual maximum of " + plain(medicine.maxDailyDose()) + " " + medicine.doseUnit()
                    + " for " + medicine.name()));
        }
        List<String> uncoded = current.stream().filter(c -> c.coded() == null).map(CurrentMedicine::label).distinct().toList();
        if (!uncoded.isEmpty()) {
            alerts.add(new PrescribingAlert(Kind.CHECKS_INCOMPLETE, Level.INFORMATION, false, "Not in the formulary, so not checked"
                    + " for duplicates or interactions: " + String.join(", ", uncoded)));
        }
        return alerts;
    }

    private static void allergies(Medicine medicine, List<KnownAllergy> allergies, List<PrescribingAlert> alerts) {
        String moiety = medicine.moiety().toLowerCase(Locale.ROOT);
        String name = medicine.name().toLowerCase(Locale.ROOT);
        for (KnownAllergy allergy : allergies) {
            String substance = allergy.substance().strip().toLowerCase(Locale.ROOT);
            Set<String> shared = new TreeSet<>(allergy.classes());
            shared.retainAll(medicine.allergyClasses());
            if (substance.equals(moiety) || substance.equals(name) || !shared.isEmpty()) {
                String why = shared.isEmpty() ? "" : " (" + String.join(", ", shared) + ")";
                alerts.add(new PrescribingAlert(Kind.ALLERGY, Level.SEVERE, true, "Recorded allergy to " + allergy.substance() + why
                        + ": " + medicine.name() + " is a hard stop unless a prescriber overrides it with a reason"));
            }
        }
    }

    private static void duplicates(Medicine medicine, List<CurrentMedicine> current, List<PrescribingAlert> alerts) {
        for (CurrentMedicine other : current) {
            Medicine coded = other.coded();
            if (coded == null) {
                continue;
            }
            boolean sameGroup = medicine.therapeuticGroup() != null && medicine.therapeuticGroup().equalsIgnoreCase(coded.therapeuticGroup());
            boolean sameMoiety = medicine.moiety().equalsIgnoreCase(coded.moiety());
            if (sameGroup || sameMoiety) {
                alerts.add(new PrescribingAlert(Kind.DUPLICATE_THERAPY, Level.WARNING, false, "Duplicate therapy: already on "
                        + other.label() + " (" + other.source() + "), " + (sameMoiety ? "the same medicine" : "also "
                        + medicine.therapeuticGroup())));
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
