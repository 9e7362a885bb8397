package uk.nhs.icr.consent;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * One rule of a consent directive, as FHIR R4 {@code Consent.provision}: permit or deny, for some data
 * categories (none listed: all), for some organisations (ODS codes) and roles (none listed: everyone), for a
 * period (either end open; dates inclusive, UK days).
 */
public record Provision(Type type, Set<DataCategory> categories, Set<String> organisations, Set<StaffRole> roles,
                        LocalDate start, LocalDate end) implements Serializable {

    public enum Type { PERMIT, DENY }

    public Provision {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether this provision speaks about this category, for this viewer, at this time. */
    public boolean appliesTo(DataCategory category, OdsCode organisation, StaffRole role, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return (categories.isEmpty() || categories.contains(category))
                && (organisations.isEmpty() || (organisation != null && organisations.contains(organisation.value())))
                && (roles.isEmpty() || roles.contains(role))
                && (start == null || !day.isBefore(start))
                && (end == null || !day.isAfter(end));
    }
}
