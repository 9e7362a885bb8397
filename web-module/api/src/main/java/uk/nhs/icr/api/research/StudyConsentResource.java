package uk.nhs.icr.api.research;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.service.StudyConsentService;
import uk.nhs.icr.research.service.StudyConsentService.NewStudyConsent;
import uk.nhs.icr.research.service.StudyConsentService.StudyConsentView;

/** A patient's consent to research projects: given or withdrawn by the patient, or recorded as they say by their clinicians. */
@Path("/patients/{nhsNumber}/study-consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Research", description = "The trusted research environment: projects, extracts, checked outputs.")
public class StudyConsentResource {

    @Inject
    StudyConsentService consents;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordStudyConsent", summary = "Record the patient's consent to a project of the research register (the patient, or a GP, hospital"
            + " clinician or nurse caring for them)", description = "A consent project takes exactly the consenting patients; a"
            + " section-251 project takes a consenting patient despite a National Data Opt-out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "consent", value = "{\"project\":\"RP-2026-0001\"}")))
    @APIResponse(responseCode = "201", description = "Recorded: the patient's consents")
    @APIResponse(responseCode = "400", description = "No such project on the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response consent(@PathParam("nhsNumber") NhsNumber nhsNumber, NewStudyConsent consent) {
        return Response.status(Response.Status.CREATED).entity(consents.consent(nhsNumber, consent)).build();
    }

    @GET
    @Operation(summary = "The patient's consents to research projects, current and withdrawn")
    @APIResponse(responseCode = "200", description = "OK")
    public List<StudyConsentView> consents(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return consents.consentsOf(nhsNumber);
    }

    @POST
    @Path("/{project}/withdrawal")
    @Operation(summary = "Withdraw the patient's consent to a project: its next extract leaves them out")
    @APIResponse(responseCode = "200", description = "Withdrawn: the patient's consents")
    @APIResponse(responseCode = "404", description = "No current consent to that project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<StudyConsentView> withdraw(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("project") ProjectReference project) {
        return consents.withdraw(nhsNumber, project);
    }
}
