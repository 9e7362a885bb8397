package uk.nhs.icr.prescriptions;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** The community pharmacy a patient nominated: where their prescriptions go unless a request names another. */
@Entity
@Table(name = "pharmacy_nomination")
public class PharmacyNomination {

    // the NHS number as text: JPA applies no converter to an identifier
    @Id
    @Column(name = "patient_nhs_number")
    private String patient;

    @Column(name = "pharmacy_ods", nullable = false)
    private OdsCode pharmacy;

    @Column(name = "nominated_at", nullable = false)
    private Instant nominatedAt;

    protected PharmacyNomination() {
        // for JPA
    }

    public PharmacyNomination(NhsNumber patient, OdsCode pharmacy, Instant nominatedAt) {
        this.patient = patient.value();
        nominate(pharmacy, nominatedAt);
    }

    public void nominate(OdsCode another, Instant at) {
        this.pharmacy = Objects.requireNonNull(another);
        this.nominatedAt = Objects.requireNonNull(at);
    }

    public NhsNumber patient() { return NhsNumber.parse(patient); }
    public OdsCode pharmacy() { return pharmacy; }
    public Instant nominatedAt() { return nominatedAt; }
}
