package uk.nhs.icr.api.research;

import java.net.URI;
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
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.service.ResearchExtractService;
import uk.nhs.icr.research.service.ResearchExtractService.RunView;
import uk.nhs.icr.research.service.ResearchProjectService;
import uk.nhs.icr.research.service.ResearchProjectService.Decision;
import uk.nhs.icr.research.service.ResearchProjectService.NewProject;
import uk.nhs.icr.research.service.ResearchProjectService.ProjectView;
import uk.nhs.icr.research.service.ResearchProjectService.RegisterEntry;

/** The research project register: researchers submit, the data access committee decides, anyone reads the register. */
@Path("/research")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Research", description = "The trusted research environment: projects, extracts, checked outputs.")
public class ResearchProjectResource {

    @Inject
    ResearchProjectService projects;

    @Inject
    ResearchExtractService extracts;

    @POST
    @Path("/projects")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a project (an accredited researcher, who is its first researcher)",
            description = "legalBasis: consent, section-251 or anonymised (aggregates inside ICR only); entryTypes: problem,"
                    + " blood-test, care-visit ...; fields: age-band, birth-year-month, sex, postcode-district, entry-type, entry-month,"
                    + " code, result-value, abnormal-flag; minimumK: the smallest group an extract may hold (5 unless set).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a study of anaemia", value = "{\"title\":\"Anaemia in older"
            + " adults receiving home care\",\"laySummary\":\"How often older people who get care at home have low blood counts.\","
            + "\"sponsor\":\"Northshire University\",\"legalBasis\":\"SECTION_251\",\"entryTypes\":[\"BLOOD_TEST\",\"CARE_VISIT\"],"
            + "\"fields\":[\"AGE_BAND\",\"SEX\",\"POSTCODE_DISTRICT\",\"ENTRY_TYPE\",\"ENTRY_MONTH\",\"RESULT_VALUE\"],"
            + "\"dataFrom\":\"2024-01-01\",\"dataTo\":\"2026-06-30\",\"researchers\":[\"researcher.kofi\"]}")))
    @APIResponse(responseCode = "201", description = "Submitted, waiting for the committee",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or wrong; a named researcher not accredited",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an accredited researcher",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(NewProject project) {
        ProjectView submitted = projects.submit(project);
        return Response.created(URI.create("projects/" + submitted.reference())).entity(submitted).build();
    }

    @GET
    @Path("/projects")
    @Operation(summary = "Projects: a researcher's own, every one for the committee, the approved and suspended for output checkers")
    @APIResponse(responseCode = "200", description = "OK")
    public List<ProjectView> projects() {
        return projects.projects();
    }

    @GET
    @Path("/projects/{reference}")
    @Operation(summary = "One project, if it is yours to see")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectView project(@PathParam("reference") ProjectReference reference) {
        return projects.project(reference);
    }

    @POST
    @Path("/projects/{reference}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideResearchProject", summary = "The committee's decision: approve (with the approval's reference and end), reject or suspend",
            description = "A member on the project may not decide it (403). Approve a submitted or suspended project; reject a"
                    + " submitted one; suspend an approved one (409 otherwise).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = "{\"verdict\":\"APPROVE\","
            + "\"approvalReference\":\"26/CAG/0042\",\"approvedUntil\":\"2027-12-31\",\"note\":\"Approved with k = 5\"}")))
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "403", description = "Not the committee, or on the project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project's state does not allow that decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProjectView decide(@PathParam("reference") ProjectReference reference, Decision decision) {
        return projects.decide(reference, decision);
    }

    @POST
    @Path("/projects/{reference}/key-rotation")
    @Operation(summary = "Give the project a new pseudonym key (the committee): its next extract re-pseudonymises every patient")
    @APIResponse(responseCode = "200", description = "Rotated: the project with its new key version")
    public ProjectView rotateKey(@PathParam("reference") ProjectReference reference) {
        return projects.rotateKey(reference);
    }

    @POST
    @Path("/projects/{reference}/extracts")
    @Operation(summary = "Start an extract run of the project's dataset (a researcher on an approved, in-date project)",
            description = "Answers at once (202); the run reads every patient in chunks, each chunk one transaction, and writes the"
                    + " pseudonymised dataset into the research database; at its end a dataset whose smallest group (age band, sex,"
                    + " postcode district) is below the project's k is refused. Follow it with GET …/extracts/{id}.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "409", description = "The project is not active, or a run is going already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startExtract(@PathParam("reference") ProjectReference reference) {
        RunView run = extracts.start(reference);
        return Response.accepted(run).location(URI.create("extracts/" + run.id())).build();
    }

    @GET
    @Path("/projects/{reference}/extracts")
    @Operation(summary = "The project's extract runs, newest first, with their progress (patients read of all, percent, rate)"
            + " and at their end the counts by reason and the smallest group")
    @APIResponse(responseCode = "200", description = "OK")
    public List<RunView> extracts(@PathParam("reference") ProjectReference reference) {
        return extracts.runs(reference);
    }

    @GET
    @Path("/projects/{reference}/extracts/{run}")
    @Operation(summary = "One extract run and its progress")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = RunView.class)))
    public RunView extract(@PathParam("reference") ProjectReference reference, @PathParam("run") long run) {
        return extracts.run(reference, run);
    }

    @POST
    @Path("/projects/{reference}/extracts/{run}/stop")
    @Operation(summary = "Stop a running extract at the end of its current chunk (it can be restarted from there)")
    @APIResponse(responseCode = "200", description = "Asked to stop")
    @APIResponse(responseCode = "409", description = "Not running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView stopExtract(@PathParam("reference") ProjectReference reference, @PathParam("run") long run) {
        return extracts.stop(reference, run);
    }

    @POST
    @Path("/projects/{reference}/extracts/{run}/restart")
    @Operation(summary = "Restart a stopped or failed extract from its last checkpoint")
    @APIResponse(responseCode = "202", description = "Restarted")
    @APIResponse(responseCode = "409", description = "Neither stopped nor failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restartExtract(@PathParam("reference") ProjectReference reference, @PathParam("run") long run) {
        return Response.accepted(extracts.restart(reference, run)).build();
    }

    @GET
    @Path("/register")
    @Operation(operationId = "researchRegister", summary = "The public register of approved projects: what each is for, on what legal basis, who sponsors it")
    @APIResponse(responseCode = "200", description = "OK")
    public List<RegisterEntry> register() {
        return projects.register();
    }
}
