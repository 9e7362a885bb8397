package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.terminology.LabTest;

/**
 * A test result as the patient reads it: the value against its reference range, the range's verdict in words, when it
 * was reported, who asked for the test and who put the result on the record (the clinician or the laboratory), what the
 * test is for in a line anyone understands, and what the reviewing clinician said.
 */
public record PatientResult(long id, String test, BigDecimal value, String unit, BigDecimal referenceLow, BigDecimal referenceHigh,
                            String flag, String inWords, Instant reportedAt, String requestedBy, String reportedBy, String organisation,
                            String aboutThisTest, boolean reviewed, String reviewedBy, String clinicianComment)
        implements Serializable {

    /** How the value sits against its range, for someone without the medical words. */
    public static String inWords(BloodTestResult result) {
        if (result.referenceLow() == null && result.referenceHigh() == null) {
            return "no normal range was given for this test";
        }
        return switch (result.flag()) {
            case LOW -> "below the normal range";
            case HIGH -> "above the normal range";
            case NORMAL -> "within the normal range";
        };
    }

    public static PatientResult of(BloodTestResult result, LabTest test, String organisationName) {
        return new PatientResult(result.id(), result.title(), result.value(), result.unit(), result.referenceLow(), result.referenceHigh(),
                result.flag().name().toLowerCase(Locale.ROOT), inWords(result), result.occurredAt(), result.requestedByName(), result.authorName(),
                organisationName, test == null ? null : test.patientExplanation(), result.reviewed(), result.reviewedByName(),
                result.reviewComment());
    }

    /** Clinical values: keep them out of logs. */
    @Override
    public String toString() {
        return "PatientResult[" + id + "]";
    }
}
