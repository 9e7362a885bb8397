package uk.nhs.icr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeAndOdsCodeTest {

    @ParameterizedTest
    @CsvSource({"ls1 4ap, LS1 4AP", "SW1A1AA, SW1A 1AA", "m1  1ae, M1 1AE", "B33 8TH, B33 8TH", "CR2 6XH, CR2 6XH"})
    void postcodes_are_normalised_to_upper_case_with_one_space(String typed, String stored) {
        assertEquals(stored, Postcode.parse(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LS1", "12345", "LS1 4A", "LS1 4APX", "L$1 4AP", "1LS 4AP"})
    void malformed_postcodes_are_refused(String typed) {
        assertThrows(InvalidValueException.class, () -> Postcode.parse(typed));
    }

    @ParameterizedTest
    @CsvSource({"b86001, B86001", " Y01234 , Y01234"})
    void gp_practice_codes_are_a_letter_and_five_digits(String typed, String stored) {
        assertEquals(stored, OdsCode.parseGpPractice(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RXX", "B8600", "886001", "B860011", ""})
    void other_codes_are_not_gp_practices(String typed) {
        assertThrows(InvalidValueException.class, () -> OdsCode.parseGpPractice(typed));
    }
}
