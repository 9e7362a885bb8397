package uk.nhs.icr.organdonation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.VersionedDecision;

/**
 * One version of a person's organ-donation decision on the register: opt in (to everything, or to chosen
 * organs and tissue), opt out, or appointed representatives (at most {@link #MAX_REPRESENTATIVES}), with an
 * optional faith or belief declaration. A change is a new version; the highest is current.
 */
@Entity
@Table(name = "organ_donation_decision")
public class OrganDonationDecision extends VersionedDecision {

    public static final int MAX_REPRESENTATIVES = 2;

    public enum Choice { OPT_IN, OPT_OUT, REPRESENTATIVES }

    @Enumerated(EnumType.STRING)
    @Column(name = "decision", nullable = false, updatable = false)
    private Choice choice;

    /** For an opt-in: the organs and tissue chosen; empty means all. */
    @Convert(converter = OrgansConverter.class)
    @Column(name = "organs", updatable = false)
    private List<Organ> organs;

    @Convert(converter = RepresentativesConverter.class)
    @Column(name = "representatives", updatable = false)
    private List<Representative> representatives;

    @Column(name = "faith_declaration", nullable = false, updatable = false)
    private boolean faithDeclaration;

    protected OrganDonationDecision() {
        // for JPA
    }

    public OrganDonationDecision(NhsNumber patient, int version, Choice choice, List<Organ> organs, List<Representative> representatives,
                                 boolean faithDeclaration, Recorder recorder, Instant recordedAt) {
        super(patient, version, recorder, recordedAt);
        if (choice == Choice.REPRESENTATIVES && (representatives.isEmpty() || representatives.size() > MAX_REPRESENTATIVES)) {
            throw new IllegalArgumentException("one or two representatives");
        }
        if (recorder.kind() == RecordedBy.PROXY) {
            throw new IllegalArgumentException("the person or staff on their behalf record a donation decision, not a proxy");
        }
        this.choice = Objects.requireNonNull(choice);
        this.organs = choice == Choice.OPT_IN ? List.copyOf(organs) : List.of();
        this.representatives = choice == Choice.REPRESENTATIVES ? List.copyOf(representatives) : List.of();
        this.faithDeclaration = faithDeclaration;
    }

    public Choice choice() { return choice; }
    public List<Organ> organs() { return organs == null ? List.of() : organs; }
    public List<Representative> representatives() { return representatives == null ? List.of() : representatives; }
    public boolean faithDeclaration() { return faithDeclaration; }
}
