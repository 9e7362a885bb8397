package uk.nhs.icr.access.service;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.patient.NhsNumber;

/**
 * The access decisions taken in this request, by patient: what a {@link PatientDataAccess} method reads to
 * learn what consent withholds, and what lets a second read of the same patient in the same request (the
 * banner, the summary and the first timeline page of one page view) stand on the first decision instead of
 * deciding and auditing again.
 */
@RequestScoped
public class PatientAccess implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A granted read: the decision and what it withholds. */
    public record Opened(AccessDecision decision, Withholding withholding) implements Serializable {
    }

    private final Map<NhsNumber, Opened> reads = new HashMap<>();
    private String note;

    void opened(NhsNumber patient, Opened read) {
        reads.put(patient, read);
    }

    /** After a write, the next read decides afresh: the write may have changed what it withholds. */
    void forget(NhsNumber patient) {
        reads.remove(patient);
    }

    Optional<Opened> readOf(NhsNumber patient) {
        return Optional.ofNullable(reads.get(patient));
    }

    /** What consent withholds from this caller in {@code patient}'s record; nothing if no read was decided. */
    @AccessDecidedInside("hands on a decision already taken in this request")
    public Withholding withholding(NhsNumber patient) {
        return readOf(patient).map(Opened::withholding).orElseGet(() -> Withholding.none("no read decided"));
    }

    /** Adds a detail to the audit entry of the write in progress (which version it records, say). */
    public void note(String detail) {
        this.note = detail;
    }

    String takeNote() {
        String taken = note;
        note = null;
        return taken;
    }
}
