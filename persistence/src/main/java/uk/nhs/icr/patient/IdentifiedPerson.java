package uk.nhs.icr.patient;

import java.util.Objects;

import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

/**
 * Someone one of the two records knows by their identity (NHS number, names, date of birth): the hospital's
 * {@link Patient} and social care's {@code Person}, created from the same {@link PatientIdentity}.
 */
@MappedSuperclass
public abstract class IdentifiedPerson {

    @Embedded
    private PatientIdentity identity;

    protected IdentifiedPerson() {
        // for JPA
    }

    protected IdentifiedPerson(PatientIdentity identity) {
        this.identity = Objects.requireNonNull(identity);
    }

    public NhsNumber nhsNumber() {
        return identity.nhsNumber();
    }

    public PatientIdentity identity() {
        return identity;
    }
}
