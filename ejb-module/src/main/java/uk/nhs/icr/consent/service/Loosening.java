package uk.nhs.icr.consent.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * Whether a proposed directive would let some member of staff see something the directive in force keeps from
 * them: a category it withholds from some role and organisation on some day that the proposal no longer
 * withholds, counting the sensitive categories kept from non-clinical roles unless a directive permits them.
 * Every role is tried, with every organisation either directive names and one it does not, at now and at each
 * day a provision starts or ends; between those moments nothing changes.
 */
final class Loosening {

    private Loosening() {
    }

    static boolean loosens(Optional<ConsentDirective> inForce, ConsentDirective.Status proposedStatus, List<Provision> proposed,
                           Instant now, ZoneId zone) {
        List<Provision> current = inForce.filter(d -> d.status() == ConsentDirective.Status.ACTIVE)
                .map(ConsentDirective::provisions).orElse(List.of());
        List<Provision> next = proposedStatus == ConsentDirective.Status.ACTIVE ? proposed : List.of();
        for (Instant at : moments(current, next, now, zone)) {
            for (OdsCode organisation : organisations(current, next)) {
                for (StaffRole role : StaffRole.values()) {
                    Set<DataCategory> keptNow = withheld(current, organisation, role, at, zone);
                    if (!withheld(next, organisation, role, at, zone).containsAll(keptNow)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What an active directive of these provisions keeps from this viewer at {@code at}, sensitive defaults included. */
    private static Set<DataCategory> withheld(List<Provision> provisions, OdsCode organisation, StaffRole role, Instant at, ZoneId zone) {
        Set<DataCategory> withheld = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : DataCategory.values()) {
            boolean denied = applies(provisions, Provision.Type.DENY, category, organisation, role, at, zone);
            boolean permitted = applies(provisions, Provision.Type.PERMIT, category, organisation, role, at, zone);
            boolean sensitiveDefault = !role.isClinical() && DataCategory.SENSITIVE.contains(category);
            if ((denied || sensitiveDefault) && !permitted) {
                withheld.add(category);
            }
        }
        return withheld;
    }

    private static boolean applies(List<Provision> provisions, Provision.Type type, DataCategory category, OdsCode organisation,
                                   StaffRole role, Instant at, ZoneId zone) {
        return provisions.stream().anyMatch(p -> p.type() == type && p.appliesTo(category, organisation, role, at, zone));
    }

    /** Now, and midday of each day from today on when a provision of either starts, ends or has just ended. */
    private static List<Instant> moments(List<Provision> current, List<Provision> next, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Set<LocalDate> days = new TreeSet<>();
        for (Provision provision : concat(current, next)) {
            if (provision.start() != null) {
                days.add(provision.start());
            }
            if (provision.end() != null) {
                days.add(provision.end());
                days.add(provision.end().plusDays(1));
            }
        }
        List<Instant> moments = new ArrayList<>(List.of(now));
        days.stream().filter(day -> day.isAfter(today)).map(day -> day.atTime(LocalTime.NOON).atZone(zone).toInstant())
                .forEach(moments::add);
        return moments;
    }

    /** Every organisation either names, and null: one neither names. */
    private static List<OdsCode> organisations(List<Provision> current, List<Provision> next) {
        Set<String> named = new HashSet<>();
        concat(current, next).forEach(provision -> named.addAll(provision.organisations()));
        List<OdsCode> organisations = new ArrayList<>();
        named.stream().sorted().map(OdsCode::new).forEach(organisations::add);
        organisations.add(null);
        return organisations;
    }

    private static List<Provision> concat(List<Provision> first, List<Provision> second) {
        List<Provision> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
