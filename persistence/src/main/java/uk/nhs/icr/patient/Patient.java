package uk.nhs.icr.patient;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;

/**
 * A patient's demographic record in the hospital database: who they are and which GP practice they are
 * registered with. The NHS number identifies them across both records.
 */
@Entity
@Table(name = "patient")
public class Patient extends IdentifiedPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_seq")
    @SequenceGenerator(name = "patient_seq", sequenceName = "patient_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", nullable = false)
    private Sex sex;

    @Column(name = "postcode", nullable = false)
    private Postcode postcode;

    @Column(name = "gp_practice_ods", nullable = false)
    private OdsCode gpPractice;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Patient() {
        // for JPA
    }

    public Patient(PatientIdentity identity, Sex sex, Postcode postcode, OdsCode gpPractice, Instant registeredAt) {
        super(identity);
        this.sex = Objects.requireNonNull(sex);
        this.postcode = Objects.requireNonNull(postcode);
        this.gpPractice = Objects.requireNonNull(gpPractice);
        this.registeredAt = Objects.requireNonNull(registeredAt);
    }

    /** A change of address: only the postcode is held so far. */
    public void moveTo(Postcode newPostcode) {
        this.postcode = Objects.requireNonNull(newPostcode);
    }

    public Long id() {
        return id;
    }


    /** Changes so far (0 as registered), counted by the persistence layer's optimistic lock. */
    public long version() {
        return version;
    }

    public Sex sex() {
        return sex;
    }

    public Postcode postcode() {
        return postcode;
    }

    public OdsCode gpPractice() {
        return gpPractice;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
