package uk.nhs.icr.waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.waits.RttEvent.Kind;
import uk.nhs.icr.waits.RttPathway.StopReason;

class RttPathwayTest {

    private static final OdsCode NORTHGATE = new OdsCode("RXA");
    private static final OdsCode RIVERSIDE = new OdsCode("RXB");
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final RttPathway.Recorder CLINICIAN = new RttPathway.Recorder("clinician", "Dr Rhys Morgan", Instant.EPOCH);

    private static RttPathway pathway() throws ReflectiveOperationException {
        TreatmentFunction cardiology = new TreatmentFunction();
        Field code = TreatmentFunction.class.getDeclaredField("code");
        code.setAccessible(true);
        code.set(cardiology, "320");
        return new RttPathway(NhsNumber.parse("9434765919"), 1L, NORTHGATE, cardiology, RttPathway.Priority.ROUTINE, START, CLINICIAN);
    }

    private static void record(RttPathway pathway, Kind kind, LocalDate on, OdsCode to, StopReason reason, int age) {
        assertEquals(java.util.Optional.empty(), pathway.refusal(kind, on, to, reason, age));
        pathway.record(kind, on, to, reason, null, CLINICIAN);
    }

    @Test
    void a_transfer_moves_the_pathway_and_the_clock_runs_on_from_the_first_referral() throws Exception {
        RttPathway pathway = pathway();
        record(pathway, Kind.FIRST_OUTPATIENT, START.plusWeeks(6), null, null, 50);
        record(pathway, Kind.TRANSFER, START.plusWeeks(8), RIVERSIDE, null, 50);

        assertEquals(RIVERSIDE, pathway.provider());
        assertEquals(START, pathway.clockStart());
        assertEquals(20, pathway.weeksWaited(START.plusWeeks(20).plusDays(6)), "whole weeks from the first clock start");
        assertEquals("toProviderOdsCode", pathway.refusal(Kind.TRANSFER, START.plusWeeks(9), RIVERSIDE, null, 50).orElseThrow().field(),
                "a transfer to the trust it is at already");
    }

    @Test
    void a_stop_ends_the_clock_admitted_only_after_a_decision_to_admit_and_nothing_follows_it() throws Exception {
        RttPathway admitted = pathway();
        record(admitted, Kind.DECISION_TO_ADMIT, START.plusWeeks(4), null, null, 50);
        record(admitted, Kind.CLOCK_STOP, START.plusWeeks(10), null, StopReason.FIRST_DEFINITIVE_TREATMENT, 50);
        assertTrue(admitted.admitted());
        assertFalse(admitted.open());
        assertEquals(10, admitted.weeksWaited(START.plusWeeks(30)), "the wait ends at the stop");
        assertTrue(admitted.refusal(Kind.FIRST_OUTPATIENT, START.plusWeeks(11), null, null, 50).orElseThrow().conflict());

        RttPathway monitored = pathway();
        record(monitored, Kind.CLOCK_STOP, START.plusWeeks(3), null, StopReason.ACTIVE_MONITORING, 50);
        assertFalse(monitored.admitted(), "non-admitted");
    }

    @Test
    void events_come_in_order_once_each_and_a_child_who_was_not_brought_is_not_discharged() throws Exception {
        RttPathway pathway = pathway();
        assertEquals("occurredOn", pathway.refusal(Kind.FIRST_OUTPATIENT, START.minusDays(1), null, null, 9).orElseThrow().field());
        record(pathway, Kind.FIRST_OUTPATIENT, START.plusWeeks(2), null, null, 9);
        assertTrue(pathway.refusal(Kind.FIRST_OUTPATIENT, START.plusWeeks(3), null, null, 9).orElseThrow().conflict());
        assertEquals("stopReason", pathway.refusal(Kind.CLOCK_STOP, START.plusWeeks(3), null, null, 9).orElseThrow().field());
        assertEquals("stopReason", pathway.refusal(Kind.CLOCK_STOP, START.plusWeeks(3), null, StopReason.DID_NOT_ATTEND, 9)
                .orElseThrow().field(), "under 16");
        assertTrue(pathway.refusal(Kind.CLOCK_STOP, START.plusWeeks(3), null, StopReason.DID_NOT_ATTEND, 16).isEmpty(), "16");
        assertEquals("kind", pathway.refusal(Kind.CLOCK_START, START.plusWeeks(3), null, null, 9).orElseThrow().field());
    }
}
