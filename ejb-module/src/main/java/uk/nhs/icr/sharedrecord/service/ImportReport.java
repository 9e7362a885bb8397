package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one import did: patients registered and matched (already registered), entries added and already present (by
 * kind), the organisations and practitioners added to the directory as imported, and which of the source's
 * references ({@code created}) this import added (patients registered, entries added, organisations and practitioners).
 */
public record ImportReport(int patientsRegistered, int patientsMatched, Map<String, Integer> entriesAdded,
                           Map<String, Integer> entriesAlreadyPresent, int organisationsAdded, int practitionersAdded,
                           Set<String> created) implements Serializable {

    public ImportReport {
        entriesAdded = Map.copyOf(new TreeMap<>(entriesAdded));
        entriesAlreadyPresent = Map.copyOf(new TreeMap<>(entriesAlreadyPresent));
        created = Set.copyOf(created);
    }
}
