package uk.nhs.icr.api.patientapp;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.VersionTags;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.service.ConsentService;
import uk.nhs.icr.consent.service.ConsentService.ConsentView;
import uk.nhs.icr.consent.service.ConsentService.NewConsentDirective;
import uk.nhs.icr.consent.service.ConsentService.PatientConfirmation;
import uk.nhs.icr.consent.service.DataOptOutService;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutChoice;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutView;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.organdonation.service.OrganDonationService.DecisionView;
import uk.nhs.icr.organdonation.service.OrganDonationService.OwnDonationDecision;
import uk.nhs.icr.patient.NhsNumber;

/**
 * The patient's own preferences: sharing consent, the National Data Opt-out and the organ-donation decision. Their
 * sign-in is their identity (no date-of-birth check); the rules of who may change what are the services' own, so a
 * change staff recorded that would loosen a deny waits here for the patient to confirm or leave to lapse. Someone acting
 * for the patient (with the preferences service) reads them; a change is the patient's own, or made at their practice, so
 * a change with for= someone else is refused (403) and audited, except the opt-out, which a parent or guardian sets for a
 * child under 13 and an attorney or court deputy for an adult.
 */
@Path("/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyPreferencesResource {

    private static final String FOR = "The NHS number of someone you act for; yourself when absent";

    @Inject
    ConsentService consent;

    @Inject
    DataOptOutService optOut;

    @Inject
    OrganDonationService organDonation;

    @Inject
    CurrentCaller currentCaller;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/consent")
    @Operation(operationId = "myConsent", summary = "My sharing consent directive (treatment scope), with its ETag",
            description = "confirmation: awaiting when staff recorded a change that would let staff see more: confirm it below.")
    @APIResponse(responseCode = "404", description = "No directive: your record is shared for your direct care",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "keep mental health to my practice", value = Examples.CONSENT)))
    public Response consent(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        ConsentView current = consent.current(patient(actingFor), ConsentDirective.Scope.TREATMENT);
        return VersionTags.tagged(current, current.version());
    }

    @GET
    @Path("/consent/history")
    @Operation(operationId = "myConsentHistory", summary = "Every version of my directive, newest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one version", value = Examples.CONSENT_HISTORY)))
    public List<ConsentView> consentHistory(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        return consent.history(patient(actingFor), ConsentDirective.Scope.TREATMENT);
    }

    @PUT
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my sharing consent directive", description = "In force at once. If-Match with the ETag you read"
            + " (If-None-Match: * for your first).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "keep mental health from everyone but my GP practice", value =
            "{\"status\":\"ACTIVE\",\"provisions\":[{\"type\":\"DENY\",\"categories\":[\"MENTAL_HEALTH\"]},{\"type\":\"PERMIT\","
                    + "\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[\"Y90001\"]}]}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "403", description = "Under 13, or acting for someone else: a change is theirs, or made at their practice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setConsent(@Parameter(description = FOR) @QueryParam("for") String actingFor, NewConsentDirective directive,
                               @BeanParam VersionTags versions) {
        ConsentView recorded = consent.record(patient(actingFor), directive, versions.precondition());
        return VersionTags.tagged(recorded, recorded.version());
    }

    @POST
    @Path("/consent/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmMyConsent", summary = "Confirm a change staff recorded that would let staff see more",
            description = "Until you confirm, it waits (and lapses after 28 days); the version in force stays.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "confirm version 3", value = "{\"version\":3}")))
    @APIResponse(responseCode = "200", description = "Confirmed: the directive now in force, with its ETag",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "409", description = "That version is not awaiting your confirmation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirmConsent(@Parameter(description = FOR) @QueryParam("for") String actingFor, PatientConfirmation confirmation) {
        ConsentView confirmed = consent.confirm(patient(actingFor), ConsentDirective.Scope.TREATMENT, confirmation);
        return VersionTags.tagged(confirmed, confirmed.version());
    }

    @GET
    @Path("/data-opt-out")
    @Operation(summary = "My National Data Opt-out choice, with its ETag",
            description = "It never affects your care; it applies to research and planning uses of your confidential information.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "set by a parent for their child",
                    value = Examples.OPT_OUT_BY_A_PARENT)))
    public Response dataOptOut(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        OptOutView current = optOut.current(patient(actingFor));
        return VersionTags.tagged(current, current.version());
    }

    @PUT
    @Path("/data-opt-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my National Data Opt-out choice", description = "From 13 for yourself; with for=, as a parent or"
            + " guardian of a child under 13, or an attorney or court deputy for an adult (your access must include their"
            + " preferences). If-Match with the ETag you read.")
    @APIResponse(responseCode = "403", description = "Someone else's choice: from 13 the young person's own, a carer's never",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(content = @Content(examples = @ExampleObject(name = "opt out", value = "{\"optedOut\":true}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OptOutView.class)))
    public Response setDataOptOut(@Parameter(description = FOR) @QueryParam("for") String actingFor, OptOutChoice choice,
                                  @BeanParam VersionTags versions) {
        OptOutView recorded = optOut.set(patient(actingFor), choice, versions.precondition());
        return VersionTags.tagged(recorded, recorded.version());
    }

    @GET
    @Path("/organ-donation")
    @Operation(summary = "My organ-donation decision, with its ETag")
    @APIResponse(responseCode = "404", description = "No decision registered (as an adult in England, deemed consent applies)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "opt in, some organs", value = Examples.DONATION)))
    public Response organDonation(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        DecisionView current = organDonation.current(patient(actingFor));
        return VersionTags.tagged(current, current.version());
    }

    @PUT
    @Path("/organ-donation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record my organ-donation decision", description = "Your sign-in is the identity check: no date of birth."
            + " Each change is a new version: If-None-Match: * for your first, If-Match with the ETag you read after that.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "opt in, some organs", value = "{\"decision\":\"OPT_IN\","
            + "\"organs\":[\"KIDNEYS\",\"CORNEAS\"],\"faithDeclaration\":true}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "412", description = "Your decision changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordOrganDonation(@Parameter(description = FOR) @QueryParam("for") String actingFor, OwnDonationDecision made,
                                        @BeanParam VersionTags versions) {
        DecisionView decision = organDonation.recordOwn(patient(actingFor), made, versions.precondition());
        URI self = uriInfo.getAbsolutePath();
        return Response.created(self).entity(decision).tag(Integer.toString(decision.version())).build();
    }

    @GET
    @Path("/organ-donation/history")
    @Operation(operationId = "myOrganDonationHistory", summary = "Every version of my decision, newest first")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one version", value = Examples.DONATION_HISTORY)))
    public List<DecisionView> organDonationHistory(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        return organDonation.history(patient(actingFor));
    }

    private NhsNumber patient(String actingFor) {
        return ActingFor.patient(currentCaller.require(), actingFor);
    }
}
