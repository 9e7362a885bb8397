package uk.nhs.icr.api.organdonation;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.VersionTags;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.organdonation.service.OrganDonationService.CircumstancesView;
import uk.nhs.icr.organdonation.service.OrganDonationService.DecisionView;
import uk.nhs.icr.organdonation.service.OrganDonationService.Evaluation;
import uk.nhs.icr.organdonation.service.OrganDonationService.NewCircumstances;
import uk.nhs.icr.organdonation.service.OrganDonationService.NewDonationDecision;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

@Path("/patients/{nhsNumber}/organ-donation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organ donation", description = "The organ-donation register (England, deemed consent). Decisions are recorded by the "
        + "person or by staff caring for them after checking NHS number and date of birth; only the specialist nurse for organ "
        + "donation (or the person) may look them up, and every look-up is audited.")
public class OrganDonationResource {

    @Inject
    OrganDonationService register;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordOrganDonationDecision", summary = "Record or change the decision (a new version)",
            description = "Body: birthDate (must match the NHS number), decision (opt-in, opt-out, representatives), organs (opt-in; "
                    + "none: all organs and tissue), representatives (one or two: name, relationship, contact), faithDeclaration. The "
                    + "first decision needs no precondition (or If-None-Match: *); a new one over a registered decision names it: "
                    + "If-Match with its ETag, or If-Match: * from staff who record the person's whole decision without reading it.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The date of birth does not match the NHS number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The decision is no longer the version named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "A decision is registered: name it with If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewDonationDecision made, @BeanParam VersionTags versions) {
        DecisionView decision = register.record(nhsNumber, made, versions.precondition());
        URI history = uriInfo.getAbsolutePathBuilder().path("history").build();
        return Response.created(history).entity(decision).tag(Integer.toString(decision.version())).build();
    }

    @GET
    @Operation(operationId = "currentOrganDonationDecision", summary = "Look up the current decision (specialist nurse for organ donation, or the person)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "403", description = "Not the donation role: refused and audited",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No decision registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response current(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        DecisionView current = register.current(nhsNumber);
        return VersionTags.tagged(current, current.version());
    }

    @GET
    @Path("/history")
    @Operation(operationId = "organDonationHistory", summary = "Every version of the decision, newest first")
    public List<DecisionView> history(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return register.history(nhsNumber);
    }

    @GET
    @Path("/evaluation")
    @Operation(summary = "What applies on a date: the express decision, deemed consent, or why deemed consent does not apply",
            description = "Organs deemed consent never covers (novel transplants) are always listed under needsExpressConsent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Evaluation.class)))
    public Evaluation evaluation(@PathParam("nhsNumber") NhsNumber nhsNumber,
                                 @Parameter(description = "YYYY-MM-DD; default today") @QueryParam("at") String at) {
        return register.evaluate(nhsNumber, Optional.ofNullable(FieldErrors.parseOne("at", at, FieldParsers.date("at", false))));
    }

    @GET
    @Path("/circumstances")
    @Operation(summary = "Capacity and residence as last recorded, with its ETag")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = CircumstancesView.class)))
    @APIResponse(responseCode = "404", description = "None recorded, or no patient you may see has this NHS number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response currentCircumstances(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        CircumstancesView current = register.circumstances(nhsNumber);
        return VersionTags.tagged(current, current.version());
    }

    @PUT
    @Path("/circumstances")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record capacity and residence (what deemed consent depends on besides age)",
            description = "Body: lacksCapacity (true/false), residency (ordinarily-resident, not-ordinarily-resident, visitor). "
                    + "For staff caring for the person.")
    @APIResponse(responseCode = "200", description = "The circumstances as recorded, with their ETag",
            content = @Content(schema = @Schema(implementation = CircumstancesView.class)))
    public Response circumstances(@PathParam("nhsNumber") NhsNumber nhsNumber, NewCircumstances circumstances, @BeanParam VersionTags versions) {
        CircumstancesView recorded = register.recordCircumstances(nhsNumber, circumstances, versions.precondition());
        return VersionTags.tagged(recorded, recorded.version());
    }
}
