package uk.nhs.icr.hospital;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A medication: name (dm+d style), dose, route, frequency; acute or repeat; active or stopped. */
@Entity
@DiscriminatorValue(EntryType.Stored.MEDICATION)
public class Medication extends HospitalEntry {

    public enum Course { ACUTE, REPEAT }

        @Column(name = "dose")
    private String dose;

    @Column(name = "route")
    private String route;

    @Column(name = "frequency")
    private String frequency;

    @Enumerated(EnumType.STRING)
    @Column(name = "course")
    private Course course;

    protected Medication() {
        // for JPA
    }

    public Medication(NhsNumber patient, String name, String dose, String route, String frequency, Course course, EntryStatus status,
                      Instant started, EntryAuthor author, Instant recordedAt) {
        super(EntryType.MEDICATION, patient, started, author, recordedAt, name, status, null);
        this.dose = dose;
        this.route = route;
        this.frequency = frequency;
        this.course = course;
    }

    public String dose() { return dose; }
    public String route() { return route; }
    public String frequency() { return frequency; }
    public Course course() { return course; }


    @Override
    public String summary() {
        return joined(dose, route, frequency, course == null ? null : Codes.phrase(course), status());
    }
}
