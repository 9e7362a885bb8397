package uk.nhs.icr.access.service;

import java.io.Serializable;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.platform.OdsCode;

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
