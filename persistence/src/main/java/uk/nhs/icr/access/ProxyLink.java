package uk.nhs.icr.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;

/**
 * Someone who may act for a patient in the app, as their GP practice recorded it (NHS England's proxy-access guidance):
 * who, on what legal basis and evidence, for which services, from when to when. Whether the link lets its proxy in on a
 * given day is {@link #standingOn}: a parent's access is suspended at the child's 11th birthday until the GP decides it
 * continues; from 16 a patient is presumed to have capacity, and a parent's or carer's access stands only once a GP has
 * confirmed the patient consents freely; an attorney's or a deputy's rests on their legal authority instead.
 */
@Entity
@Table(name = "proxy_link")
public class ProxyLink {

    /** The legal basis on which the proxy acts. */
    public enum Basis {
        /** A parent or guardian with parental responsibility, for a child under 16. */
        PARENTAL_RESPONSIBILITY("parent or guardian"),
        /** A carer, with the consent of the patient (16 or over). */
        CARER_WITH_CONSENT("carer"),
        /** A registered health-and-welfare lasting power of attorney, for an adult. */
        LASTING_POWER_OF_ATTORNEY("lasting power of attorney (health and welfare)"),
        /** A deputy appointed by the Court of Protection, for an adult. */
        COURT_DEPUTY("court-appointed deputy");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Acts by a legal authority over an adult who may lack capacity, not by the patient's consent. */
        public boolean legalAuthority() {
            return this == LASTING_POWER_OF_ATTORNEY || this == COURT_DEPUTY;
        }

        /**
         * Whether someone acting on this basis makes the National Data Opt-out choice for a patient of this age: a parent
         * or guardian for a child younger than {@code ownChoicesAge} (from then it is the young person's own), an attorney
         * or deputy for an adult; never a carer, who acts with the patient's consent, not in their place.
         */
        public boolean setsDataOptOutAt(int patientAge, int ownChoicesAge) {
            return this == PARENTAL_RESPONSIBILITY ? patientAge < ownChoicesAge : legalAuthority() && patientAge >= ADULT_AGE;
        }
    }

    /** What a proxy may do in the app for the patient. */
    public enum Service {
        RECORD("their record"), APPOINTMENTS("their appointments"), PRESCRIPTIONS("their repeat prescriptions"),
        PREFERENCES("their preferences");

        private final String label;

        Service(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the link lets its proxy in on a day, and if not, why (in words the proxy and the practice read). */
    public record Standing(boolean active, String why) {
        static final Standing ACTIVE = new Standing(true, "active");

        static Standing inactive(String why) {
            return new Standing(false, why);
        }
    }

    /** A child's confidentiality begins to matter here: a parent's access is reviewed. */
    public static final int REVIEW_AGE = 11;
    /** A young person is presumed to have capacity from here. */
    public static final int CAPACITY_AGE = 16;
    /** Attorneys and deputies act for adults. */
    public static final int ADULT_AGE = 18;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "proxy_nhs_number", nullable = false, updatable = false)
    private NhsNumber proxy;

    @Column(name = "proxy_name", nullable = false, updatable = false)
    private String proxyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "basis", nullable = false, updatable = false)
    private Basis basis;

    @Column(name = "evidence", nullable = false, updatable = false)
    private String evidence;

    @Convert(converter = ProxyServicesConverter.class)
    @Column(name = "services", nullable = false, updatable = false)
    private List<Service> services;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", updatable = false)
    private LocalDate endsOn;

    @Column(name = "practice_ods", nullable = false, updatable = false)
    private OdsCode practice;

    @Column(name = "recorded_by_username", nullable = false, updatable = false)
    private String recordedByUsername;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "consent_confirmed_by")
    private String consentConfirmedBy;

    @Column(name = "consent_confirmed_at")
    private Instant consentConfirmedAt;

    @Column(name = "continued_past_eleven_by")
    private String continuedPastElevenBy;

    @Column(name = "continued_past_eleven_at")
    private Instant continuedPastElevenAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ProxyLink() {
        // for JPA
    }

    public ProxyLink(NhsNumber patient, NhsNumber proxy, String proxyName, Basis basis, String evidence, Set<Service> services,
                     LocalDate startsOn, LocalDate endsOn, OdsCode practice, String recordedByUsername, String recordedByName,
                     Instant recordedAt) {
        if (patient.equals(proxy)) {
            throw new IllegalArgumentException("a patient is not their own proxy");
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a proxy is granted at least one service");
        }
        this.patient = patient;
        this.proxy = proxy;
        this.proxyName = Objects.requireNonNull(proxyName);
        this.basis = Objects.requireNonNull(basis);
        this.evidence = Objects.requireNonNull(evidence);
        this.services = EnumSet.copyOf(services).stream().toList();
        this.startsOn = Objects.requireNonNull(startsOn);
        this.endsOn = endsOn;
        this.practice = Objects.requireNonNull(practice);
        this.recordedByUsername = Objects.requireNonNull(recordedByUsername);
        this.recordedByName = Objects.requireNonNull(recordedByName);
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    /**
     * Why this basis cannot be recorded for a patient of this age, if it cannot: a parent acts for a child under 16;
     * an attorney or a deputy for an adult; a carer for someone of 16 or over, with their consent.
     */
    public static Optional<String> basisRefusedAtAge(Basis basis, int age) {
        return switch (basis) {
            case PARENTAL_RESPONSIBILITY -> age < CAPACITY_AGE ? Optional.empty()
                    : Optional.of("from 16 a young person is presumed to have capacity: record a carer with their consent instead");
            case CARER_WITH_CONSENT -> age >= CAPACITY_AGE ? Optional.empty()
                    : Optional.of("for a child under 16 it is a parent or guardian with parental responsibility who acts");
            case LASTING_POWER_OF_ATTORNEY, COURT_DEPUTY -> age >= ADULT_AGE ? Optional.empty()
                    : Optional.of("a lasting power of attorney or a court deputy acts for an adult");
        };
    }

    /**
     * Whether the link lets the proxy in on {@code day}, for a patient born on {@code patientBorn}: recorded, begun and not
     * ended; for a parent, not past the child's 11th birthday without the GP's decision to continue; from the patient's 16th
     * birthday, by a parent or a carer, only with the patient's free consent confirmed by a GP since then.
     */
    public Standing standingOn(LocalDate day, LocalDate patientBorn) {
        if (revokedAt != null) {
            return Standing.inactive("revoked");
        }
        // a carer's or an attorney's basis needs the patient's age (a parent's goes on past 16, with consent: below)
        int age = patientBorn.until(day).getYears();
        if (basis != Basis.PARENTAL_RESPONSIBILITY) {
            Optional<String> wrongBasis = basisRefusedAtAge(basis, age);
            if (wrongBasis.isPresent()) {
                return Standing.inactive(wrongBasis.get());
            }
        }
        if (day.isBefore(startsOn)) {
            return Standing.inactive("starts on " + startsOn);
        }
        if (endsOn != null && day.isAfter(endsOn)) {
            return Standing.inactive("ended on " + endsOn);
        }
        LocalDate sixteenth = patientBorn.plusYears(CAPACITY_AGE);
        if (!basis.legalAuthority() && !day.isBefore(sixteenth) && !consentConfirmedSince(sixteenth)) {
            return Standing.inactive("the patient is 16 or over: access needs a GP's confirmation that they consent freely");
        }
        LocalDate eleventh = patientBorn.plusYears(REVIEW_AGE);
        if (basis == Basis.PARENTAL_RESPONSIBILITY && !day.isBefore(eleventh) && day.isBefore(sixteenth)
                && !onOrAfter(continuedPastElevenAt, eleventh)) {
            return Standing.inactive("suspended at the child's 11th birthday until their GP decides it continues");
        }
        return Standing.ACTIVE;
    }

    private boolean consentConfirmedSince(LocalDate day) {
        return onOrAfter(consentConfirmedAt, day);
    }

    /** Whether a decision was taken (at all, and) on or after that UK day: one taken before a birthday does not count for it. */
    private static boolean onOrAfter(Instant decided, LocalDate day) {
        return decided != null && !decided.atZone(UkClock.ZONE).toLocalDate().isBefore(day);
    }

    public boolean grants(Service service) {
        return services.contains(service);
    }

    /** A GP has confirmed, seeing the patient (16 or over), that they consent to this proxy freely: not coerced. */
    public void confirmConsent(String gpName, Instant at) {
        requireStanding();
        this.consentConfirmedBy = Objects.requireNonNull(gpName);
        this.consentConfirmedAt = Objects.requireNonNull(at);
    }

    /**
     * The child's GP decided, at the review the child's 11th birthday brings, that a parent's access continues. Decided before
     * that birthday it would skip the review, so it is refused.
     */
    public void continuePastEleven(String gpName, Instant at, LocalDate patientBorn) {
        requireStanding();
        if (basis != Basis.PARENTAL_RESPONSIBILITY) {
            throw new IllegalStateException("only a parent's access is reviewed at 11");
        }
        if (!onOrAfter(at, patientBorn.plusYears(REVIEW_AGE))) {
            throw new IllegalStateException("a parent's access is reviewed at the child's 11th birthday, not before");
        }
        this.continuedPastElevenBy = Objects.requireNonNull(gpName);
        this.continuedPastElevenAt = Objects.requireNonNull(at);
    }

    public void revoke(String by, String reason, Instant at) {
        requireStanding();
        this.revokedBy = Objects.requireNonNull(by);
        this.revocationReason = Objects.requireNonNull(reason);
        this.revokedAt = Objects.requireNonNull(at);
    }

    private void requireStanding() {
        if (revokedAt != null) {
            throw new IllegalStateException("this proxy link was revoked");
        }
    }

    public boolean revoked() { return revokedAt != null; }
    public Long id() { return id; }
    public NhsNumber patient() { return patient; }
    public NhsNumber proxy() { return proxy; }
    public String proxyName() { return proxyName; }
    public Basis basis() { return basis; }
    public String evidence() { return evidence; }
    public Set<Service> services() { return services.isEmpty() ? Set.of() : EnumSet.copyOf(services); }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public OdsCode practice() { return practice; }
    public String recordedByName() { return recordedByName; }
    public Instant recordedAt() { return recordedAt; }
    public String consentConfirmedBy() { return consentConfirmedBy; }
    public Instant consentConfirmedAt() { return consentConfirmedAt; }
    public String continuedPastElevenBy() { return continuedPastElevenBy; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedBy() { return revokedBy; }
    public String revocationReason() { return revocationReason; }
    public long version() { return version; }
}
