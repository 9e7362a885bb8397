package uk.nhs.icr.inpatient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.platform.OdsCode;

/** A ward of a hospital trust, known by its code within the trust ("OAK" at RXA). */
@Entity
@Table(name = "ward")
public class Ward {

    @Id
    private Long id;

    @Column(name = "organisation_ods", nullable = false, updatable = false)
    private OdsCode organisation;

    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    protected Ward() {
        // for JPA; wards are reference data, added by migration
    }

    public Long id() { return id; }
    public OdsCode organisation() { return organisation; }
    public String code() { return code; }
    public String name() { return name; }
}
