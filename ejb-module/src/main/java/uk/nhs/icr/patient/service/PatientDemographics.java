package uk.nhs.icr.patient.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientIdentity;

/**
 * What the edges see of a registered patient. Plain values, so it serialises as JSON and binds in Faces.
 * {@code version}: 1 as registered, one more with each change (what an ETag names).
 */
public record PatientDemographics(String nhsNumber, String givenName, String familyName, LocalDate birthDate,
                                  String sex, String postcode, String gpPracticeOdsCode, Instant registeredAt, int version)
        implements Serializable {

    public static PatientDemographics of(Patient patient) {
        PatientIdentity identity = patient.identity();
        return new PatientDemographics(identity.nhsNumber().value(), identity.givenName(), identity.familyName(),
                identity.birthDate(), patient.sex().code(), patient.postcode().value(),
                patient.gpPractice().value(), patient.registeredAt(), versionOf(patient));
    }

    /** The demographics' version as clients see it: the registration is version 1. */
    static int versionOf(Patient patient) {
        return Math.toIntExact(patient.version() + 1);
    }

    /** The NHS number as people read it, {@code 943 476 5919}. */
    public String nhsNumberFormatted() {
        return NhsNumber.parse(nhsNumber).formatted();
    }

    @Override
    public String toString() {
        return "PatientDemographics[***]";
    }
}
