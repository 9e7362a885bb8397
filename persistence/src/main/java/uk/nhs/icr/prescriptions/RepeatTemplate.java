package uk.nhs.icr.prescriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/**
 * A repeat a GP authorised: the medicine as prescribed, the quantity of each issue, how many issues the authorisation
 * allows and how many were used, and the date the patient's medication review is due. Whether the patient may request it
 * now is {@link #whyNotRequestable}; each issue counts one.
 */
@Entity
@Table(name = "repeat_template")
public class RepeatTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "medicine", nullable = false, updatable = false)
    private String medicine;

    @Column(name = "dose", nullable = false, updatable = false)
    private String dose;

    @Column(name = "quantity", nullable = false, updatable = false)
    private String quantity;

    @Column(name = "issues_allowed", nullable = false, updatable = false)
    private int issuesAllowed;

    @Column(name = "issues_used", nullable = false)
    private int issuesUsed;

    @Column(name = "review_date", nullable = false, updatable = false)
    private LocalDate reviewDate;

    @Column(name = "practice_ods", nullable = false, updatable = false)
    private OdsCode practice;

    @Column(name = "authorised_by_username", nullable = false, updatable = false)
    private String authorisedByUsername;

    @Column(name = "authorised_by_name", nullable = false, updatable = false)
    private String authorisedByName;

    @Column(name = "authorised_at", nullable = false, updatable = false)
    private Instant authorisedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RepeatTemplate() {
        // for JPA
    }

    public RepeatTemplate(NhsNumber patient, String medicine, String dose, String quantity, int issuesAllowed, int issuesUsed,
                          LocalDate reviewDate, OdsCode practice, String authorisedByUsername, String authorisedByName,
                          Instant authorisedAt) {
        if (issuesAllowed < 1 || issuesUsed < 0 || issuesUsed > issuesAllowed) {
            throw new IllegalArgumentException("issues used must lie between none and the issues allowed");
        }
        this.patient = Objects.requireNonNull(patient);
        this.medicine = Objects.requireNonNull(medicine);
        this.dose = Objects.requireNonNull(dose);
        this.quantity = Objects.requireNonNull(quantity);
        this.issuesAllowed = issuesAllowed;
        this.issuesUsed = issuesUsed;
        this.reviewDate = Objects.requireNonNull(reviewDate);
        this.practice = Objects.requireNonNull(practice);
        this.authorisedByUsername = Objects.requireNonNull(authorisedByUsername);
        this.authorisedByName = Objects.requireNonNull(authorisedByName);
        this.authorisedAt = Objects.requireNonNull(authorisedAt);
    }

    /**
     * Why the patient may not request this repeat on {@code today}, in words they understand, if they may not: it was
     * stopped, their medication review is due, or no issues are left.
     */
    public Optional<String> whyNotRequestable(LocalDate today) {
        if (endedAt != null) {
            return Optional.of("this medicine is no longer on repeat; contact your practice");
        }
        if (today.isAfter(reviewDate)) {
            return Optional.of("your medication review is due; contact your practice");
        }
        if (issuesUsed >= issuesAllowed) {
            return Optional.of("there are no issues left on this repeat; contact your practice to renew it");
        }
        return Optional.empty();
    }

    /** The practice issues one more: refused when none is left. */
    public void issueOne() {
        if (issuesUsed >= issuesAllowed) {
            throw new IllegalStateException("no issues left");
        }
        issuesUsed++;
    }

    public int issuesLeft() {
        return issuesAllowed - issuesUsed;
    }

    public Long id() { return id; }
    public NhsNumber patient() { return patient; }
    public String medicine() { return medicine; }
    public String dose() { return dose; }
    public String quantity() { return quantity; }
    public int issuesAllowed() { return issuesAllowed; }
    public int issuesUsed() { return issuesUsed; }
    public LocalDate reviewDate() { return reviewDate; }
    public OdsCode practice() { return practice; }
    public String authorisedByName() { return authorisedByName; }
    public Instant authorisedAt() { return authorisedAt; }
    public boolean ended() { return endedAt != null; }
}
