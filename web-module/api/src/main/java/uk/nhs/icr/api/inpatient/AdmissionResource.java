package uk.nhs.icr.api.inpatient;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.inpatient.service.AdmissionPlanService;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.AdmissionPlan;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.NewAdmissionPlan;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.NewTask;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.TaskView;
import uk.nhs.icr.inpatient.service.ReconciliationService;
import uk.nhs.icr.inpatient.service.ReconciliationService.ReconcileMedicine;
import uk.nhs.icr.inpatient.service.ReconciliationService.Reconciliation;
import uk.nhs.icr.inpatient.service.WardService;
import uk.nhs.icr.inpatient.service.WardService.DischargePlan;
import uk.nhs.icr.inpatient.service.WardService.Placement;
import uk.nhs.icr.inpatient.service.WardService.StayView;
import uk.nhs.icr.patient.NhsNumber;

/** An open admission on the ward: where the patient is, when they are expected home, and the medicines they came in on. */
@Path("/patients/{nhsNumber}/admissions/{admissionId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Wards")
@APIResponse(responseCode = "400", description = "Invalid or missing fields, an ended admission, no such ward",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not of the admitting trust, or a role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No patient or admission you may see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdmissionResource {

    @Inject
    WardService wards;

    @Inject
    ReconciliationService reconciliation;

    @Inject
    AdmissionPlanService plans;

    @PUT
    @Path("/ward")
    @Operation(summary = "Put the patient on a ward, or move them", description = "ward (its code at your trust), bed")
    @APIResponse(responseCode = "200", description = "On the ward", content = @Content(schema = @Schema(implementation = StayView.class)))
    public StayView place(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId, Placement placement) {
        return wards.place(nhsNumber, admissionId, placement);
    }

    @PUT
    @Path("/discharge-plan")
    @Operation(summary = "Expected date of discharge, discharge criteria, medically fit")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = StayView.class)))
    public StayView planDischarge(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId,
                                  DischargePlan plan) {
        return wards.planDischarge(nhsNumber, admissionId, plan);
    }

    @GET
    @Path("/reconciliation")
    @Operation(summary = "Medicines reconciliation", description = "The medicines the patient came in on (the record and the social"
            + " care MAR chart) beside the ward's prescriptions, each with its decision; status not started, in progress or complete")
    @APIResponse(responseCode = "200", description = "OK")
    public Reconciliation reconciliation(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId) {
        return reconciliation.reconciliationOf(nhsNumber, admissionId);
    }

    @POST
    @Path("/reconciliation")
    @Operation(operationId = "decideMedicinesReconciliation", summary = "Decide a medicine the patient came in on", description = "source (hospital-record or social-care), sourceId,"
            + " decision (continued, changed, stopped), reason (needed unless continued), prescriptionId (the prescription that"
            + " carries it on; none when stopped)")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = Reconciliation.class)))
    @APIResponse(responseCode = "409", description = "Decided already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Reconciliation decide(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId,
                                 ReconcileMedicine decision) {
        return reconciliation.decide(nhsNumber, admissionId, decision);
    }

    @POST
    @Path("/reconciliation/complete")
    @Operation(summary = "Complete a reconciliation with nothing left to decide", description = "For a patient who came in on no"
            + " medicines; refused while any is undecided")
    @APIResponse(responseCode = "200", description = "Complete", content = @Content(schema = @Schema(implementation = Reconciliation.class)))
    @APIResponse(responseCode = "409", description = "Medicines still to decide",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Reconciliation complete(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId) {
        return reconciliation.complete(nhsNumber, admissionId);
    }

    @GET
    @Path("/plan")
    @Operation(operationId = "admissionPlan", summary = "The admission's treatment plan", description = "Problem, goals, interventions, review date, expected"
            + " discharge and criteria, medically fit, and every task (open ones flagged overdue)")
    @APIResponse(responseCode = "200", description = "OK")
    public AdmissionPlan plan(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId) {
        return plans.planOf(nhsNumber, admissionId);
    }

    @PUT
    @Path("/plan")
    @Operation(summary = "Write a new version of the plan", description = "problem, goals, interventions, reviewOn, tasks (title,"
            + " kind: observations, test, review, medicines, therapy, discharge, other; ownerRole: NURSE or HOSPITAL_CLINICIAN;"
            + " dueAt); the last version is superseded")
    @APIResponse(responseCode = "200", description = "In force", content = @Content(schema = @Schema(implementation = AdmissionPlan.class)))
    public AdmissionPlan writePlan(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId,
                                   NewAdmissionPlan plan) {
        return plans.writePlan(nhsNumber, admissionId, plan);
    }

    @POST
    @Path("/plan/tasks")
    @Operation(summary = "Add a task to the plan", description = "title, kind, ownerRole, dueAt")
    @APIResponse(responseCode = "200", description = "Added", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView addTask(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId, NewTask task) {
        return plans.addTask(nhsNumber, admissionId, task);
    }

    @POST
    @Path("/plan/tasks/{taskId}/done")
    @Operation(summary = "Mark a task done (now, by you)")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = "Done already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaskView completeTask(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("admissionId") long admissionId,
                                 @PathParam("taskId") long taskId) {
        return plans.completeTask(nhsNumber, admissionId, taskId);
    }
}
