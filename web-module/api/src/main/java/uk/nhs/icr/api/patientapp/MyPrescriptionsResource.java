package uk.nhs.icr.api.patientapp;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.NewRepeatRequest;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.Nomination;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RepeatView;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RequestView;

/** The patient's repeat prescriptions: what is on repeat, requests and what became of them, the nominated pharmacy. */
@Path("/me/prescriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyPrescriptionsResource {

    private static final String FOR = "The NHS number of someone you act for (with the prescriptions service); yourself when absent";

    @Inject
    RepeatPrescriptionService prescriptions;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(operationId = "myRepeats", summary = "My repeats: each with issues left, the review date, and whether I can request it now (and why not)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "two repeats", value = "[{\"id\":7,"
            + "\"medicine\":\"Ramipril 5 mg capsules\",\"dose\":\"One capsule once a day\",\"quantity\":\"28 capsules\","
            + "\"issuesAllowed\":6,\"issuesUsed\":2,\"issuesLeft\":4,\"reviewDate\":\"2027-05-01\",\"requestPending\":false,"
            + "\"requestable\":true},{\"id\":8,\"medicine\":\"Atorvastatin 20 mg tablets\",\"issuesLeft\":3,\"reviewDate\":"
            + "\"2026-10-01\",\"requestable\":false,\"whyNot\":\"your medication review is due; contact your practice\"}]")))
    public List<RepeatView> repeats(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        return prescriptions.repeatsOf(patient(actingFor));
    }

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request repeats", description = "All or none: each must be on repeat, before its medication review date,"
            + " with an issue left and no request of it waiting (409 with the reasons otherwise). The pharmacy is the nominated one"
            + " unless pharmacyOdsCode names another.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two items", value = "{\"repeats\":[7,9],\"note\":\"Going"
            + " away on the 12th\",\"pharmacyOdsCode\":\"FA123\"}")))
    @APIResponse(responseCode = "201", description = "The requests, pending")
    @APIResponse(responseCode = "409", description = "Review due, no issues left, or already requested: the detail says which",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@Parameter(description = FOR) @QueryParam("for") String actingFor, NewRepeatRequest request) {
        List<RequestView> made = prescriptions.request(patient(actingFor), request);
        return Response.created(URI.create("requests")).entity(made).build();
    }

    @GET
    @Path("/requests")
    @Operation(operationId = "myRepeatRequests", summary = "My requests, newest first: pending, issued (to which pharmacy) or rejected (and why)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one pending", value = Examples.REQUEST_PAGE)))
    public Page<RequestView> requests(@Parameter(description = FOR) @QueryParam("for") String actingFor,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        return prescriptions.requestsOf(patient(actingFor), QueryParameters.page(page, size));
    }

    @GET
    @Path("/pharmacy")
    @Operation(summary = "My nominated pharmacy (pharmacyOdsCode null: none nominated)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "nominated", value = Examples.PHARMACY)))
    public Map<String, String> pharmacy(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        return Collections.singletonMap("pharmacyOdsCode", prescriptions.nominatedPharmacy(patient(actingFor)).orElse(null));
    }

    @PUT
    @Path("/pharmacy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Nominate the pharmacy my prescriptions go to")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "nominate", value = "{\"pharmacyOdsCode\":\"FA123\"}")))
    public Map<String, String> nominate(@Parameter(description = FOR) @QueryParam("for") String actingFor, Nomination nomination) {
        return Map.of("pharmacyOdsCode", prescriptions.nominate(patient(actingFor), nomination));
    }

    private NhsNumber patient(String actingFor) {
        return ActingFor.patient(currentCaller.require(), actingFor);
    }
}
