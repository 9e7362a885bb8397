package uk.nhs.icr.access.service;

/**
 * The answer of the access decision point, with the purpose the access is made for and why. A denial that
 * depends on who the patient is ({@code patientHidden}: no relationship, or no such patient) is answered as
 * "no patient you may see", the same for both; any other denial (by role, by a patient token's binding to
 * its own number) says why.
 */
public record AccessDecision(Outcome outcome, Purpose purpose, String reason, boolean breakGlassAvailable, boolean patientHidden) {

    public enum Outcome { GRANTED, GRANTED_BY_BREAK_GLASS, DENIED }

    public enum Purpose {
        DIRECT_CARE("Direct care"), BREAK_GLASS("Break-glass"), ADMINISTRATION("Administration"),
        PATIENT_ACCESS("The patient's own access"), PROXY_ACCESS("Someone acting for the patient"), PATIENT_REQUEST("At the patient's request"), PRIVACY_REVIEW("Privacy review"),
        ORGAN_DONATION("Organ donation"), RESEARCH("Research");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        /** The purpose as a reader of an access log says it. */
        public String label() {
            return label;
        }
    }

    public boolean granted() {
        return outcome != Outcome.DENIED;
    }

    /** The same decision with a further rule noted in its reason (what the audit records). */
    public AccessDecision noting(String rule) {
        return new AccessDecision(outcome, purpose, reason + "; " + rule, breakGlassAvailable, patientHidden);
    }

    public static AccessDecision grant(Purpose purpose, String reason) {
        return new AccessDecision(Outcome.GRANTED, purpose, reason, false, false);
    }

    /** Refused whoever the patient is: by role, by the kind of data, or by a patient token's binding. */
    public static AccessDecision deny(Purpose purpose, String reason, boolean breakGlassAvailable) {
        return new AccessDecision(Outcome.DENIED, purpose, reason, breakGlassAvailable, false);
    }

    /** Refused because of who the patient is (no relationship, someone else's record, or no such patient). */
    public static AccessDecision hidden(Purpose purpose, String reason, boolean breakGlassAvailable) {
        return new AccessDecision(Outcome.DENIED, purpose, reason, breakGlassAvailable, true);
    }
}
