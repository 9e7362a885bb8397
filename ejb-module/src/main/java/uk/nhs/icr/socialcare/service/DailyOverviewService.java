package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.DailyRecord;
import uk.nhs.icr.socialcare.FluidCharts;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.PersonRepository;
import uk.nhs.icr.socialcare.SocialCareRelationships;

/**
 * A day at a care home (or an agency), resident by resident, for its coordinator: fluid intake against the target, doses due,
 * recorded and overdue, and the latest daily note. A page of residents at a time, in a fixed number of queries however many
 * the provider cares for; one audit entry per read.
 */
@Stateless
public class DailyOverviewService {

    public record ResidentDay(String nhsNumber, String name, Integer fluidTargetMl, int fluidTakenMl, int dosesDue, int dosesRecorded,
                              int dosesOverdue, String latestNote, Instant latestNoteAt) implements Serializable {

        /** Below the fluid target (so far today, or at the end of a past day). */
        public boolean belowFluidTarget() {
            return fluidTargetMl != null && fluidTakenMl < fluidTargetMl;
        }
    }

    @Inject
    SocialCareRelationships relationships;

    @Inject
    PersonRepository people;

    @Inject
    FluidCharts fluids;

    @Inject
    MarChart mar;

    @Inject
    CarePlans records;

    @Inject
    ProviderCoordinators coordinators;

    @Inject
    AccessControl access;

    @Inject
    UkClock clock;

    @AccessDecidedInside("a provider's overview of its residents: its own coordinators only, audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<ResidentDay> overview(OdsCode provider, LocalDate day, PageRequest page) {
        Caller caller = coordinators.require(provider, Resource.DAILY_RECORD, AuditAction.READ);
        Instant from = day.atStartOfDay(UkClock.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant();
        Instant now = clock.now();
        long total = relationships.countPeopleInCareOf(provider);
        List<NhsNumber> residents = total == 0 ? List.of() : relationships.peopleInCareOf(provider, page.firstResult(), page.size());
        Map<NhsNumber, String> names = people.namesOf(residents);
        Map<NhsNumber, Integer> targets = fluids.targetsOf(residents);
        Map<NhsNumber, Integer> taken = fluids.takenBy(residents, from, to);
        List<CareMedicine> medicines = mar.medicinesOf(residents, from);
        Set<String> recorded = new HashSet<>();
        for (MedicationAdministration dose : mar.dosesOf(medicines.stream().map(CareMedicine::id).toList(), from, to)) {
            if (dose.dueAt() != null) {
                recorded.add(dose.careMedicineId() + " " + dose.dueAt());
            }
        }
        Map<NhsNumber, int[]> doses = new HashMap<>();
        for (CareMedicine medicine : medicines) {
            int[] counts = doses.computeIfAbsent(medicine.person(), person -> new int[3]);
            for (Instant due : medicine.dosesDue(from, to, UkClock.ZONE)) {
                counts[0]++;
                if (recorded.contains(medicine.id() + " " + due)) {
                    counts[1]++;
                } else if (due.isBefore(now)) {
                    counts[2]++;
                }
            }
        }
        Map<NhsNumber, DailyRecord> latestNote = new HashMap<>();
        records.notesOf(residents, from, to).forEach(note -> latestNote.put(note.person(), note));
        access.record(caller, null, Resource.DAILY_RECORD, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                "daily overview of " + provider.value() + " on " + day + ": " + residents.size() + " people"));
        List<ResidentDay> rows = residents.stream().map(person -> {
            int[] counts = doses.getOrDefault(person, new int[3]);
            DailyRecord note = latestNote.get(person);
            return new ResidentDay(person.value(), names.get(person), targets.get(person), taken.getOrDefault(person, 0), counts[0],
                    counts[1], counts[2], note == null ? null : note.note(), note == null ? null : note.recordedFor());
        }).toList();
        return new Page<>(rows, page.page(), page.size(), total);
    }
}
