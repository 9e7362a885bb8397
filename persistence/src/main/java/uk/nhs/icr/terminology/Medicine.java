package uk.nhs.icr.terminology;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

/**
 * A medicine as dm+d names a virtual medicinal product ("Amlodipine 5mg tablets"), under its moiety
 * ("Amlodipine"), with the route it is given by and the unit its dose is written in; and what prescribing checks need:
 * its therapeutic group, its allergy classes, the usual maximum daily dose (in the dose unit), whether it is time-critical
 * or a controlled drug.
 */
@Entity
@Table(name = "medicine")
public class Medicine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    @Column(name = "therapeutic_group")
    private String therapeuticGroup;

    @Column(name = "max_daily_dose")
    private BigDecimal maxDailyDose;

    @Column(name = "time_critical", nullable = false)
    private boolean timeCritical;

    @Column(name = "controlled_drug", nullable = false)
    private boolean controlledDrug;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "medicine_allergy_class", joinColumns = @JoinColumn(name = "medicine_id"))
    @Column(name = "allergy_class", nullable = false)
    private Set<String> allergyClasses = new TreeSet<>();

    protected Medicine() {
        // for JPA
    }

    /** A medicine as a formulary release lists it. */
    public Medicine(String dmdCode, String moiety, String name, String form, String strength, String route, String doseUnit) {
        this.dmdCode = dmdCode;
        this.moiety = moiety;
        this.name = name;
        this.form = form;
        this.strength = strength;
        this.route = route;
        this.doseUnit = doseUnit;
    }

    /** What a release says of the medicine now (a new release may regroup it, or add an allergy class). */
    public void revise(String newDmdCode, String newMoiety, String newForm, String newStrength, String newRoute, String newDoseUnit,
                       String group, Set<String> classes, BigDecimal maxDaily, boolean critical, boolean controlled) {
        if (newDmdCode != null) {
            this.dmdCode = newDmdCode;
        }
        this.moiety = newMoiety;
        this.form = newForm;
        this.strength = newStrength;
        this.route = newRoute;
        this.doseUnit = newDoseUnit;
        this.therapeuticGroup = group;
        this.allergyClasses.clear();
        this.allergyClasses.addAll(classes);
        this.maxDailyDose = maxDaily;
        this.timeCritical = critical;
        this.controlledDrug = controlled;
    }

    public Long id() {
        return id;
    }

    public String dmdCode() {
        return dmdCode;
    }

    public String therapeuticGroup() {
        return therapeuticGroup;
    }

    public Set<String> allergyClasses() {
        return Set.copyOf(allergyClasses);
    }

    public BigDecimal maxDailyDose() {
        return maxDailyDose;
    }

    public boolean timeCritical() {
        return timeCritical;
    }

    public boolean controlledDrug() {
        return controlledDrug;
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
