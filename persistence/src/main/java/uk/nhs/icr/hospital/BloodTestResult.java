package uk.nhs.icr.hospital;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A blood-test result: value and unit against a reference range; the abnormal flag follows from the range. */
@Entity
@DiscriminatorValue(EntryType.Stored.BLOOD_TEST)
public class BloodTestResult extends HospitalEntry {

    public enum Flag { LOW, NORMAL, HIGH }

    @Column(name = "result_value")
    private BigDecimal value;

    @Column(name = "unit")
    private String unit;

    @Column(name = "reference_low")
    private BigDecimal referenceLow;

    @Column(name = "reference_high")
    private BigDecimal referenceHigh;

    @Enumerated(EnumType.STRING)
    @Column(name = "abnormal_flag")
    private Flag flag;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by_username")
    private String reviewedByUsername;

    @Column(name = "reviewed_by_name")
    private String reviewedByName;

    /** What the reviewing clinician wants the patient to read with the result. */
    @Column(name = "review_comment")
    private String reviewComment;

    /** The clinician who asked for the test, as the request named them; absent when the result came without one. */
    @Column(name = "requested_by_name")
    private String requestedByName;

    protected BloodTestResult() {
        // for JPA
    }

    public BloodTestResult(NhsNumber patient, String test, BigDecimal value, String unit, BigDecimal referenceLow,
                           BigDecimal referenceHigh, Instant reported, EntryAuthor author, Instant recordedAt) {
        super(EntryType.BLOOD_TEST, patient, reported, author, recordedAt, test, EntryStatus.FINAL, null);
        this.value = value;
        this.unit = unit;
        this.referenceLow = referenceLow;
        this.referenceHigh = referenceHigh;
        this.flag = flagFor(value, referenceLow, referenceHigh);
    }

    /** LOW below the range, HIGH above it, NORMAL within it (bounds included) or when no range is given. */
    public static Flag flagFor(BigDecimal value, BigDecimal low, BigDecimal high) {
        if (low != null && value.compareTo(low) < 0) {
            return Flag.LOW;
        }
        if (high != null && value.compareTo(high) > 0) {
            return Flag.HIGH;
        }
        return Flag.NORMAL;
    }

    /**
     * Holds the result back from the patient until a clinician has reviewed it, or for {@code releaseDelay} after it
     * was recorded, whichever comes first: a patient should not read an alarming result before anyone could explain it.
     */
    public void holdForReview(Duration releaseDelay) {
        holdFromPatientUntil(recordedAt().plus(releaseDelay));
    }

    /** A clinician has reviewed the result: it reaches the patient now (if it was held), with the comment, if any. */
    public void review(String reviewerUsername, String reviewerName, String comment, Instant at) {
        if (reviewedAt != null) {
            throw new IllegalStateException("this result was reviewed already");
        }
        this.reviewedAt = Objects.requireNonNull(at);
        this.reviewedByUsername = Objects.requireNonNull(reviewerUsername);
        this.reviewedByName = Objects.requireNonNull(reviewerName);
        this.reviewComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (releasedToPatientAt() != null && releasedToPatientAt().isAfter(at)) {
            holdFromPatientUntil(at);
        }
    }

    /** Names the clinician who asked for the test (blank: nobody named). */
    public void requestedBy(String clinicianName) {
        this.requestedByName = clinicianName == null || clinicianName.isBlank() ? null : clinicianName.strip();
    }

    public boolean reviewed() { return reviewedAt != null; }
    public String requestedByName() { return requestedByName; }
    public Instant reviewedAt() { return reviewedAt; }
    public String reviewedByName() { return reviewedByName; }
    public String reviewComment() { return reviewComment; }
    public BigDecimal value() { return value; }
    public String unit() { return unit; }
    public BigDecimal referenceLow() { return referenceLow; }
    public BigDecimal referenceHigh() { return referenceHigh; }
    public Flag flag() { return flag; }

    @Override
    public boolean abnormal() {
        return flag != Flag.NORMAL;
    }


    @Override
    public String summary() {
        String range;
        if (referenceLow == null) {
            range = referenceHigh == null ? null : "range up to " + plain(referenceHigh);
        } else {
            range = referenceHigh == null ? "range from " + plain(referenceLow) : "range " + plain(referenceLow) + "–" + plain(referenceHigh);
        }
        return joined(plain(value) + " " + unit, range, flag == Flag.NORMAL ? null : flag.name());
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }
}
