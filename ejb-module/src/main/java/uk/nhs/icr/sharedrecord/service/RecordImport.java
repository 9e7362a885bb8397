package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/**
 * Records from another system to add to ICR in one transaction, in ICR's terms: what one FHIR bundle carried. Each part
 * is known by the source's reference to it ({@code ref}: its identifier there, {@code system|value}, or the resource's
 * own id), which makes importing the same records again add nothing.
 */
public record RecordImport(List<SourceOrganisation> organisations, List<SourcePractitioner> practitioners,
                           List<SourcePatient> patients, List<SourceEntry> entries) implements Serializable {

    public RecordImport {
        organisations = List.copyOf(organisations);
        practitioners = List.copyOf(practitioners);
        patients = List.copyOf(patients);
        entries = List.copyOf(entries);
    }

    /** An organisation: known to ICR by its ODS code when it has one, otherwise added to the directory as imported. */
    public record SourceOrganisation(String ref, String name, String odsCode) implements Serializable {
        public SourceOrganisation {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** A practitioner, named as the author of the entries that refer to them. */
    public record SourcePractitioner(String ref, String name, String organisationRef) implements Serializable {
        public SourcePractitioner {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * A patient: matched by NHS number when registered (never registered twice), registered otherwise, at their GP
     * practice when the source names one ICR knows. A postcode that is not a UK one is left unknown.
     */
    public record SourcePatient(String ref, NhsNumber nhsNumber, String givenName, String familyName, LocalDate birthDate, Sex sex,
                                String postcode, String practiceRef) implements Serializable {
        public SourcePatient {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(nhsNumber, "nhsNumber");
        }
    }

    /**
     * One entry of a patient's hospital record. The kind's own fields are filled for its kind: a blood test's value, unit
     * and range; a medicine's dose, route and frequency; an allergy's reaction and severity (MILD, MODERATE, SEVERE); an
     * encounter's kind (OUTPATIENT, ADMISSION, EMERGENCY) and end.
     */
    public record SourceEntry(String patientRef, String ref, EntryType type, Instant occurredAt, String title, String snomedCode,
                              EntryStatus status, String organisationRef, String practitionerRef, String details, BigDecimal value,
                              String unit, BigDecimal referenceLow, BigDecimal referenceHigh, String dose, String route, String frequency,
                              String reaction, String severity, String encounterKind, Instant endedAt) implements Serializable {
        public SourceEntry {
            Objects.requireNonNull(patientRef, "patientRef");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(type, "type");
        }
    }
}
