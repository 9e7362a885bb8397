package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.PatientIdentity;

/**
 * A person known to social care, in the social-care database. Linked to the hospital's patient by NHS
 * number (the two databases cannot share a foreign key).
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    private Long id;

    @Column(name = "nhs_number", nullable = false, updatable = false, length = 10)
    private NhsNumber nhsNumber;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {
        // for JPA
    }

    public Person(PatientIdentity identity, Instant createdAt) {
        this.nhsNumber = identity.nhsNumber();
        this.givenName = identity.givenName();
        this.familyName = identity.familyName();
        this.birthDate = identity.birthDate();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() {
        return id;
    }

    public NhsNumber nhsNumber() {
        return nhsNumber;
    }

    public PatientIdentity identity() {
        return new PatientIdentity(nhsNumber, givenName, familyName, birthDate);
    }
}
