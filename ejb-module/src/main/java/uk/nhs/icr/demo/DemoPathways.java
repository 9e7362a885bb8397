package uk.nhs.icr.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.waits.RttPathway.Priority;
import uk.nhs.icr.waits.RttPathway.StopReason;

/**
 * The demo trusts' waiting lists: for Northgate and Riverside, ten specialties, referrals over the 24 months before the
 * demo's anchor day, each of an adult of the demo register, with waits drawn from each specialty's own spread
 * (dermatology and general medicine well within 18 weeks, trauma and orthopaedics with a tail past 52; Riverside a
 * little slower); those whose wait ends before the anchor day are treated (some after a decision to admit), monitored or
 * declined, the rest still wait. Deterministic from the seed. Plus Hannah Whitfield's own wait for gynaecology.
 */
final class DemoPathways {

    /** A referral and what became of it, as the demo generates it. */
    record Referred(NhsNumber patient, String trust, String function, Priority priority, LocalDate clockStart, LocalDate firstOutpatient,
                    LocalDate decisionToAdmit, LocalDate clockStop, StopReason stopReason) {
    }

    static final List<String> TRUSTS = List.of("RXA", "RXB");

    /** Each specialty's median wait in weeks at Northgate, and how widely waits spread around it (log scale). */
    private static final Map<String, double[]> SPREAD = Map.of(
            "100", new double[] {14, 0.6}, "101", new double[] {9, 0.5}, "110", new double[] {26, 0.8}, "120", new double[] {15, 0.6},
            "130", new double[] {12, 0.5}, "300", new double[] {5, 0.5}, "301", new double[] {11, 0.6}, "320", new double[] {10, 0.6},
            "330", new double[] {6, 0.5}, "502", new double[] {13, 0.6});

    /** Surgical specialties, whose treatment is often an admission. */
    private static final List<String> SURGICAL = List.of("100", "101", "110", "120", "130", "502");

    private static final int REFERRALS_PER_MONTH = 6;
    private static final int MONTHS = 24;

    private DemoPathways() {
    }

    static List<Referred> lists(List<PatientRegistration> register, LocalDate anchor, long seed) {
        List<NhsNumber> adults = register.stream().filter(form -> Period.between(form.birthDate(), anchor).getYears() >= 18)
                .map(PatientRegistration::nhsNumber).toList();
        Random random = new Random(seed);
        List<Referred> referred = new ArrayList<>();
        int next = 0;
        for (String trust : TRUSTS) {
            for (String function : SPREAD.keySet().stream().sorted().toList()) {
                double[] spread = SPREAD.get(function);
                double median = spread[0] * (trust.equals("RXB") ? 1.2 : 1.0);
                for (int i = 0; i < REFERRALS_PER_MONTH * MONTHS; i++) {
                    LocalDate start = anchor.minusDays(random.nextInt(MONTHS * 30));
                    int waitDays = (int) Math.max(7, Math.round(7 * median * Math.exp(random.nextGaussian() * spread[1])));
                    NhsNumber patient = adults.get(next++ % adults.size());
                    referred.add(referred(patient, trust, function, start, waitDays, anchor, random));
                }
            }
        }
        return referred;
    }

    private static Referred referred(NhsNumber patient, String trust, String function, LocalDate start, int waitDays, LocalDate anchor,
                                     Random random) {
        Priority priority = random.nextInt(10) == 0 ? Priority.URGENT : Priority.ROUTINE;
        int firstSeen = Math.max(1, Math.min(waitDays - 1, 14 + random.nextInt(42)));
        LocalDate outpatient = start.plusDays(firstSeen).isBefore(anchor) ? start.plusDays(firstSeen) : null;
        LocalDate end = start.plusDays(waitDays);
        if (!end.isBefore(anchor)) {
            return new Referred(patient, trust, function, priority, start, outpatient, null, null, null);
        }
        int roll = random.nextInt(20);
        StopReason reason = roll < 17 ? StopReason.FIRST_DEFINITIVE_TREATMENT : roll < 19 ? StopReason.ACTIVE_MONITORING
                : StopReason.PATIENT_DECLINED;
        boolean admit = reason == StopReason.FIRST_DEFINITIVE_TREATMENT && SURGICAL.contains(function) && random.nextBoolean();
        LocalDate decision = admit ? start.plusDays(Math.max(firstSeen, waitDays - 21)) : null;
        return new Referred(patient, trust, function, priority, start, outpatient, decision, end, reason);
    }

    /** Hannah's own wait: gynaecology at Northgate, referred 20 weeks before the anchor day, seen at 8 weeks. */
    static Referred hannahs(LocalDate anchor) {
        LocalDate start = anchor.minusWeeks(20);
        return new Referred(DemoProxies.HANNAH, "RXA", "502", Priority.ROUTINE, start, start.plusWeeks(8), null, null, null);
    }
}
