package uk.nhs.icr.research.extract;

import java.io.Serializable;
import java.time.LocalDate;

/** A patient as the extract reads them: what the dataset may generalise, and what the legal basis decides on. */
record PatientRow(String nhsNumber, LocalDate birthDate, String sex, String postcode, boolean optedOut, boolean consented)
        implements Serializable {
}
