package uk.nhs.icr.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A practitioner a FHIR bundle named: a directory entry marked imported, with no sign-in and no role, kept so that
 * imported entries name their authors as the source did.
 */
@Entity
@Table(name = "imported_practitioner")
public class ImportedPractitioner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "imported_from", nullable = false, unique = true, updatable = false)
    private String importedFrom;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "organisation_ods")
    private String organisationOds;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;

    protected ImportedPractitioner() {
        // for JPA
    }

    public ImportedPractitioner(String importedFrom, String displayName, String organisationOds, Instant importedAt) {
        this.importedFrom = importedFrom;
        this.displayName = displayName;
        this.organisationOds = organisationOds;
        this.importedAt = importedAt;
    }

    public String importedFrom() {
        return importedFrom;
    }

    public String displayName() {
        return displayName;
    }
}
