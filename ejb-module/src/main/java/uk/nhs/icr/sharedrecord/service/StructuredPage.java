package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.util.List;

/**
 * A page of a patient's entries with the number of all that match, and whether something is withheld from this reader at
 * the patient's request (the reader is told that, never what).
 */
public record StructuredPage(List<StructuredEntry> items, long total, boolean withheld) implements Serializable {

    public StructuredPage {
        items = List.copyOf(items);
    }
}
