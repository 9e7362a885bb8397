package uk.nhs.icr.api.patient;

import java.net.URI;

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
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.patient.service.PatientRegistrationService;
import uk.nhs.icr.patient.service.PatientRegistrationService.NewAddress;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.QueryParameters;

@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Register patients in both records and find them. Every call needs a bearer token; "
        + "a patient's record opens only with a legitimate relationship or a break-glass grant.")
public class PatientResource {

    @Inject
    PatientRegistrationService registration;

    @Inject
    PatientSearchService search;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerPatient", summary = "Register a patient",
            description = "Creates the hospital demographic record and the linked social-care person in one transaction.")
    @APIResponse(responseCode = "201", description = "Registered; Location is the patient's address",
            content = @Content(schema = @Schema(implementation = PatientDemographics.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The NHS number is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(PatientRegistration form) {
        PatientDemographics patient = registration.register(form);
        URI location = uriInfo.getBaseUriBuilder().path(PatientResource.class).path(patient.nhsNumber()).build();
        return Response.created(location).entity(patient).tag(Integer.toString(patient.version())).build();
    }

    @GET
    @Path("/{nhsNumber}")
    @Operation(summary = "Read a patient's demographic record")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientDemographics.class)))
    @APIResponse(responseCode = "400", description = "Not a valid NHS number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No patient you may see has this NHS number (none registered, or no legitimate relationship: the same answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response find(
            @Parameter(description = "10 digits, spaces allowed (943 476 5919)") @PathParam("nhsNumber") NhsNumber nhsNumber) {
        PatientDemographics patient = search.find(nhsNumber);
        return VersionTags.tagged(patient, patient.version());
    }

    @PUT
    @Path("/{nhsNumber}/postcode")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a change of address (postcode)", description = "Needs write access to this patient's record, and"
            + " If-Match with the demographics' ETag (428 without, 412 when someone changed them meanwhile).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientDemographics.class)))
    @APIResponse(responseCode = "403", description = "A role that may not write, or a patient token for another number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The demographics changed since the version named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match: name the version you change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeAddress(@PathParam("nhsNumber") NhsNumber nhsNumber, NewAddress address, @BeanParam VersionTags versions) {
        PatientDemographics changed = registration.changeAddress(nhsNumber, address, versions.precondition());
        return VersionTags.tagged(changed, changed.version());
    }

    @GET
    @Operation(summary = "Search patients by name and/or date of birth, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of matches, ordered by family name")
    @APIResponse(responseCode = "400", description = "No criteria, or a bad date, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PatientDemographics> search(
            @Parameter(description = "Each word must begin a given or family name (2+ characters)") @QueryParam("name") String name,
            @Parameter(description = "YYYY-MM-DD") @QueryParam("birthDate") String birthDate,
            @Parameter(description = "From 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100; default 20") @QueryParam("size") String size) {
        return search.search(QueryParameters.patientSearch(name, birthDate, page, size));
    }
}
