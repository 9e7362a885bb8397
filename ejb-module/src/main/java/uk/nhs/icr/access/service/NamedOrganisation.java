package uk.nhs.icr.access.service;

import java.io.Serializable;

import uk.nhs.icr.access.Organisation;

/** An organisation as a form offers it: chosen by name, sent as its ODS code. */
public record NamedOrganisation(String odsCode, String name) implements Serializable {

    public static NamedOrganisation of(Organisation organisation) {
        return new NamedOrganisation(organisation.odsCode().value(), organisation.name());
    }
}
