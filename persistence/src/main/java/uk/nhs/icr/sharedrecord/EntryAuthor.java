package uk.nhs.icr.sharedrecord;

import java.io.Serializable;
import java.util.Objects;

import uk.nhs.icr.platform.OdsCode;

/** Who wrote an entry in either record, and for which organisation: shown beside every entry. */
public record EntryAuthor(String username, String name, OdsCode organisation) implements Serializable {

    public EntryAuthor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisation, "organisation");
    }
}
