package uk.nhs.icr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.validation.CommandValidation;

class DemoPatientsTest {

    private final List<PatientRegistration> patients = DemoPatients.generate(1000, DemoDataLoader.SEED);

    @Test
    void every_demo_patient_passes_registration_validation_with_a_999_nhs_number() {
        CommandValidation validation = CommandValidation.at(Instant.parse("2026-11-26T12:00:00Z"));
        assertEquals(1000, patients.size());
        for (PatientRegistration registration : patients) {
            assertEquals(List.of(), validation.errors(registration));
            assertTrue(registration.nhsNumber().value().startsWith("999"));
        }
    }

    @Test
    void nhs_numbers_are_unique() {
        Set<NhsNumber> numbers = new HashSet<>();
        patients.forEach(p -> numbers.add(p.nhsNumber()));
        assertEquals(patients.size(), numbers.size());
    }

    @Test
    void the_same_seed_gives_the_same_people() {
        List<PatientRegistration> again = DemoPatients.generate(1000, DemoDataLoader.SEED);
        for (int i = 0; i < patients.size(); i++) {
            assertEquals(patients.get(i).nhsNumber(), again.get(i).nhsNumber());
            assertEquals(patients.get(i).familyName(), again.get(i).familyName());
            assertEquals(patients.get(i).birthDate(), again.get(i).birthDate());
        }
    }

    @Test
    void a_register_of_a_million_goes_on_in_the_998_range_in_practices_of_ten_thousand_with_no_number_twice() {
        DemoPatients.Register register = new DemoPatients.Register(DemoDataLoader.SEED);
        Set<NhsNumber> numbers = new HashSet<>();
        java.util.Map<String, Integer> listSizes = new java.util.HashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            PatientRegistration patient = register.next();
            if (i < patients.size()) {
                assertEquals(patients.get(i).nhsNumber(), patient.nhsNumber(), "the register starts with the demo register");
                assertEquals(patients.get(i).gpPracticeOdsCode(), patient.gpPracticeOdsCode());
            } else {
                listSizes.merge(patient.gpPracticeOdsCode().value(), 1, Integer::sum);
            }
            assertTrue(numbers.add(patient.nhsNumber()), "no number twice");
            String prefix = patient.nhsNumber().value().substring(0, 3);
            assertTrue(prefix.equals("999") || prefix.equals("998"), prefix);
        }
        assertTrue(numbers.stream().anyMatch(n -> n.value().startsWith("998")));
        assertEquals(100, listSizes.size(), "practices beyond the demo register");
        assertTrue(listSizes.values().stream().allMatch(size -> size <= 10_000), listSizes.toString());
    }
}
