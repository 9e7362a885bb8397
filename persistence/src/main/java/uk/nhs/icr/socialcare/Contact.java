package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A contact or next of kin. */
@Entity
@DiscriminatorValue(EntryType.Stored.CONTACT)
public class Contact extends SocialCareEntry {

    @Column(name = "contact_name")
    private String name;

    @Column(name = "relationship")
    private String relationship;

    @Column(name = "telephone")
    private String telephone;

    @Column(name = "next_of_kin")
    private Boolean nextOfKin;

    protected Contact() {
        // for JPA
    }

    public Contact(NhsNumber person, String name, String relationship, String telephone, boolean nextOfKin, Instant at,
                   EntryAuthor author, Instant recordedAt) {
        super(EntryType.CONTACT, person, at, author, recordedAt, nextOfKin ? "Next of kin" : "Contact", EntryStatus.ACTIVE, null);
        this.name = name;
        this.relationship = relationship;
        this.telephone = telephone;
        this.nextOfKin = nextOfKin;
    }


    @Override
    public String summary() {
        return joined(name, relationship, telephone);
    }
}
