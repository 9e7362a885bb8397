package uk.nhs.icr.research;

/**
 * Whether a patient's data goes into a project's dataset, by the project's legal basis: a {@code CONSENT} project takes
 * exactly the patients who consented to it; a {@code SECTION_251} project everyone but those with a National Data
 * Opt-out (unless they consented to that very project); an {@code ANONYMISED} project's aggregates, which leave ICR
 * only after disclosure control, everyone. Direct care never asks.
 */
public final class ResearchUseRule {

    /** The rule that decided, each one counted per extract. */
    public enum Reason {
        NO_OPT_OUT(true, "no opt-out recorded"),
        CONSENTED(true, "consented to this project"),
        AGGREGATE_ONLY(true, "anonymised aggregates: the opt-out does not apply"),
        OPTED_OUT(false, "National Data Opt-out"),
        NO_CONSENT(false, "no consent to this project recorded");

        private final boolean included;
        private final String words;

        Reason(boolean included, String words) {
            this.included = included;
            this.words = words;
        }

        public boolean included() {
            return included;
        }

        public String words() {
            return words;
        }
    }

    private ResearchUseRule() {
    }

    public static Reason decide(LegalBasis basis, boolean optedOut, boolean studyConsent) {
        return switch (basis) {
            case CONSENT -> studyConsent ? Reason.CONSENTED : Reason.NO_CONSENT;
            case SECTION_251 -> {
                if (studyConsent) {
                    yield Reason.CONSENTED;
                }
                yield optedOut ? Reason.OPTED_OUT : Reason.NO_OPT_OUT;
            }
            case ANONYMISED -> Reason.AGGREGATE_ONLY;
        };
    }
}
