package uk.nhs.icr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.hospital.Encounter;
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
        assertTrue(withSocialCare >= 200, "patients known to social care: " + withSocialCare);
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

    private static List<String> lines(DemoRecords.History history) {
        return java.util.stream.Stream.concat(
                        history.hospital().stream().map(entry -> entry.type().name() + entry.occurredAt() + entry.title() + entry.summary()),
                        history.socialCare().stream().map(entry -> entry.type().name() + entry.occurredAt() + entry.title() + entry.summary()))
                .toList();
    }
}
