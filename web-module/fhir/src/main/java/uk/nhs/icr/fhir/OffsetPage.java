package uk.nhs.icr.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.rest.server.SimpleBundleProvider;

/**
 * One page of a search that ICR answers from its own queries ({@code _offset} and {@code _count}), with the total: HAPI
 * then writes the Bundle's {@code total} and its {@code next}/{@code previous} links as offsets, so nothing is kept on
 * the server between pages (any node of a cluster serves the next one).
 */
final class OffsetPage extends SimpleBundleProvider {

    private final boolean more;

    OffsetPage(List<? extends IBaseResource> resources, int offset, int count, long total) {
        this(resources, offset, count, total, Long.MAX_VALUE);
    }

    /** A page of a search that serves only the first {@code window} matches: no next link past them. */
    OffsetPage(List<? extends IBaseResource> resources, int offset, int count, long total, long window) {
        super(resources);
        setCurrentPageOffset(offset);
        setCurrentPageSize(count);
        setSize(Math.toIntExact(Math.min(total, Integer.MAX_VALUE)));
        this.more = offset + count < Math.min(total, window);
    }

    /** Every match on one page (a short list the service answers whole): {@code matches} of the resources are matches, any after them notes. */
    static OffsetPage whole(List<? extends IBaseResource> resources, int matches) {
        return new OffsetPage(resources, 0, Math.max(matches, 1), matches);
    }

    @Override
    public String getNextPageId() {
        return more ? "next" : null;
    }

    @Override
    public String getPreviousPageId() {
        return getCurrentPageOffset() > 0 ? "previous" : null;
    }
}
