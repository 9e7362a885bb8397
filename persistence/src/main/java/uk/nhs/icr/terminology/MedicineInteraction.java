package uk.nhs.icr.terminology;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A clinically important interaction between two sides, each a moiety (warfarin) or a therapeutic group (NSAID), with its
 * severity and what to do. Symmetric: warfarin with an NSAID is an NSAID with warfarin.
 */
@Entity
@Table(name = "medicine_interaction")
public class MedicineInteraction {

    public enum Side { MOIETY, GROUP }

    public enum Severity { MILD, MODERATE, SEVERE }

    @Id
    @Column(name = "id")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "first_kind", nullable = false)
    private Side firstKind;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Enumerated(EnumType.STRING)
    @Column(name = "second_kind", nullable = false)
    private Side secondKind;

    @Column(name = "second_name", nullable = false)
    private String secondName;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false)
    private Severity severity;

    @Column(name = "advice", nullable = false)
    private String advice;

    protected MedicineInteraction() {
        // for JPA
    }

    public MedicineInteraction(Side firstKind, String firstName, Side secondKind, String secondName, Severity severity, String advice) {
        this.firstKind = firstKind;
        this.firstName = firstName;
        this.secondKind = secondKind;
        this.secondName = secondName;
        this.severity = severity;
        this.advice = advice;
    }

    /** Whether these two medicines (different ones) interact this way, in either order. */
    public boolean between(Medicine one, Medicine other) {
        return !one.name().equals(other.name())
                && (matches(firstKind, firstName, one) && matches(secondKind, secondName, other)
                || matches(firstKind, firstName, other) && matches(secondKind, secondName, one));
    }

    private static boolean matches(Side kind, String name, Medicine medicine) {
        String value = kind == Side.MOIETY ? medicine.moiety() : medicine.therapeuticGroup();
        return value != null && value.equalsIgnoreCase(name);
    }

    public Severity severity() { return severity; }
    public String advice() { return advice; }
    public String firstName() { return firstName; }
    public String secondName() { return secondName; }
}
