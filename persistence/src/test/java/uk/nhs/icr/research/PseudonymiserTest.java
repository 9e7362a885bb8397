package uk.nhs.icr.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** HKDF against RFC 5869's own test case; pseudonyms stable within a project and key version, different across them. */
class PseudonymiserTest {

    private static final byte[] MASTER = "a master secret of the test, not of any deployment".getBytes(StandardCharsets.UTF_8);

    @Test
    void hkdf_gives_rfc_5869_test_case_1() {
        HexFormat hex = HexFormat.of();
        byte[] okm = Pseudonymiser.hkdf(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertArrayEquals(hex.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"), okm);
    }

    @Test
    void a_patient_keeps_one_pseudonym_within_a_project_and_has_unlinkable_ones_across_projects_and_keys() {
        String first = Pseudonymiser.forProject(MASTER, "RP-2026-0001", 1).pseudonym("9434765919");
        assertEquals(first, Pseudonymiser.forProject(MASTER, "RP-2026-0001", 1).pseudonym("9434765919"));
        assertEquals(64, first.length());
        assertTrue(first.matches("[0-9a-f]{64}"));
        assertNotEquals(first, Pseudonymiser.forProject(MASTER, "RP-2026-0002", 1).pseudonym("9434765919"), "another project");
        assertNotEquals(first, Pseudonymiser.forProject(MASTER, "RP-2026-0001", 2).pseudonym("9434765919"), "the key rotated");
        assertNotEquals(first, Pseudonymiser.forProject(MASTER, "RP-2026-0001", 1).pseudonym("9434765920"), "another patient");
    }
}
