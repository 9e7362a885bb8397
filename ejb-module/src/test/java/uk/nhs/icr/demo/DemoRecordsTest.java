package uk.nhs.icr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.SocialCareEntry;
import uk.nhs.icr.patient.service.PatientRegistration;

class DemoRecordsTest {

    private final List<PatientRegistration> patients = DemoPatients.generate(1000, DemoDataLoader.SEED);

    @Test
    void the_demo_register_has_at_least_ten_thousand_entries_and_some_patients_have_hundreds() {
        int total = 0;
        int withHundreds = 0;
        int withSocialCare = 0;
        for (int i = 0; i < patients.size(); i++) {
            DemoRecords.History history = DemoRecords.history(i, patients.get(i), DemoDataLoader.SEED);
            total += history.size();
            withHundreds += history.size() >= 200 ? 1 : 0;
            withSocialCare += history.socialCare().isEmpty() ? 0 : 1;
        }
        assertTrue(total >= 10_000, "entries: " + total);
        assertTrue(withHundreds >= 10, "patients with 200+ entries: " + withHundreds);
        assertTrue(withSocialCare >= 150, "patients known to social care: " + withSocialCare);
    }

    @Test
    void a_patients_history_depends_only_on_the_seed_and_the_patient() {
        DemoRecords.History first = DemoRecords.history(7, patients.get(7), DemoDataLoader.SEED);
        DemoRecords.History again = DemoRecords.history(7, patients.get(7), DemoDataLoader.SEED);
        assertEquals(lines(first), lines(again));
    }

    @Test
    void patients_with_a_demo_admission_at_northgate_have_an_open_admission_encounter() {
        for (int i = 0; i < 100; i += 20) {
            DemoRecords.History history = DemoRecords.history(i, patients.get(i), DemoDataLoader.SEED);
            assertEquals(1, history.hospital().stream()
                    .filter(entry -> entry instanceof Encounter encounter && encounter.isOpenAdmission()
                            && encounter.organisation().value().equals("RXA"))
                    .count(), "patient " + i);
        }
    }

    /** Issue 11, defect 13: a 10-year-old with hypertension, COPD and metformin is not a history anyone believes. */
    @Test
    void children_have_only_what_children_have() {
        Set<String> adultsOnly = Set.of("Hypertension", "Type 2 diabetes mellitus", "Chronic obstructive pulmonary disease", "Dementia",
                "Atrial fibrillation", "Osteoarthritis", "Chronic kidney disease", "Chlamydial infection", "Depressive disorder");
        int children = 0;
        for (int i = 0; i < patients.size(); i++) {
            if (age(patients.get(i)) >= 16) {
                continue;
            }
            children++;
            DemoRecords.History history = DemoRecords.history(i, patients.get(i), DemoDataLoader.SEED);
            List<String> titles = history.hospital().stream().map(HospitalEntry::title).toList();
            assertTrue(titles.stream().noneMatch(adultsOnly::contains), "patient " + i + " aged " + age(patients.get(i)) + ": " + titles);
            assertTrue(titles.stream().noneMatch(title -> title.startsWith("Metformin") || title.startsWith("Amlodipine")), titles.toString());
            assertTrue(history.socialCare().isEmpty(), "no adult home care for a child");
        }
        assertTrue(children >= 20, "the register has children: " + children);
    }

    @Test
    void every_medicine_home_care_gives_is_one_the_person_is_prescribed_and_each_visit_does_what_its_time_of_day_needs() {
        int given = 0;
        for (int i = 0; i < patients.size(); i++) {
            DemoRecords.History history = DemoRecords.history(i, patients.get(i), DemoDataLoader.SEED);
            Set<String> prescribed = history.hospital().stream().filter(entry -> entry instanceof Medication).map(HospitalEntry::title)
                    .collect(Collectors.toSet());
            for (SocialCareEntry entry : history.socialCare()) {
                if (entry instanceof MedicationAdministration round) {
                    given++;
                    String medicine = round.summary().substring(0, round.summary().indexOf(" · ") > 0 ? round.summary().indexOf(" · ")
                            : round.summary().length());
                    assertTrue(prescribed.stream().anyMatch(medicine::startsWith), "patient " + i + " given " + round.summary()
                            + " but prescribed " + prescribed);
                    int hour = round.occurredAt().atZone(UkClock.ZONE).getHour();
                    assertTrue(hour >= 7 && hour <= 19, "given at a visit, not at " + hour + ":00");
                }
                if (entry instanceof CareVisit visit) {
                    int hour = visit.plannedStart().atZone(UkClock.ZONE).getHour();
                    assertTrue(hour == 8 || hour == 18, "visits at 08:00 and 18:00 UK time, not " + hour);
                    assertEquals(hour == 8, visit.tasksDone().contains("breakfast"), visit.tasksDone() + " at " + hour + ":00");
                }
            }
        }
        assertTrue(given > 100, "home care gives medicines: " + given);
    }

    /** Defect 13: a social worker who wrote a care plan had no relationship with the person. */
    @Test
    void every_social_care_entry_is_written_by_the_social_worker_or_the_provider_the_person_is_allocated_to() {
        int entries = 0;
        for (int i = 0; i < patients.size(); i++) {
            DemoRecords.History history = DemoRecords.history(i, patients.get(i), DemoDataLoader.SEED);
            Optional<DemoRecords.SocialCareTeam> team = DemoRecords.socialCareTeam(i, patients.get(i));
            for (SocialCareEntry entry : history.socialCare()) {
                entries++;
                assertTrue(team.isPresent(), "patient " + i + " has a social care record but no social care team");
                assertTrue(entry.authorUsername().equals(team.get().socialWorker()) || entry.organisation().equals(team.get().careProvider()),
                        "patient " + i + ": " + entry.type() + " by " + entry.authorUsername() + " at " + entry.organisation()
                                + ", who has no relationship with them");
            }
        }
        assertTrue(entries > 1000, "social care records to check: " + entries);
    }

    private static int age(PatientRegistration patient) {
        return Period.between(patient.birthDate(), DemoRecords.ANCHOR.atZone(UkClock.ZONE).toLocalDate()).getYears();
    }

    private static List<String> lines(DemoRecords.History history) {
        return java.util.stream.Stream.concat(
                        history.hospital().stream().map(entry -> entry.type().name() + entry.occurredAt() + entry.title() + entry.summary()),
                        history.socialCare().stream().map(entry -> entry.type().name() + entry.occurredAt() + entry.title() + entry.summary()))
                .toList();
    }
}
