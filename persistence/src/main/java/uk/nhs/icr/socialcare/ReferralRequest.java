package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/**
 * A request for a social-care assessment opened by a transfer of care from hospital. One per hospital
 * admission: the database refuses a second for the same {@code sourceEncounterId}.
 */
@Entity
@DiscriminatorValue(EntryType.Stored.REFERRAL_REQUEST)
public class ReferralRequest extends SocialCareEntry {

    @Column(name = "source_encounter_id", updatable = false)
    private Long sourceEncounterId;

    @Column(name = "care_provider_ods")
    private OdsCode requestedFrom;

    /** The medicines the patient goes home on, one per line, as the ward's prescriptions stood at discharge. */
    @Column(name = "discharge_medicines", updatable = false)
    private String dischargeMedicines;

    protected ReferralRequest() {
        // for JPA
    }

    public ReferralRequest(NhsNumber person, long sourceEncounterId, OdsCode requestedFrom, String careNeeds, Instant at,
                           EntryAuthor author, Instant recordedAt, String dischargeMedicines) {
        super(EntryType.REFERRAL_REQUEST, person, at, author, recordedAt, "Assessment request after hospital discharge", EntryStatus.OPEN, careNeeds);
        this.sourceEncounterId = sourceEncounterId;
        this.requestedFrom = requestedFrom;
        this.dischargeMedicines = dischargeMedicines;
    }

    public Long sourceEncounterId() { return sourceEncounterId; }
    public OdsCode requestedFrom() { return requestedFrom; }
    public String dischargeMedicines() { return dischargeMedicines; }


    @Override
    public String summary() {
        return joined("Care needs: " + details(), dischargeMedicines == null ? null : "Medicines on discharge: "
                + dischargeMedicines.replace("\n", "; "), requestedFrom == null ? null : "to " + requestedFrom.value(), status());
    }
}
