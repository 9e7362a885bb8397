package uk.nhs.icr.fhir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import uk.nhs.icr.patient.NhsNumber;

/**
 * NHS numbers for synthetic patients that came without one ({@code ICR_FHIR_ASSIGN_TEST_NHS_NUMBERS=true}, never for real
 * data): in the 999 range NHS England keeps for testing, with a valid check digit, derived from the source identifier so
 * that the same patient gets the same number on every import.
 */
final class TestNhsNumbers {

    private static final int[] WEIGHTS = {10, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int SPAN = 1_000_000;

    private TestNhsNumbers() {
    }

    static NhsNumber derivedFrom(String sourceIdentifier) {
        int serial = new BigInteger(1, sha256(sourceIdentifier)).mod(BigInteger.valueOf(SPAN)).intValue();
        for (int attempt = 0; attempt < SPAN; attempt++) {
            String first = "999" + String.format("%06d", (serial + attempt) % SPAN);
            int check = checkDigit(first);
            if (check < 10) {
                return NhsNumber.parse(first + check);
            }
        }
        throw new IllegalStateException("no 999-range number has a valid check digit");
    }

    /** Modulus 11: 11 less the weighted sum's remainder; 11 counts as 0, and 10 means no valid number. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
