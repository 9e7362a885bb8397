package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/**
 * An incident in a person's care (a fall, an injury, a medication error, a near miss): what happened, how severe, the body map,
 * what was done, whether it is notifiable to the CQC, and the safeguarding concern it opened, if it was one.
 */
@Entity
@DiscriminatorValue(EntryType.Stored.INCIDENT)
public class Incident extends SocialCareEntry {

    public enum Kind { FALL, INJURY, MEDICATION_ERROR, NEAR_MISS, PRESSURE_ULCER, OTHER }

    public enum Severity { NO_HARM, LOW, MODERATE, SEVERE, DEATH }

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_kind")
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity")
    private Severity severity;

    @Convert(converter = BodyMarksConverter.class)
    @Column(name = "body_map")
    private List<BodyMark> bodyMap = new ArrayList<>();

    @Column(name = "actions_taken")
    private String actionsTaken;

    @Column(name = "notifiable_to_cqc")
    private Boolean notifiableToCqc;

    @Column(name = "safeguarding_entry_id")
    private Long safeguardingEntryId;

    protected Incident() {
        // for JPA
    }

    public Incident(NhsNumber person, Kind kind, Severity severity, String description, List<BodyMark> bodyMap, String actionsTaken,
                    boolean notifiableToCqc, Instant occurredAt, EntryAuthor author, Instant recordedAt) {
        super(EntryType.INCIDENT, person, occurredAt, author, recordedAt, "Incident: " + Codes.phrase(kind), EntryStatus.OPEN,
                description);
        this.kind = kind;
        this.severity = severity;
        this.bodyMap = List.copyOf(bodyMap);
        this.actionsTaken = actionsTaken;
        this.notifiableToCqc = notifiableToCqc;
    }

    /**
     * The incident was a safeguarding concern too: the concern opened in the record for it. The incident is then filed under
     * safeguarding like the concern, so what one withholds (from the person, from someone acting for them) the other does too.
     */
    public void raisedAsSafeguarding(long concern) {
        this.safeguardingEntryId = concern;
        fileUnder(DataCategory.SAFEGUARDING);
    }

    public Kind kind() { return kind; }
    public Severity severity() { return severity; }
    public List<BodyMark> bodyMap() { return bodyMap == null ? List.of() : List.copyOf(bodyMap); }
    public String actionsTaken() { return actionsTaken; }
    public boolean notifiableToCqc() { return Boolean.TRUE.equals(notifiableToCqc); }
    public Long safeguardingEntryId() { return safeguardingEntryId; }

    @Override
    public String summary() {
        return joined(details(), severity, actionsTaken == null ? null : "Actions: " + actionsTaken,
                bodyMap().isEmpty() ? null : bodyMap().size() + " area(s) on the body map",
                notifiableToCqc() ? "notifiable to the CQC" : null, safeguardingEntryId == null ? null : "raised as a safeguarding concern");
    }
}
