package uk.nhs.icr.waits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A national treatment function code (100 General Surgery, 320 Cardiology ...): what RTT waits are counted by. */
@Entity
@Table(name = "treatment_function")
public class TreatmentFunction {

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    protected TreatmentFunction() {
        // for JPA
    }

    public String code() { return code; }
    public String name() { return name; }
}
