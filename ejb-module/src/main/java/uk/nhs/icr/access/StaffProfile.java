package uk.nhs.icr.access;

import java.io.Serializable;

import uk.nhs.icr.shared.OdsCode;

/** The signed-in member of staff, as every portal page shows them. */
public record StaffProfile(String username, String displayName, StaffRole role, OdsCode organisation,
                           String organisationName) implements Serializable {

    public String roleLabel() {
        return role.label();
    }

    public String organisationLabel() {
        return organisationName + " (" + organisation.value() + ")";
    }
}
