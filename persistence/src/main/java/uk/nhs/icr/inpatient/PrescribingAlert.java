package uk.nhs.icr.inpatient;

import java.io.Serializable;

/**
 * What a prescribing check found: its kind, how serious, whether it stops the prescription until a prescriber overrides it
 * with a reason, and what to tell them (the advice included). Kept on the prescription as it was shown.
 */
public record PrescribingAlert(Kind kind, Level level, boolean hardStop, String message) implements Serializable {

    public enum Kind {
        /** The medicine is in a class (or is the substance) the patient is allergic to. */
        ALLERGY,
        /** Another active medicine of the same therapeutic group. */
        DUPLICATE_THERAPY,
        /** A clinically important interaction with an active medicine. */
        INTERACTION,
        /** The daily dose is outside the medicine's usual range. */
        DOSE_RANGE,
        /** The patient's consent withholds part of the record from the prescriber: the checks may have missed something. */
        CHECKS_INCOMPLETE
    }

    public enum Level { INFORMATION, WARNING, SEVERE }
}
