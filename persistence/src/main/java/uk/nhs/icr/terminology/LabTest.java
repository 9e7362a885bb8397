package uk.nhs.icr.terminology;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A laboratory test: the unit its results come in, its usual reference range, and the values a result can have. */
@Entity
@Table(name = "lab_test")
public class LabTest {

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "snomed_code")
    private String snomedCode;

    @Column(name = "unit", nullable = false)
    private String unit;

    @Column(name = "reference_low")
    private BigDecimal referenceLow;

    @Column(name = "reference_high")
    private BigDecimal referenceHigh;

    @Column(name = "plausible_low", nullable = false)
    private BigDecimal plausibleLow;

    @Column(name = "plausible_high", nullable = false)
    private BigDecimal plausibleHigh;

    /** One line a patient understands, shown beside their result ("Potassium helps your nerves and muscles work"). */
    @Column(name = "patient_explanation")
    private String patientExplanation;

    protected LabTest() {
        // for JPA
    }

    /** Whether a result can have this value at all: outside it, the value was mistyped or is in another unit. */
    public boolean plausible(BigDecimal value) {
        return value.compareTo(plausibleLow) >= 0 && value.compareTo(plausibleHigh) <= 0;
    }

    public String name() {
        return name;
    }

    /** The SNOMED CT code of the test, where the release carries one. */
    public String snomedCode() {
        return snomedCode;
    }

    public String unit() {
        return unit;
    }

    public BigDecimal referenceLow() {
        return referenceLow;
    }

    public BigDecimal referenceHigh() {
        return referenceHigh;
    }

    public BigDecimal plausibleLow() {
        return plausibleLow;
    }

    public BigDecimal plausibleHigh() {
        return plausibleHigh;
    }

    public String patientExplanation() {
        return patientExplanation;
    }
}
