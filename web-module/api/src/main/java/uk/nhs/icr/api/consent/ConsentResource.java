package uk.nhs.icr.api.consent;

import java.util.List;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.VersionTags;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.service.ConsentService;
import uk.nhs.icr.consent.service.ConsentService.ConsentView;
import uk.nhs.icr.consent.service.ConsentService.NewConsentDirective;
import uk.nhs.icr.consent.service.ConsentService.PatientConfirmation;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

@Path("/patients/{nhsNumber}/consent")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "Sharing consent directives (FHIR R4 Consent shape): deny provisions withhold data categories "
        + "from the shared record, for everyone or for some organisations or roles, for a period; permit provisions make exceptions.")
public class ConsentResource {

    @Inject
    ConsentService consent;

    @GET
    @Operation(operationId = "currentConsent", summary = "The current consent directive for a scope (treatment by default)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "No directive recorded (the record is shared for direct care), or no patient you may see has this NHS number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response current(@PathParam("nhsNumber") NhsNumber nhsNumber,
                            @Parameter(description = "treatment or research") @QueryParam("scope") String scope) {
        ConsentView current = consent.current(nhsNumber, scope(scope));
        return VersionTags.tagged(current, current.version());
    }

    @GET
    @Path("/history")
    @Operation(operationId = "consentHistory", summary = "Every version of the directive for a scope, newest first")
    public List<ConsentView> history(@PathParam("nhsNumber") NhsNumber nhsNumber, @QueryParam("scope") String scope) {
        return consent.history(nhsNumber, scope(scope));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordConsent", summary = "Record a new version of the directive",
            description = "Body: status (active, inactive, entered-in-error), scope, decidedAt, recordedBy (staff: staff or proxy), reason "
                    + "(staff: required), atPatientsRequest (staff: true, the patient asked for it), provisions [{type: permit|deny, "
                    + "categories [MENTAL_HEALTH, SEXUAL_HEALTH, ...], organisations [ODS codes], roles [GP, ...], start, end}]. The patient's own token records it as the patient, in force at once. A staff change"
                    + " that would let anyone see more awaits the patient's confirmation (confirmation: awaiting, inForce: false).")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, named like provisions[0].categories[1]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A role that may not record consent, or a patient token for another number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewConsentDirective directive, @BeanParam VersionTags versions) {
        ConsentView recorded = consent.record(nhsNumber, directive, versions.precondition());
        return VersionTags.tagged(recorded, recorded.version());
    }

    @POST
    @Path("/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The patient confirms a change staff recorded that would let staff see more",
            description = "Body: version (the one awaiting confirmation), confirmedInPerson (a clinician recording the patient's"
                    + " confirmation in person: true; the clinician must not be the one who recorded the change). The patient's own"
                    + " token confirms in the app. Unconfirmed, the change lapses 28 days after it was recorded.")
    @APIResponse(responseCode = "200", description = "The version, now in force", content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "409", description = "That version is not awaiting confirmation (confirmed, lapsed, superseded or needing none)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@PathParam("nhsNumber") NhsNumber nhsNumber, @QueryParam("scope") String scope, PatientConfirmation confirmation) {
        ConsentView confirmed = consent.confirm(nhsNumber, scope(scope), confirmation);
        return VersionTags.tagged(confirmed, confirmed.version());
    }

    /** A scope as a client typed it: treatment (when absent) or research. */
    private static ConsentDirective.Scope scope(String typed) {
        return typed == null || typed.isBlank() ? ConsentDirective.Scope.TREATMENT
                : FieldErrors.parseOne("scope", typed, FieldParsers.oneOf("scope", ConsentDirective.Scope.class));
    }
}
