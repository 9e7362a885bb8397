package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.IdentifiedPerson;
import uk.nhs.icr.patient.PatientIdentity;

/**
 * A person known to social care, in the social-care database. Linked to the hospital's patient by NHS
 * number (the two databases cannot share a foreign key).
 */
@Entity
@Table(name = "person")
public class Person extends IdentifiedPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    private Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {
        // for JPA
    }

    public Person(PatientIdentity identity, Instant createdAt) {
        super(identity);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() {
        return id;
    }

}
