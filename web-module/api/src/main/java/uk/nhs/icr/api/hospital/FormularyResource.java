package uk.nhs.icr.api.hospital;

import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.terminology.service.FormularyService;
import uk.nhs.icr.terminology.service.FormularyService.Imported;
import uk.nhs.icr.terminology.service.FormularyService.InteractionTerm;
import uk.nhs.icr.terminology.service.TerminologyService;
import uk.nhs.icr.terminology.service.TerminologyService.MedicineTerm;

/** The coded formulary: medicines with their group, allergy classes and usual maximum, their interactions, and imports. */
@Path("/formulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Formulary", description = "ICR's medicines in dm+d's shape, with what prescribing checks need; a release imported as CSV.")
public class FormularyResource {

    @Inject
    TerminologyService terminology;

    @Inject
    FormularyService formulary;

    @GET
    @Path("/medicines")
    @Operation(summary = "Medicines whose name starts with, or has a word starting with, what was typed (at most 12)")
    @APIResponse(responseCode = "200", description = "OK")
    public List<MedicineTerm> medicines(@Parameter(description = "what was typed") @QueryParam("query") String query) {
        return terminology.medicines(query);
    }

    @GET
    @Path("/interactions")
    @Operation(summary = "The interactions among these medicines, each pair once, with severity (mild, moderate, severe) and advice")
    @APIResponse(responseCode = "200", description = "OK")
    public List<InteractionTerm> interactions(@Parameter(description = "a medicine's name; repeat for each") @QueryParam("medicine")
                                              List<String> medicines) {
        return formulary.interactionsAmong(medicines == null ? List.of() : medicines.stream().limit(100).toList());
    }

    @POST
    @Path("/releases")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a formulary release (administrators)", description = "CSV with a header: vtm, name, form, route, dose_unit"
            + " (required), strength, dmd_code, therapeutic_group, allergy_classes (separated by ;), max_daily_dose (in the dose unit),"
            + " time_critical, controlled_drug (yes/no). Products are added or revised by name or dm+d code; a faulty line refuses"
            + " the whole file, each fault named by its line, and nothing changes.")
    @APIResponse(responseCode = "200", description = "Imported: how many products were added and revised")
    @APIResponse(responseCode = "400", description = "The faulty lines, or a file that is not a release",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Imported importRelease(InputStream release) {
        return formulary.importRelease(release);
    }
}
