package uk.nhs.icr.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.consent.service.ConsentService.NewConsentDirective;
import uk.nhs.icr.consent.service.ConsentService.NewProvision;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewBloodTest;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewTreatmentPlan;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewCareVisit;

/** The constraints on the services' commands, as a client would meet them: field by field, in the form's order. */
class CommandConstraintsTest {

    /** 25 November 2026, 23:30 in London (GMT): still the 25th in England. */
    private static final Instant NOW = Instant.parse("2026-11-25T23:30:00Z");
    private static final CommandValidation VALIDATION = CommandValidation.at(NOW);

    private static NewBloodTest bloodTest(String low, String high, Instant reported) {
        return new NewBloodTest("Potassium", new BigDecimal("4.1"), "mmol/L", low == null ? null : new BigDecimal(low),
                high == null ? null : new BigDecimal(high), reported, null, null);
    }

    @Test
    void a_reference_range_upside_down_is_refused_on_its_high_end() {
        assertEquals(List.of(new FieldError("referenceHigh", "reference high must not be below reference low")),
                VALIDATION.errors(bloodTest("5.3", "3.5", NOW)));
        assertEquals(List.of(), VALIDATION.errors(bloodTest("3.5", "3.5", NOW)), "a range of one value is a range");
        assertEquals(List.of(), VALIDATION.errors(bloodTest(null, "5.3", NOW)), "an open range is a range");
    }

    @Test
    void a_time_a_minute_ahead_is_now_but_later_is_the_future() {
        assertEquals(List.of(), VALIDATION.errors(bloodTest(null, null, NOW.plusSeconds(60))));
        assertEquals(List.of(new FieldError("reportedAt", "reported time cannot be in the future")),
                VALIDATION.errors(bloodTest(null, null, NOW.plusSeconds(61))));
    }

    @Test
    void every_refusal_comes_at_once_in_the_order_of_the_form() {
        NewBloodTest everythingWrong = new NewBloodTest(" ", new BigDecimal("1000000000"), "x".repeat(31), new BigDecimal("9"),
                new BigDecimal("1"), null, null, "x".repeat(201));
        assertEquals(List.of("test", "value", "unit", "referenceHigh", "reportedAt", "requestedBy"),
                VALIDATION.refusedFields(everythingWrong));
    }

    @Test
    void a_review_date_is_today_or_later_in_england() {
        assertEquals(List.of(), VALIDATION.errors(plan(LocalDate.of(2026, 11, 25))));
        assertEquals(List.of(new FieldError("reviewDate", "review date cannot be in the past")),
                VALIDATION.errors(plan(LocalDate.of(2026, 11, 24))));
    }

    private static NewTreatmentPlan plan(LocalDate review) {
        return new NewTreatmentPlan("Heart failure plan", "No admissions", "Daily weights", "Dr Mistry", review);
    }

    @Test
    void a_visit_ends_after_it_starts() {
        Instant eight = Instant.parse("2026-11-20T08:00:00Z");
        NewCareVisit backwards = new NewCareVisit(eight, eight, eight.plusSeconds(600), eight, "Breakfast", null);
        assertEquals(List.of(new FieldError("plannedEnd", "planned end must be after planned start"),
                new FieldError("actualEnd", "actual end must be after actual start")), VALIDATION.errors(backwards));
    }

    @Test
    void text_with_control_characters_is_refused_but_line_breaks_are_text() {
        NewCareVisit visit = new NewCareVisit(NOW.minusSeconds(3600), NOW.minusSeconds(1800), NOW.minusSeconds(3600),
                NOW.minusSeconds(1800), "Breakfast\nWalk", "bell\u0007");
        assertEquals(List.of(new FieldError("notes", "notes must not contain control characters")), VALIDATION.errors(visit));
    }

    @Test
    void text_that_a_screen_would_show_reversed_is_refused() {
        NewCareVisit visit = new NewCareVisit(NOW.minusSeconds(3600), NOW.minusSeconds(1800), NOW.minusSeconds(3600),
                NOW.minusSeconds(1800), "Gave \u202Edesufer\u202C medication", null);
        assertEquals(List.of(new FieldError("tasksDone", "tasks done must not contain text-direction controls")), VALIDATION.errors(visit));
    }

    @Test
    void staff_recording_a_directive_for_the_patient_say_why() {
        NewConsentDirective unexplained = new NewConsentDirective(ConsentDirective.Status.ACTIVE, null, null, null, "asked", true, List.of());
        assertEquals(List.of(new FieldError("reason", "reason must say why you record this for the patient (at least 10 characters)")),
                VALIDATION.errors(unexplained));
    }

    @Test
    void a_provision_is_named_by_its_place_in_the_list() {
        NewProvision endsFirst = new NewProvision(Provision.Type.DENY, List.of(), List.of(), List.of(), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1));
        NewProvision withAHole = new NewProvision(null, Arrays.asList(null, null), List.of(), List.of(), null, null);
        NewConsentDirective directive = new NewConsentDirective(ConsentDirective.Status.ACTIVE, null, null, null,
                "Patient asked at clinic today", true, List.of(endsFirst, withAHole));

        assertEquals(List.of(new FieldError("provisions[0].end", "end must not be before start"),
                new FieldError("provisions[1].type", "type is required"),
                new FieldError("provisions[1].categories", "categories must not have an empty item")), VALIDATION.errors(directive));
    }
}
