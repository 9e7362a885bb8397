package uk.nhs.icr.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;

class TestNhsNumbersTest {

    @Test
    void the_same_source_identifier_always_gets_the_same_valid_999_number() {
        NhsNumber first = TestNhsNumbers.derivedFrom("https://github.com/synthetichealth/synthea|7c3a1f2e");
        assertEquals(first, TestNhsNumbers.derivedFrom("https://github.com/synthetichealth/synthea|7c3a1f2e"));
        assertTrue(first.value().startsWith("999"), first.value());
        assertEquals(first, NhsNumber.parse(first.value()), "a number NhsNumber accepts: its check digit holds");
    }

    @Test
    void different_identifiers_get_different_numbers() {
        assertNotEquals(TestNhsNumbers.derivedFrom("a|1"), TestNhsNumbers.derivedFrom("a|2"));
    }

    @Test
    void the_check_digit_is_modulus_11() {
        assertEquals(9, TestNhsNumbers.checkDigit("943476591"), "943 476 5919, NHS England's published example");
    }
}
