package uk.nhs.icr.socialcare.service;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.PrintedDocument;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.CarePlanSection;
import uk.nhs.icr.socialcare.CarePlanVersion;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.PersonRepository;

/**
 * For when systems go down (the CQC expects a contingency): the person's care plan in force and the next 24 hours of their
 * MAR chart, printed, with a line per due dose to sign on paper. Made under the reader's access like any read of the plan.
 */
@Stateless
public class DowntimePackService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).withZone(UkClock.ZONE);

    @Inject
    CarePlans plans;

    @Inject
    MarChart mar;

    @Inject
    PersonRepository people;

    @Inject
    AccessControl access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.CARE_PLAN, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] pdf(NhsNumber person) {
        Instant now = clock.now();
        String name = people.namesOf(List.of(person)).getOrDefault(person, "");
        PrintedDocument document = new PrintedDocument("Downtime pack: " + name,
                "Downtime pack for NHS number " + person.value() + ", printed " + WHEN.format(now) + "; valid for 24 hours");
        document.paragraph("For use while ICR cannot be reached. Record on paper what is done, and enter it in ICR afterwards.");
        CarePlanVersion plan = plans.current(person).orElse(null);
        document.heading(plan == null ? "Care plan: none recorded" : "Care plan, version " + plan.version() + " (review by "
                + plan.reviewDate() + ")");
        if (plan != null) {
            for (CarePlanSection section : plan.sections()) {
                document.heading(Codes.phrase(section.area()).substring(0, 1).toUpperCase(Locale.ROOT)
                        + Codes.phrase(section.area()).substring(1));
                document.field("Needs", section.needs());
                document.field("Outcomes", section.outcomes());
                for (CarePlanSection.PlannedTask task : section.tasks()) {
                    document.paragraph("Task: " + task.task() + (task.timesOfDay().isEmpty() ? "" : " at " + String.join(", ", task.timesOfDay())));
                }
                for (CarePlanSection.Risk risk : section.risks()) {
                    document.paragraph("Risk: " + risk.risk() + " (" + Codes.phrase(risk.tool()) + (risk.score() == null ? "" : " score "
                            + risk.score()) + ", " + risk.level() + "). " + risk.actions());
                }
            }
        }
        Withholding denied = access.medicinesWithheldFrom(currentCaller.require(), person);
        List<CareMedicine> medicines = mar.medicinesOf(person, now).stream()
                .filter(m -> !denied.withholds(EntryType.MEDICATION_ADMINISTRATION, m.category())).toList();
        document.heading("MAR chart, the next 24 hours (and doses overdue from the last hour)");
        Instant from = now.minus(Duration.ofHours(1));
        java.util.Set<String> recorded = new java.util.HashSet<>();
        mar.dosesOf(medicines.stream().map(CareMedicine::id).toList(), from, now).stream().filter(d -> d.dueAt() != null)
                .forEach(d -> recorded.add(d.careMedicineId() + " " + d.dueAt()));
        if (medicines.isEmpty()) {
            document.paragraph("No medicines on the chart");
        }
        for (CareMedicine medicine : medicines) {
            String flags = (medicine.timeCritical() ? " TIME-CRITICAL" : "") + (medicine.controlledDrug() ? " CONTROLLED DRUG: witness" : "");
            if (medicine.asRequired()) {
                document.paragraph(medicine.medicine() + ", " + medicine.dose() + ", as required: " + medicine.protocol() + "; at least "
                        + medicine.minimumIntervalMinutes() + " minutes apart, at most " + medicine.mostPerDay() + " in 24 hours" + flags);
                continue;
            }
            document.paragraph(medicine.medicine() + ", " + medicine.dose() + " (" + medicine.route() + ")" + flags);
            // a dose overdue as the pack is printed is on it too; one already recorded is not
            document.paragraph(medicine.dosesDue(from, now.plus(Duration.ofHours(24)), UkClock.ZONE).stream()
                    .filter(due -> !recorded.contains(medicine.id() + " " + due))
                    .map(due -> "   " + WHEN.format(due) + "   given / refused / other: ______   by: ______")
                    .collect(Collectors.joining("\n")));
        }
        return document.bytes();
    }
}
