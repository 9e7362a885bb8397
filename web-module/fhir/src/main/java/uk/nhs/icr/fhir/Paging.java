package uk.nhs.icr.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * {@code _offset} and {@code _count} as asked: 20 to a page unless asked otherwise, and never more than 100 (a larger
 * {@code _count} gets 100, as FHIR lets a server decide).
 */
record Paging(int offset, int count) {

    static Paging of(Integer offset, Integer count) {
        int size = count == null ? IcrFhirServer.DEFAULT_PAGE : count;
        if (size < 1) {
            throw new InvalidRequestException("_count: give between 1 and " + IcrFhirServer.MAX_PAGE);
        }
        int first = offset == null ? 0 : offset;
        if (first < 0) {
            throw new InvalidRequestException("_offset: an offset is 0 or more");
        }
        return new Paging(first, Math.min(size, IcrFhirServer.MAX_PAGE));
    }
}
