package uk.nhs.icr.access;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

import uk.nhs.icr.platform.OdsCode;

/** An NHS or care organisation, known by its ODS code. */
@Entity
@Table(name = "organisation")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ods_code", nullable = false, unique = true)
    private OdsCode odsCode;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private OrganisationType type;

    /** For an organisation a FHIR bundle named that ICR did not know: its identifier there ({@code system|value}). */
    @Column(name = "imported_from", unique = true, updatable = false)
    private String importedFrom;

    protected Organisation() {
        // for JPA
    }

    public Organisation(OdsCode odsCode, String name, OrganisationType type) {
        this.odsCode = odsCode;
        this.name = name;
        this.type = type;
    }

    /** An organisation first known from an imported bundle, under a code ICR minted, marked with where it came from. */
    public static Organisation imported(OdsCode minted, String name, OrganisationType type, String importedFrom) {
        Organisation organisation = new Organisation(minted, name, type);
        organisation.importedFrom = importedFrom;
        return organisation;
    }

    public String importedFrom() {
        return importedFrom;
    }

    public OdsCode odsCode() {
        return odsCode;
    }

    public String name() {
        return name;
    }

    public OrganisationType type() {
        return type;
    }
}
