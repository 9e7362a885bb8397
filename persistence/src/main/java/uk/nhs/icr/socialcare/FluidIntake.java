package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** One drink on a person's food and fluid chart: how much, of what, when, and who saw it taken. */
@Entity
@Table(name = "fluid_intake")
public class FluidIntake {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_nhs_number", nullable = false, updatable = false)
    private NhsNumber person;

    @Column(name = "provider_ods", nullable = false, updatable = false)
    private OdsCode provider;

    @Column(name = "taken_at", nullable = false, updatable = false)
    private Instant takenAt;

    @Column(name = "amount_ml", nullable = false, updatable = false)
    private int amountMl;

    @Column(name = "drink", nullable = false, updatable = false)
    private String drink;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected FluidIntake() {
        // for JPA
    }

    public FluidIntake(NhsNumber person, OdsCode provider, Instant takenAt, int amountMl, String drink, String recordedBy,
                       String recordedByName, Instant recordedAt) {
        this.person = person;
        this.provider = provider;
        this.takenAt = takenAt;
        this.amountMl = amountMl;
        this.drink = drink;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public Instant takenAt() { return takenAt; }
    public int amountMl() { return amountMl; }
    public String drink() { return drink; }
    public String recordedByName() { return recordedByName; }
}
