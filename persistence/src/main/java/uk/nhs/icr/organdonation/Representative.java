package uk.nhs.icr.organdonation;

import java.io.Serializable;

/** Someone appointed to decide about donation for the person: name, relationship to them, how to reach them. */
public record Representative(String name, String relationship, String contact) implements Serializable {
}
