package uk.nhs.icr.access.service;

/** The answer of the access decision point, with the purpose the access is made for and why. */
public record AccessDecision(Outcome outcome, Purpose purpose, String reason, boolean breakGlassAvailable) {

    public enum Outcome { GRANTED, GRANTED_BY_BREAK_GLASS, DENIED }

    public enum Purpose { DIRECT_CARE, BREAK_GLASS, ADMINISTRATION, PATIENT_ACCESS, PRIVACY_REVIEW, ORGAN_DONATION }

    public boolean granted() {
        return outcome != Outcome.DENIED;
    }

    /** The same decision with a further rule noted in its reason (what the audit records). */
    public AccessDecision noting(String rule) {
        return new AccessDecision(outcome, purpose, reason + "; " + rule, breakGlassAvailable);
    }

    public static AccessDecision grant(Purpose purpose, String reason) {
        return new AccessDecision(Outcome.GRANTED, purpose, reason, false);
    }

    public static AccessDecision deny(Purpose purpose, String reason, boolean breakGlassAvailable) {
        return new AccessDecision(Outcome.DENIED, purpose, reason, breakGlassAvailable);
    }
}
