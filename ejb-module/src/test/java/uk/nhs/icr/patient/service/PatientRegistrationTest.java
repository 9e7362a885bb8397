package uk.nhs.icr.patient.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;

class PatientRegistrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static PatientRegistration valid() {
        return new PatientRegistration("943 476 5919", " Ada ", "O'Brien-Smith", "1984-02-29", "FEMALE", "ls1 4ap", "b86001");
    }

    @Test
    void a_complete_form_is_normalised() {
        PatientRegistration.Valid v = valid().validate(TODAY);
        assertEquals("9434765919", v.identity().nhsNumber().value());
        assertEquals("Ada", v.identity().givenName());
        assertEquals(Sex.FEMALE, v.sex());
        assertEquals("LS1 4AP", v.postcode().value());
        assertEquals("B86001", v.gpPractice().value());
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        PatientRegistration form = new PatientRegistration("9434765918", "", "Sm1th", "31/01/1980", "f", "nowhere", "RXX");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> form.validate(TODAY));
        assertEquals(List.of("nhsNumber", "givenName", "familyName", "birthDate", "sex", "postcode", "gpPracticeOdsCode"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void a_birth_date_in_the_future_is_refused() {
        PatientRegistration form = new PatientRegistration("9434765919", "Ada", "Lovelace", "2026-11-26", "female", "LS1 4AP", "B86001");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> form.validate(TODAY));
        assertEquals("date of birth cannot be in the future", e.errors().get(0).message());
    }

    @Test
    void missing_fields_are_each_required() {
        PatientRegistration form = new PatientRegistration(null, null, null, null, null, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> form.validate(TODAY));
        assertEquals(7, e.errors().size());
    }
}
