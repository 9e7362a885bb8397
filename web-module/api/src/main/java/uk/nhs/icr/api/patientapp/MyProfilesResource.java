package uk.nhs.icr.api.patientapp;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.ProxyAccessService;
import uk.nhs.icr.access.service.ProxyAccessService.Profile;
import uk.nhs.icr.access.service.ProxyAccessService.ProxyLinkView;
import uk.nhs.icr.access.service.ProxyAccessService.Revocation;
import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

// "/me" alone: the other /api/me resources have longer paths of their own, which JAX-RS matches first
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app", description = "The patient's own front door: their record, results and preferences, and the people they "
        + "act for. A patient token (groups PATIENT, nhs_number); every call takes an optional for= (the NHS number acted for).")
public class MyProfilesResource {

    @Inject
    ProxyAccessService proxies;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("/profiles")
    @Operation(summary = "You, and the people you may act for", description = "Each with the services granted and whether the access"
            + " stands today (a parent's access is suspended at the child's 11th birthday until their GP decides; from 16 it needs the"
            + " young person's consent). Use a profile's nhsNumber as for= on the other /api/me calls.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "a parent", value = "[{\"nhsNumber\":"
            + "\"9990000018\",\"name\":\"Amara Okafor\",\"age\":41,\"self\":true,\"relationship\":\"you\",\"active\":true},"
            + "{\"nhsNumber\":\"9990000026\",\"name\":\"Leo Okafor\",\"age\":8,\"self\":false,\"relationship\":\"parent or guardian\","
            + "\"services\":[\"RECORD\",\"APPOINTMENTS\"],\"active\":true,\"standing\":\"active\"}]")))
    @APIResponse(responseCode = "403", description = "Not a patient token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Profile> profiles() {
        return proxies.profiles();
    }

    @GET
    @Path("/proxies")
    @Operation(summary = "Who your GP practice has recorded as able to act for you", description = "Revoked links too, with who"
            + " ended them and why.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "a parent", value = Examples.PROXY_LINKS)))
    public List<ProxyLinkView> myProxies() {
        return proxies.forPatient(ActingFor.patient(currentCaller.require(), null));
    }

    @POST
    @Path("/proxies/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeMyProxyAccess", summary = "End someone's access to act for you", description = "From 16. Under 16, or where an attorney or a court"
            + " deputy acts for you, your GP practice decides (403).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "revoke", value = "{\"reason\":\"I manage my own appointments now\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProxyLinkView.class)))
    @APIResponse(responseCode = "403", description = "Under 16, or an attorney or deputy: ask the practice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProxyLinkView revoke(@PathParam("id") String id, Revocation revocation) {
        long linkId = FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("proxy link id"));
        return proxies.revoke(ActingFor.patient(currentCaller.require(), null), linkId, revocation);
    }
}
