package uk.nhs.icr.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** A referral, appointment or admission that puts an organisation in a patient's care team while open. */
@Entity
@Table(name = "care_relationship")
public class CareEpisode {

    public enum Kind {
        REFERRAL, APPOINTMENT, ADMISSION,
        /** Sent in from social care with a hospital pack: open until its set end, with no discharge access period after. */
        HOSPITAL_TRANSFER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "organisation_ods", nullable = false, updatable = false)
    private OdsCode organisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected CareEpisode() {
        // for JPA
    }

    public CareEpisode(NhsNumber patient, OdsCode organisation, Kind kind, Instant startedAt) {
        this.patient = patient;
        this.organisation = organisation;
        this.kind = kind;
        this.startedAt = startedAt;
    }

    public void close(Instant at) {
        endedAt = at;
    }
}
