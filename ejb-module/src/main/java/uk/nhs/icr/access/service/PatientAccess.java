package uk.nhs.icr.access.service;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private final Map<NhsNumber, Map<Resource, Opened>> reads = new HashMap<>();
    private String note;

    void opened(NhsNumber patient, Resource resource, Opened read) {
        reads.computeIfAbsent(patient, p -> new EnumMap<>(Resource.class)).put(resource, read);
    }

    /** After a write, the next read decides afresh: the write may have changed what it withholds. */
    void forget(NhsNumber patient) {
        reads.remove(patient);
    }

    /** A read of {@code patient} already granted in this request for one of {@code resources}, if any. */
    Optional<Opened> readOf(NhsNumber patient, Set<Resource> resources) {
        return reads.getOrDefault(patient, Map.of()).entrySet().stream().filter(read -> resources.contains(read.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** What consent withholds from this caller in {@code patient}'s record; refuses if no read of it was decided. */
    @AccessDecidedInside("hands on a decision already taken in this request")
    public Withholding withholding(NhsNumber patient) {
        return readOf(patient, AccessControl.CARE_RECORD).map(Opened::withholding)
                .orElseThrow(() -> new IllegalStateException("no read of this patient's record was decided in this request"));
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
