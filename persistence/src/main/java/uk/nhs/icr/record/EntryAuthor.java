package uk.nhs.icr.record;

import java.io.Serializable;
import java.util.Objects;

import uk.nhs.icr.shared.OdsCode;

/** Who wrote an entry in either record, and for which organisation: shown beside every entry. */
public record EntryAuthor(String username, String name, OdsCode organisation) implements Serializable {

    public EntryAuthor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisation, "organisation");
    }
}
