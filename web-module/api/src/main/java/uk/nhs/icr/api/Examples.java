package uk.nhs.icr.api;

/**
 * What the patient app's and the practice's answers look like, for the OpenAPI document: in the shape and mostly the
 * values of the demo data (Hannah Whitfield, 998 999 9902, at Beech Road Surgery; times and ids vary with each load),
 * shared by the operations that answer the same shape.
 */
public final class Examples {

    /** One appointment as booked. */
    public static final String APPOINTMENT = "{\"id\":1,\"version\":1,\"startsAt\":\"2026-11-27T09:00:00Z\",\"endsAt\":"
            + "\"2026-11-27T09:15:00Z\",\"clinicianName\":\"Dr Amina Shah\",\"clinicianRole\":\"GP\",\"place\":\"Beech Road Surgery\","
            + "\"kind\":\"face-to-face\",\"reason\":\"Follow-up on my blood test\",\"status\":\"booked\",\"patientNhsNumber\":\"9989999902\"}";

    /** The same appointment once its patient cancelled it: a new version. */
    public static final String CANCELLED_APPOINTMENT = "{\"id\":1,\"version\":2,\"startsAt\":\"2026-11-27T09:00:00Z\",\"endsAt\":"
            + "\"2026-11-27T09:15:00Z\",\"clinicianName\":\"Dr Amina Shah\",\"clinicianRole\":\"GP\",\"place\":\"Beech Road Surgery\","
            + "\"kind\":\"face-to-face\",\"reason\":\"Follow-up on my blood test\",\"status\":\"cancelled\",\"cancelledBy\":\"you\","
            + "\"patientNhsNumber\":\"9989999902\"}";

    /** The practice's day list: each booking with whose it is. */
    public static final String DAY_LIST = "[{\"id\":1,\"version\":1,\"startsAt\":\"2026-11-27T09:00:00Z\",\"endsAt\":"
            + "\"2026-11-27T09:15:00Z\",\"clinicianName\":\"Dr Amina Shah\",\"clinicianRole\":\"GP\",\"place\":\"Beech Road Surgery\","
            + "\"kind\":\"face-to-face\",\"reason\":\"Follow-up on my blood test\",\"status\":\"booked\",\"patientNhsNumber\":"
            + "\"9989999902\",\"patientName\":\"Hannah Whitfield\"}]";

    /** A repeat as the patient and the practice read it. */
    public static final String REPEATS = "[{\"id\":1244,\"medicine\":\"Levothyroxine 50 microgram tablets\",\"dose\":\"One each"
            + " morning\",\"quantity\":\"28 days' supply\",\"issuesAllowed\":6,\"issuesUsed\":2,\"issuesLeft\":4,\"reviewDate\":"
            + "\"2027-04-27\",\"authorisedBy\":\"Dr Amina Shah\",\"requestPending\":false,\"requestable\":true},{\"id\":1245,"
            + "\"medicine\":\"Ramipril 5 mg capsules\",\"dose\":\"One a day\",\"quantity\":\"28 days' supply\",\"issuesAllowed\":6,"
            + "\"issuesUsed\":3,\"issuesLeft\":3,\"reviewDate\":\"2026-11-13\",\"authorisedBy\":\"Dr Amina Shah\",\"requestPending\":false,"
            + "\"requestable\":false,\"whyNot\":\"your medication review is due; contact your practice\"}]";

    /** A page of one patient's repeat requests. */
    public static final String REQUEST_PAGE = "{\"items\":[{\"id\":1,\"repeatId\":1244,\"medicine\":\"Levothyroxine 50 microgram"
            + " tablets\",\"dose\":\"One each morning\",\"quantity\":\"28 days' supply\",\"status\":\"pending\",\"requestedAt\":"
            + "\"2026-11-27T06:41:23Z\",\"note\":\"Running low\",\"pharmacyOdsCode\":\"FA123\",\"patientNhsNumber\":\"9989999902\","
            + "\"issuesLeft\":4}],\"page\":0,\"size\":20,\"totalItems\":1,\"totalPages\":1}";

    /** A page of the practice's queue of repeat requests, oldest first, with whose each is. */
    public static final String REQUEST_QUEUE_PAGE = "{\"items\":[{\"id\":1,\"repeatId\":1244,\"medicine\":\"Levothyroxine 50"
            + " microgram tablets\",\"dose\":\"One each morning\",\"quantity\":\"28 days' supply\",\"status\":\"pending\","
            + "\"requestedAt\":\"2026-11-27T06:41:23Z\",\"note\":\"Running low\",\"pharmacyOdsCode\":\"FA123\",\"patientNhsNumber\":"
            + "\"9989999902\",\"patientName\":\"Hannah Whitfield\",\"issuesLeft\":4}],\"page\":0,\"size\":20,\"totalItems\":1,"
            + "\"totalPages\":1}";

    /** A request the practice issued to the pharmacy. */
    public static final String ISSUED_REQUEST = "{\"id\":1,\"repeatId\":1244,\"medicine\":\"Levothyroxine 50 microgram tablets\","
            + "\"dose\":\"One each morning\",\"quantity\":\"28 days' supply\",\"status\":\"issued\",\"requestedAt\":"
            + "\"2026-11-27T06:41:23Z\",\"note\":\"Running low\",\"pharmacyOdsCode\":\"FA123\",\"decidedBy\":\"Dr Amina Shah\","
            + "\"decidedAt\":\"2026-11-27T06:41:37Z\",\"patientNhsNumber\":\"9989999902\",\"issuesLeft\":3}";

    /** A parent's link to their child, as the practice recorded it. */
    public static final String PROXY_LINKS = "[{\"id\":1,\"patientNhsNumber\":\"9989999910\",\"proxyNhsNumber\":\"9989999902\","
            + "\"proxyName\":\"Hannah Whitfield\",\"basis\":\"parental-responsibility\",\"basisInWords\":\"parent or guardian\","
            + "\"evidence\":\"Birth certificate seen at the practice\",\"services\":[\"record\",\"appointments\",\"prescriptions\","
            + "\"preferences\"],\"startsOn\":\"2024-09-02\",\"recordedBy\":\"Sam Turner\",\"recordedAt\":\"2026-11-27T06:40:08Z\","
            + "\"active\":true,\"standing\":\"active\",\"version\":0}]";

    /** A parent's link to a child past 11 that the GP decided continues. */
    public static final String CONTINUED_LINK = "{\"id\":2,\"patientNhsNumber\":\"9989999929\",\"proxyNhsNumber\":\"9989999902\","
            + "\"proxyName\":\"Hannah Whitfield\",\"basis\":\"parental-responsibility\",\"basisInWords\":\"parent or guardian\","
            + "\"evidence\":\"Birth certificate seen at the practice\",\"services\":[\"record\",\"appointments\",\"prescriptions\"],"
            + "\"startsOn\":\"2024-09-02\",\"recordedBy\":\"Sam Turner\",\"recordedAt\":\"2026-11-27T06:40:08Z\",\"continuedPastElevenBy\":"
            + "\"Dr Amina Shah\",\"active\":true,\"standing\":\"active\",\"version\":1}";

    /** An adult's carer (not in the demo data), once a GP confirmed the adult consents freely. */
    public static final String CONFIRMED_LINK = "{\"id\":3,\"patientNhsNumber\":\"9990000093\",\"proxyNhsNumber\":\"9989999937\","
            + "\"proxyName\":\"Ruth Roberts\",\"basis\":\"carer-with-consent\",\"basisInWords\":\"carer\",\"evidence\":\"Seen together at"
            + " the practice\",\"services\":[\"record\",\"appointments\"],\"startsOn\":\"2026-11-27\",\"recordedBy\":\"Sam Turner\","
            + "\"recordedAt\":\"2026-11-27T06:40:08Z\",\"consentConfirmedBy\":\"Dr Amina Shah\",\"active\":true,\"standing\":\"active\","
            + "\"version\":1}";

    /** One entry of the record. */
    public static final String ENTRY = "{\"source\":\"hospital\",\"type\":\"BLOOD_TEST\",\"id\":12301,\"occurredAt\":"
            + "\"2026-11-25T06:40:08Z\",\"title\":\"Potassium\",\"summary\":\"5.6 mmol/L · range 3.5–5.3 · HIGH\",\"status\":\"FINAL\","
            + "\"authorName\":\"Dr Amina Shah\",\"organisationOdsCode\":\"Y90001\",\"organisationName\":\"Beech Road Surgery\","
            + "\"setting\":\"GP practice\",\"abnormal\":true,\"category\":\"GENERAL\",\"hiddenFromPatient\":false,"
            + "\"releasedToPatientAt\":\"2026-11-27T06:40:08Z\"}";

    /** A record's summary: alerts, problems, medicines, allergies, latest results. */
    public static final String SUMMARY = "{\"alerts\":[\"Allergy: Codeine (moderate)\"],\"activeProblems\":[],\"currentMedications\":[],"
            + "\"allergies\":[{\"source\":\"hospital\",\"type\":\"ALLERGY\",\"id\":12286,\"occurredAt\":\"2025-05-14T11:30:00Z\","
            + "\"title\":\"Codeine\",\"summary\":\"Vomiting · moderate\",\"status\":\"ACTIVE\",\"authorName\":\"Dr Amina Shah\","
            + "\"organisationOdsCode\":\"Y90001\",\"organisationName\":\"Beech Road Surgery\",\"setting\":\"GP practice\",\"abnormal\":false,"
            + "\"category\":\"GENERAL\",\"hiddenFromPatient\":false}],\"latestResults\":[" + ENTRY + "],\"openAdmissions\":[],"
            + "\"openSafeguardingConcerns\":[],\"withheld\":false}";

    /** A sharing directive the patient set. */
    public static final String CONSENT = "{\"scope\":\"treatment\",\"version\":1,\"status\":\"active\",\"inForce\":true,\"decidedAt\":"
            + "\"2026-11-27T06:41:37Z\",\"recordedBy\":\"patient\",\"recordedByName\":\"Patient\",\"provisions\":[{\"type\":\"DENY\","
            + "\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[],\"roles\":[]},{\"type\":\"PERMIT\",\"categories\":[\"MENTAL_HEALTH\"],"
            + "\"organisations\":[\"Y90001\"],\"roles\":[]}],\"recordedAt\":\"2026-11-27T06:41:37Z\",\"confirmation\":\"not-needed\"}";

    /** An organ-donation decision the patient registered. */
    public static final String DONATION = "{\"version\":1,\"decision\":\"opt-in\",\"organs\":[\"KIDNEYS\",\"CORNEAS\"],"
            + "\"representatives\":[],\"faithDeclaration\":true,\"recordedBy\":\"patient\",\"recordedByName\":\"Patient\",\"recordedAt\":"
            + "\"2026-11-27T06:41:37Z\"}";

    /** A child's opt-out, set by their parent in the app. */
    public static final String OPT_OUT_BY_A_PARENT = "{\"optedOut\":true,\"version\":1,\"setBy\":\"proxy\",\"setByName\":"
            + "\"Hannah Whitfield (parent or guardian, in the app)\",\"channel\":\"online\",\"recordedAt\":\"2026-11-27T06:45:00Z\"}";

    /** The results waiting for the practice's review, oldest first. */
    public static final String RESULTS_TO_REVIEW = "{\"items\":[{\"id\":7104,\"patientNhsNumber\":\"9990005869\",\"patientName\":"
            + "\"Ahmed Ward\",\"test\":\"Potassium\",\"value\":4.44,\"unit\":\"mmol/L\",\"inWords\":\"within the normal range\","
            + "\"reportedAt\":\"2026-11-19T20:45:00Z\",\"heldUntil\":\"2026-11-27T09:00:00Z\"}],\"page\":0,\"size\":20,\"totalItems\":1,"
            + "\"totalPages\":1}";

    /** The patient's appointments. */
    public static final String APPOINTMENT_LIST = "[" + APPOINTMENT + "]";

    /** Every version of a directive, newest first. */
    public static final String CONSENT_HISTORY = "[" + CONSENT + "]";

    /** Every version of a decision, newest first. */
    public static final String DONATION_HISTORY = "[" + DONATION + "]";

    /** The pharmacy the patient nominated. */
    public static final String PHARMACY = "{\"pharmacyOdsCode\":\"FA123\"}";

    private Examples() {
    }
}
