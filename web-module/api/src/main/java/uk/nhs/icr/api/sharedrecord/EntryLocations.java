package uk.nhs.icr.api.sharedrecord;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.service.RecordEntry;

/** The answer to a write of a record entry: 201, the entry, and its address under the shared record. */
public final class EntryLocations {

    private EntryLocations() {
    }

    public static Response created(UriInfo uriInfo, NhsNumber nhsNumber, RecordEntry entry) {
        return Response.created(uriInfo.getBaseUriBuilder().path(SharedRecordResource.class).path("{nhsNumber}").path("record")
                        .path(entry.source()).path(Long.toString(entry.id())).build(nhsNumber.value()))
                .entity(entry).build();
    }
}
