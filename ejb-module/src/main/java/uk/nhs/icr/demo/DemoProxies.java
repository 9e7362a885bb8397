package uk.nhs.icr.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.ProxyLink.Basis;
import uk.nhs.icr.access.ProxyLink.Service;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.prescriptions.RepeatTemplate;
import uk.nhs.icr.sharedrecord.EntryAuthor;

/**
 * The demo's proxy access, at Beech Road Surgery (Y90001): Hannah Whitfield, a parent, acts for her children Leo (8 in
 * 2026) and Ruby (12: past 11, so the GP has decided her mother's access continues); Ruth Roberts holds a health-and-welfare
 * lasting power of attorney for her mother Siobhan Roberts (93, of the demo register). The four people of the family are
 * numbered at the top of the 998 range, which no register the bulk loader makes reaches. Hannah and Leo have repeats.
 */
final class DemoProxies {

    static final OdsCode PRACTICE = new OdsCode("Y90001");
    /** Siobhan Roberts, of the demo register (index 6). */
    static final NhsNumber SIOBHAN_ROBERTS = NhsNumber.parse("9990000077");
    /** History seeds for the family: indexes past any register, none with an admission or a social care record. */
    static final int FIRST_HISTORY_INDEX = 2_000_005;

    private static final List<NhsNumber> NUMBERS = numbers(4);
    private static final LocalDate RUBY_BORN = LocalDate.of(2014, 1, 20);
    static final NhsNumber HANNAH = NUMBERS.get(0);
    static final NhsNumber LEO = NUMBERS.get(1);
    static final NhsNumber RUBY = NUMBERS.get(2);
    static final NhsNumber RUTH = NUMBERS.get(3);

    static final List<PatientRegistration> PEOPLE = List.of(
            person(HANNAH, "Hannah", "Whitfield", LocalDate.of(1986, 6, 11), Sex.FEMALE, "LS6 2QT"),
            person(LEO, "Leo", "Whitfield", LocalDate.of(2018, 3, 15), Sex.MALE, "LS6 2QT"),
            person(RUBY, "Ruby", "Whitfield", RUBY_BORN, Sex.FEMALE, "LS6 2QT"),
            person(RUTH, "Ruth", "Roberts", LocalDate.of(1961, 2, 3), Sex.FEMALE, "LS11 5AB"));

    private DemoProxies() {
    }

    /** The links as the practice recorded them; Ruby's carries the GP's decision, at her 11th birthday, that it continues. */
    static List<ProxyLink> links(EntryAuthor gp, EntryAuthor admin, Instant now) {
        List<ProxyLink> links = new ArrayList<>();
        links.add(new ProxyLink(LEO, HANNAH, "Hannah Whitfield", Basis.PARENTAL_RESPONSIBILITY, "Birth certificate seen at the practice",
                EnumSet.allOf(Service.class), LocalDate.of(2024, 9, 2), null, PRACTICE, admin.username(), admin.name(), now));
        ProxyLink ruby = new ProxyLink(RUBY, HANNAH, "Hannah Whitfield", Basis.PARENTAL_RESPONSIBILITY,
                "Birth certificate seen at the practice", EnumSet.of(Service.RECORD, Service.APPOINTMENTS, Service.PRESCRIPTIONS),
                LocalDate.of(2024, 9, 2), null, PRACTICE, admin.username(), admin.name(), now);
        ruby.continuePastEleven(gp.name(), now, RUBY_BORN);
        links.add(ruby);
        links.add(new ProxyLink(SIOBHAN_ROBERTS, RUTH, "Ruth Roberts", Basis.LASTING_POWER_OF_ATTORNEY,
                "Registered health and welfare LPA checked with the Office of the Public Guardian (reference 7000-1234-5678)",
                Set.of(Service.RECORD, Service.APPOINTMENTS, Service.PRESCRIPTIONS, Service.PREFERENCES), LocalDate.of(2025, 2, 10), null,
                PRACTICE, gp.username(), gp.name(), now));
        return links;
    }

    /**
     * Hannah's two latest results, recorded at the demo load: a potassium the GP reviewed and commented on (she sees it),
     * and a cholesterol nobody has reviewed yet (held back from her for the release delay, waiting in the practice's queue).
     */
    static List<BloodTestResult> freshResults(EntryAuthor gp, Instant now) {
        BloodTestResult potassium = new BloodTestResult(HANNAH, "Potassium", new BigDecimal("5.6"), "mmol/L", new BigDecimal("3.5"),
                new BigDecimal("5.3"), now.minusSeconds(2 * 86_400), gp, now);
        potassium.requestedBy(gp.name());
        potassium.holdForReview(DemoRecords.RESULT_RELEASE_DELAY);
        potassium.review(gp.username(), gp.name(), "Slightly high. Please book a repeat blood test in 2 weeks; no need to worry meanwhile.",
                now);
        BloodTestResult cholesterol = new BloodTestResult(HANNAH, "Total cholesterol", new BigDecimal("6.4"), "mmol/L", null,
                new BigDecimal("5"), now.minusSeconds(86_400), gp, now);
        cholesterol.requestedBy(gp.name());
        cholesterol.holdForReview(DemoRecords.RESULT_RELEASE_DELAY);
        return List.of(potassium, cholesterol);
    }

    /**
     * The family's repeats: Hannah's levothyroxine (requestable), her ramipril (medication review overdue) and her
     * omeprazole (no issues left); Leo's salbutamol inhaler, which his mother requests for him.
     */
    static List<RepeatTemplate> repeats(EntryAuthor gp, Instant now, LocalDate today) {
        return List.of(
                repeat(HANNAH, "Levothyroxine 50 microgram tablets", "One each morning", 6, 2, today.plusMonths(5), gp, now),
                repeat(HANNAH, "Ramipril 5 mg capsules", "One a day", 6, 3, today.minusDays(20), gp, now),
                repeat(HANNAH, "Omeprazole 20 mg capsules", "One a day before breakfast", 3, 3, today.plusMonths(2), gp, now),
                repeat(LEO, "Salbutamol 100 micrograms/dose inhaler", "Two puffs when needed", 4, 1, today.plusMonths(8), gp, now));
    }

    private static RepeatTemplate repeat(NhsNumber patient, String medicine, String dose, int allowed, int used, LocalDate review,
                                         EntryAuthor gp, Instant now) {
        return new RepeatTemplate(patient, medicine, dose, "28 days' supply", allowed, used, review, PRACTICE, gp.username(), gp.name(), now);
    }

    private static PatientRegistration person(NhsNumber number, String given, String family, LocalDate born, Sex sex, String postcode) {
        return new PatientRegistration(number, given, family, born, sex, Postcode.parse(postcode), PRACTICE);
    }

    /** The first valid NHS numbers from 998 999 990 on. */
    private static List<NhsNumber> numbers(int count) {
        List<NhsNumber> found = new ArrayList<>();
        for (long prefix = 998_999_990L; found.size() < count; prefix++) {
            NhsNumber.fromFirstNineDigits(Long.toString(prefix)).ifPresent(found::add);
        }
        return List.copyOf(found);
    }
}
