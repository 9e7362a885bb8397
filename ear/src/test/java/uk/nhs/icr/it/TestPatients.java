package uk.nhs.icr.it;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Random;

/**
 * Builds registration bodies for synthetic patients, registered by default at Beech Road Surgery (Y90001),
 * the practice of the default API caller {@link Api#DEFAULT_USER}. NHS numbers are random in 999 5xx xxxx to 999 9xx xxxx (the demo
 * data counts up from 999 000 000, so they never meet), with a correct Modulus 11 check digit, and unused.
 */
public final class TestPatients {

    private static final Random RANDOM = new SecureRandom();

    /** Chosen on first use (it asks both databases), unless a test gives one. */
    private String nhsNumber;
    private String givenName = "Ada";
    private String familyName = uniqueFamilyName();
    private String birthDate = "1985-12-10";
    private String sex = "female";
    private String postcode = "LS1 4AP";
    private String gpPractice = "Y90001";

    /** The GP of each demo practice tests register patients at: a practice registers patients on its own list. */
    private static final java.util.Map<String, String> PRACTICE_GP = java.util.Map.of("Y90001", "gp.beech", "Y90002", "gp.canal",
            "Y90003", "gp.hillview");

    public static TestPatients aPatient() {
        return new TestPatients();
    }

    public TestPatients nhsNumber(String value) {
        nhsNumber = value;
        return this;
    }

    public TestPatients givenName(String value) {
        givenName = value;
        return this;
    }

    public TestPatients familyName(String value) {
        familyName = value;
        return this;
    }

    public TestPatients birthDate(String value) {
        birthDate = value;
        return this;
    }

    public TestPatients birthDate(LocalDate value) {
        return birthDate(value.toString());
    }

    public TestPatients sex(String value) {
        sex = value;
        return this;
    }

    public TestPatients postcode(String value) {
        postcode = value;
        return this;
    }

    public TestPatients gpPractice(String value) {
        gpPractice = value;
        return this;
    }

    public String nhsNumber() {
        if (nhsNumber == null) {
            nhsNumber = newNhsNumber();
        }
        return nhsNumber;
    }

    public String familyName() {
        return familyName;
    }

    public String json() {
        return Api.json("nhsNumber", nhsNumber(), "givenName", givenName, "familyName", familyName,
                "birthDate", birthDate, "sex", sex, "postcode", postcode, "gpPracticeOdsCode", gpPractice);
    }

    /** An NHS number no patient or person in the test databases has yet (see {@link Databases#unusedNhsNumber}). */
    public static String newNhsNumber() {
        return Databases.unusedNhsNumber();
    }

    /** Letters only (names refuse digits), unlikely to match any other patient. */
    public static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Zq");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    /** Registers this patient through the API as their practice's GP, so that any demo practice can be chosen. */
    public Api.Reply register() {
        String gp = PRACTICE_GP.get(gpPractice.strip().toUpperCase(java.util.Locale.ROOT));
        return Api.as(Tokens.staff(gp, "GP").sign()).postJson("/api/patients", json());
    }
}
