package uk.nhs.icr.api.access;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.ProxyAccessService;
import uk.nhs.icr.access.service.ProxyAccessService.NewProxyLink;
import uk.nhs.icr.access.service.ProxyAccessService.ProxyLinkView;
import uk.nhs.icr.access.service.ProxyAccessService.Revocation;
import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

@Path("/patients/{nhsNumber}/proxies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class ProxyAccessResource {

    @Inject
    ProxyAccessService proxies;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "grantProxyAccess", summary = "Record someone who may act for the patient in the app (the patient's GP practice: GP or administrator)",
            description = "The proxy is registered, 16 or over, and named as registered (proxyName holds their family name). basis: parental-responsibility (a child under 16), carer-with-consent (16 or over; stands once a GP confirms"
                    + " the patient consents freely), lasting-power-of-attorney or court-deputy (an adult); evidence: what was seen;"
                    + " services: record, appointments, prescriptions, preferences; startsOn (default today), endsOn.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a parent", value = "{\"proxyNhsNumber\":\"9990000018\","
            + "\"proxyName\":\"Amara Okafor\",\"basis\":\"PARENTAL_RESPONSIBILITY\",\"evidence\":\"Birth certificate seen at the"
            + " practice\",\"services\":[\"RECORD\",\"APPOINTMENTS\",\"PRESCRIPTIONS\"]}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProxyLinkView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a basis the patient's age does not allow",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient's own practice, or not a GP or administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This person already has a standing link for the patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewProxyLink link) {
        ProxyLinkView recorded = proxies.record(nhsNumber, link);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(recorded.id())).build()).entity(recorded).build();
    }

    @GET
    @Operation(summary = "Everyone recorded as able to act for the patient, with whether each stands today and why not")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "a parent", value = Examples.PROXY_LINKS)))
    public List<ProxyLinkView> list(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return proxies.forPatient(nhsNumber);
    }

    @POST
    @Path("/{id}/consent-confirmation")
    @Operation(operationId = "confirmProxyConsent", summary = "A GP confirms, having seen the patient (16 or over), that they consent to this proxy freely")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProxyLinkView.class),
                    examples = @ExampleObject(name = "confirmed", value = Examples.CONFIRMED_LINK)))
    public ProxyLinkView confirmConsent(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id) {
        return proxies.confirmConsent(nhsNumber, linkId(id));
    }

    @POST
    @Path("/{id}/continuation")
    @Operation(summary = "A GP decides that a parent's access continues past the child's 11th birthday")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProxyLinkView.class),
                    examples = @ExampleObject(name = "continues", value = Examples.CONTINUED_LINK)))
    public ProxyLinkView continuePastEleven(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id) {
        return proxies.continuePastEleven(nhsNumber, linkId(id));
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeProxyAccess", summary = "End a proxy's access (the patient's practice), with a reason the patient sees with the link")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "revoke", value = "{\"reason\":\"Parental responsibility ended by"
            + " court order\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProxyLinkView.class)))
    @APIResponse(responseCode = "409", description = "Revoked already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProxyLinkView revoke(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id, Revocation revocation) {
        return proxies.revoke(nhsNumber, linkId(id), revocation);
    }

    private static long linkId(String id) {
        return FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("proxy link id"));
    }
}
