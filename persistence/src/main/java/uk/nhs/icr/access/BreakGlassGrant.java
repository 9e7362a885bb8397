package uk.nhs.icr.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/**
 * Emergency access to one patient's record by one clinician without a legitimate relationship: given
 * with a reason, limited in time, and queued for the privacy officer's review.
 */
@Entity
@Table(name = "break_glass_grant")
public class BreakGlassGrant {

    public enum Review { PENDING, APPROPRIATE, ESCALATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "staff_username", nullable = false, updatable = false)
    private String staffUsername;

    @Enumerated(EnumType.STRING)
    @Column(name = "staff_role", nullable = false, updatable = false)
    private StaffRole staffRole;

    @Column(name = "organisation_ods", nullable = false, updatable = false)
    private OdsCode organisation;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", nullable = false)
    private Review review = Review.PENDING;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "review_note")
    private String reviewNote;

    protected BreakGlassGrant() {
        // for JPA
    }

    public BreakGlassGrant(String staffUsername, StaffRole staffRole, OdsCode organisation, NhsNumber patient,
                           String reason, Instant grantedAt, Instant expiresAt) {
        this.staffUsername = staffUsername;
        this.staffRole = staffRole;
        this.organisation = organisation;
        this.patient = patient;
        this.reason = reason;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    public void review(Review outcome, String reviewer, String note, Instant at) {
        if (outcome == Review.PENDING) {
            throw new IllegalArgumentException("a review concludes as appropriate or escalated");
        }
        this.review = outcome;
        this.reviewedBy = reviewer;
        this.reviewNote = note;
        this.reviewedAt = at;
    }

    public boolean isActiveAt(Instant now) {
        return !now.isBefore(grantedAt) && now.isBefore(expiresAt);
    }

    public Long id() { return id; }
    public String staffUsername() { return staffUsername; }
    public StaffRole staffRole() { return staffRole; }
    public OdsCode organisation() { return organisation; }
    public NhsNumber patient() { return patient; }
    public String reason() { return reason; }
    public Instant grantedAt() { return grantedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Review review() { return review; }
    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
    public String reviewNote() { return reviewNote; }
}
