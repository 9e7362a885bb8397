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
        super(resources);
        setCurrentPageOffset(offset);
        setCurrentPageSize(count);
        setSize(Math.toIntExact(Math.min(total, Integer.MAX_VALUE)));
        this.more = offset + count < total;
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
