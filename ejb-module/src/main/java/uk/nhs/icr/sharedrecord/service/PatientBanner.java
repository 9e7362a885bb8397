package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.Sex;

/**
 * Who a page is about, as every page about a patient shows it at the top (the NHS patient banner): FAMILY name,
 * given name; date of birth with age; gender; NHS number in 3 3 4; GP practice by name; and whether something is
 * withheld from the reader or they are reading under break-glass (until when).
 */
public record PatientBanner(String familyName, String givenName, LocalDate birthDate, String age, String gender,
                            String nhsNumber, String practiceName, String practiceCode, boolean withheld,
                            Instant breakGlassUntil) implements Serializable {

    /** The banner of a registered patient, their practice named as given, on {@code today}. */
    public static PatientBanner of(Patient patient, String practiceName, boolean withheld, Instant breakGlassUntil, LocalDate today) {
        PatientIdentity identity = patient.identity();
        return new PatientBanner(identity.familyName(), identity.givenName(), identity.birthDate(), age(identity.birthDate(), today),
                gender(patient.sex()), identity.nhsNumber().formatted(), practiceName, patient.gpPractice().value(), withheld,
                breakGlassUntil);
    }

    /** "EVANS, Archie": the family name in capitals, as NHS banners show it so that names are not swapped. */
    public String name() {
        return familyName.toUpperCase(Locale.UK) + ", " + givenName;
    }

    /** "Female", "Male", "Other", "Unknown": the recorded gender as a word. */
    public static String gender(Sex sex) {
        String word = sex.code();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Age as a clinician reads it: years from 2, months under 2, days under a month. */
    public static String age(LocalDate birthDate, LocalDate today) {
        Period period = Period.between(birthDate, today);
        if (period.getYears() >= 2) {
            return period.getYears() + " years";
        }
        long months = period.toTotalMonths();
        if (months >= 1) {
            return months + (months == 1 ? " month" : " months");
        }
        return period.getDays() + (period.getDays() == 1 ? " day" : " days");
    }
}
