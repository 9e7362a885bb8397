package uk.nhs.icr.terminology;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.sharedrecord.DataCategory;

/** A problem or diagnosis as SNOMED CT codes it, and the data category consent provisions know it by. */
@Entity
@Table(name = "clinical_finding")
public class ClinicalFinding {

    @Id
    @Column(name = "snomed_code")
    private String snomedCode;

    @Column(name = "term", nullable = false)
    private String term;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private DataCategory category;

    protected ClinicalFinding() {
        // for JPA
    }

    public String snomedCode() {
        return snomedCode;
    }

    public String term() {
        return term;
    }

    public DataCategory category() {
        return category;
    }
}
