package uk.nhs.icr.patient.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.validation.CommandValidation;

class PatientRegistrationTest {

    /** 25 November 2026, midday in London. */
    private static final CommandValidation VALIDATION = CommandValidation.at(Instant.parse("2026-11-25T12:00:00Z"));

    private static PatientRegistration registration(String given, String family, LocalDate born, String practice) {
        return new PatientRegistration(NhsNumber.parse("943 476 5919"), given, family, born, Sex.FEMALE, Postcode.parse("ls1 4ap"),
                OdsCode.parse(practice));
    }

    @Test
    void a_complete_registration_is_valid_and_its_names_are_stored_with_single_spaces() {
        PatientRegistration registration = registration("Ada  Mary", "O'Brien-Smith", LocalDate.of(1984, 2, 29), "b86001");

        assertEquals(List.of(), VALIDATION.errors(registration));
        PatientIdentity identity = registration.identity();
        assertEquals("9434765919", identity.nhsNumber().value());
        assertEquals("Ada Mary", identity.givenName());
        assertEquals("O'Brien-Smith", identity.familyName());
    }

    @Test
    void every_bad_field_is_reported_at_once_in_the_order_of_the_form() {
        PatientRegistration registration = new PatientRegistration(NhsNumber.parse("9434765919"), " ", "Sm1th",
                LocalDate.of(2026, 11, 26), null, null, OdsCode.parse("RXX"));

        assertEquals(List.of("givenName", "familyName", "birthDate", "sex", "postcode", "gpPracticeOdsCode"),
                VALIDATION.refusedFields(registration));
    }

    @Test
    void messages_name_the_field_as_a_person_would() {
        List<FieldError> errors = VALIDATION.errors(registration("Ada", "Lovelace", LocalDate.of(2026, 11, 26), "RXX"));

        assertEquals(List.of(new FieldError("birthDate", "date of birth cannot be in the future"),
                new FieldError("gpPracticeOdsCode", "GP practice ODS code must be a letter followed by five digits, e.g. B86001")), errors);
    }

    @Test
    void a_birth_date_of_today_in_england_is_accepted() {
        assertTrue(VALIDATION.errors(registration("Ada", "Lovelace", LocalDate.of(2026, 11, 25), "B86001")).isEmpty());
    }

    @Test
    void missing_fields_are_each_required() {
        List<FieldError> errors = VALIDATION.errors(new PatientRegistration(null, null, null, null, null, null, null));

        assertEquals(7, errors.size());
        assertEquals(new FieldError("nhsNumber", "NHS number is required"), errors.get(0));
        assertTrue(errors.stream().allMatch(error -> error.message().endsWith(" is required")), errors.toString());
    }

    @Test
    void real_names_in_any_script_pass_however_their_accents_are_written() {
        for (String name : List.of("Nguyễn Thị Minh Khai", java.text.Normalizer.normalize("Nguyễn Thị Minh Khai",
                java.text.Normalizer.Form.NFD), "देवनागरी", "श्रीनिवास", "Llŷr Siân", "Ó Súilleabháin", "Zoë-Renée")) {
            assertEquals(List.of(), VALIDATION.errors(registration(name, "Lovelace", LocalDate.of(1984, 2, 29), "B86001")), name);
        }
    }

    @Test
    void a_name_buried_under_stacked_marks_is_refused() {
        String zalgo = "A" + "\u0301\u0302\u0303\u0304\u0306";
        assertEquals(List.of(new FieldError("givenName", "given name must not stack more than 4 accents or marks on one letter")),
                VALIDATION.errors(registration(zalgo, "Lovelace", LocalDate.of(1984, 2, 29), "B86001")));
    }
}
