package uk.nhs.icr.inpatient.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;

/**
 * The medicines a patient goes home on, from the ward's active prescriptions at discharge (once-only doses and medicines given
 * only in hospital, intravenous say, excepted): each becomes a medication on the hospital record (filed under the prescription's
 * category, its prescriber the author, its end date carried) and a line for the care provider; every prescription stops with
 * the admission. Runs inside the discharge's own transaction, so it happens with the discharge
 * or not at all.
 */
@ApplicationScoped
public class DischargeMedication {

    /** What goes home: lines for the care provider (general category only) and how many more are filed under a restricted one. */
    public record OnDischarge(List<String> medicines, int restricted) implements Serializable {

        /** The lines as one text for the care provider's request, or null when there are none. */
        public String forCareProvider() {
            List<String> lines = new ArrayList<>(medicines);
            if (restricted > 0) {
                lines.add(restricted + " more medicine(s) filed under a restricted category: see the discharge letter");
            }
            return lines.isEmpty() ? null : String.join("\n", lines);
        }
    }

    @Inject
    WardRecords ward;

    @Inject
    HospitalRecordRepository hospital;

    public OnDischarge carryOver(Encounter admission, EntryAuthor author, Instant left, Instant now) {
        List<String> lines = new ArrayList<>();
        int restricted = 0;
        for (Prescription p : ward.prescriptionsOf(List.of(admission.id()))) {
            if (!p.isActiveAt(left)) {
                continue;
            }
            if (p.kind() == Prescription.Kind.ONCE_ONLY || HOSPITAL_ONLY_ROUTES.contains(p.route().toLowerCase(java.util.Locale.ROOT))) {
                p.stop(author.username(), "discharged: not continued at home", left);
                continue;
            }
            String dose = p.dose().stripTrailingZeros().toPlainString() + " " + p.doseUnit();
            // the discharge medication is the prescriber's, as written on the ward, whoever records the discharge
            Medication medication = new Medication(admission.patient(), p.medicine().name(), dose, p.route(), frequency(p),
                    Medication.Course.ACUTE, EntryStatus.ACTIVE, left, new EntryAuthor(p.prescriber(), p.prescriberName(), p.organisation()),
                    now);
            medication.fileUnder(p.category());
            hospital.add(medication);
            p.stop(author.username(), "discharged: continued as a discharge medication", left);
            if (p.category() == DataCategory.GENERAL) {
                lines.add(p.medicine().name() + ": " + dose + " " + p.route() + ", " + frequency(p));
            } else {
                restricted++;
            }
        }
        ward.stay(admission.id()).ifPresent(stay -> stay.end(left));
        return new OnDischarge(lines, restricted);
    }

    /** Routes given only in hospital: a drip does not go home. */
    static final java.util.Set<String> HOSPITAL_ONLY_ROUTES = java.util.Set.of("intravenous", "intramuscular", "epidural", "intrathecal");

    /** When it is given, and until when if the prescription has an end ("at 08:00, 20:00 until 1 Dec 2026"). */
    static String frequency(Prescription p) {
        String until = p.endsAt() == null ? "" : " until " + java.time.LocalDate.ofInstant(p.endsAt(), uk.nhs.icr.platform.UkClock.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
        return when(p) + until;
    }

    private static String when(Prescription p) {
        return switch (p.kind()) {
            case REGULAR -> "at " + p.timesOfDay().stream().map(LocalTime::toString).collect(Collectors.joining(", "));
            case AS_REQUIRED -> "as required, at least " + p.minimumIntervalMinutes() + " minutes apart, at most " + p.mostPer24Hours()
                    + " in 24 hours";
            case ONCE_ONLY -> "once";
        };
    }
}
