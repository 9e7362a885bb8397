package uk.nhs.icr.terminology;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A medicine as dm+d names a virtual medicinal product ("Amlodipine 5mg tablets"), under its moiety
 * ("Amlodipine"), with the route it is given by and the unit its dose is written in.
 */
@Entity
@Table(name = "medicine")
public class Medicine {

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "dmd_code")
    private String dmdCode;

    @Column(name = "vtm", nullable = false)
    private String moiety;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "form", nullable = false)
    private String form;

    @Column(name = "strength")
    private String strength;

    @Column(name = "route", nullable = false)
    private String route;

    @Column(name = "dose_unit", nullable = false)
    private String doseUnit;

    protected Medicine() {
        // for JPA
    }

    public String moiety() {
        return moiety;
    }

    public String name() {
        return name;
    }

    public String form() {
        return form;
    }

    public String strength() {
        return strength;
    }

    public String route() {
        return route;
    }

    public String doseUnit() {
        return doseUnit;
    }
}
