package uk.nhs.icr.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhs.icr.platform.InvalidValueException;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", " 943 476 5919 ", "4010232137", "9990000026"})
    void accepts_numbers_with_a_correct_modulus_11_check_digit(String text) {
        assertTrue(NhsNumber.isValid(text));
    }

    @Test
    void stores_digits_and_formats_as_three_three_four() {
        NhsNumber number = NhsNumber.parse("943 476 5919");
        assertEquals("9434765919", number.value());
        assertEquals("943 476 5919", number.formatted());
        assertEquals(NhsNumber.parse("9434765919"), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "4010232138"})
    void rejects_a_wrong_check_digit(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NhsNumber.parse(text));
        assertTrue(e.getMessage().contains("check digit"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "943-476-5919", "94347659I9", "9434 765919", "+449434765919"})
    void rejects_anything_that_is_not_ten_digits(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NhsNumber.parse(text));
        assertTrue(e.getMessage().contains("10 digits"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void says_a_missing_number_is_required(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NhsNumber.parse(text));
        assertEquals("NHS number is required", e.getMessage());
    }

    @Test
    void a_remainder_of_ten_means_no_valid_number_exists() {
        // 0*10 + ... + 6*2 = 12; 12 mod 11 = 1; 11 - 1 = 10: never issued
        assertTrue(NhsNumber.fromFirstNineDigits("000000006").isEmpty());
        for (int last = 0; last <= 9; last++) {
            assertFalse(NhsNumber.isValid("000000006" + last));
        }
    }

    @Test
    void completes_nine_digits_with_their_check_digit() {
        assertEquals("9434765919", NhsNumber.fromFirstNineDigits("943476591").orElseThrow().value());
        assertEquals("9990000034", NhsNumber.fromFirstNineDigits("999000003").orElseThrow().value());
        // 9*10 + 9*9 + 9*8 + 5*2 = 253 = 23 * 11: remainder 0, 11 - 0 = 11, which becomes 0
        assertEquals("9990000050", NhsNumber.fromFirstNineDigits("999000005").orElseThrow().value());
    }

    @Test
    void never_shows_the_number_in_toString() {
        assertFalse(NhsNumber.parse("9434765919").toString().contains("9434765919"));
    }
}
