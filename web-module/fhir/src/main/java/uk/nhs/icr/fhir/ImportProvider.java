package uk.nhs.icr.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.sharedrecord.service.ImportReport;
import uk.nhs.icr.sharedrecord.service.RecordImportService;

/**
 * {@code POST /fhir} with a {@code transaction} or {@code batch} Bundle: records from another system imported into both
 * stores in one XA transaction per bundle ({@link RecordImportService}: record importers only; all or nothing; a batch is
 * imported as a whole too). The answer is a {@code transaction-response} with one entry per entry sent: {@code 201
 * Created} for what this import added, {@code 200 OK} for what ICR already held (a re-import), and {@code 200 OK} with an
 * {@code information} issue for a resource ICR does not keep (claims, coverage, imaging, ...), which is skipped.
 */
final class ImportProvider {

    private final RecordImportService imports;
    private final BundleImports bundles;
    private final CurrentCaller currentCaller;
    private final StructureValidation validation;

    ImportProvider(RecordImportService imports, BundleImports bundles, CurrentCaller currentCaller, StructureValidation validation) {
        this.imports = imports;
        this.bundles = bundles;
        this.currentCaller = currentCaller;
        this.validation = validation;
    }

    /** Refuses anyone but a record importer: nobody else learns anything from how a bundle would be read. */
    static void requireImporter(CurrentCaller currentCaller) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !caller.hasRole(StaffRole.IMPORTER)) {
            throw new AccessDeniedException("Only record importers (hosting staff) import records from other systems", false);
        }
    }

    @Transaction
    public Bundle importBundle(@TransactionParam Bundle bundle) {
        // the role first (BundleStream checked it before reading a JSON body; the service checks it again)
        requireImporter(currentCaller);
        if (bundle == null) {
            throw new InvalidRequestException("Send a Bundle of type transaction or batch");
        }
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH) {
            throw new InvalidRequestException("Bundle.type: send a transaction or a batch");
        }
        // what ICR keeps must hold as R4 before ICR reads it; what it skips is not written, so not checked
        validation.requireEntries(bundle, BundleImports::kept);
        BundleImports.Read read = bundles.read(bundle);
        ImportReport report = imports.importRecords(read.records());
        Bundle answer = new Bundle().setType(bundle.getType() == Bundle.BundleType.BATCH ? Bundle.BundleType.BATCHRESPONSE
                : Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            String key = BundleImports.key(entry);
            Bundle.BundleEntryResponseComponent response = answer.addEntry().getResponse();
            if (!BundleImports.kept(resource)) {
                response.setStatus("200 OK").setOutcome(information(resource.fhirType() + " is not kept by ICR: skipped"));
            } else {
                response.setStatus(report.created().contains(key) ? "201 Created" : "200 OK");
            }
        }
        // the counts for tools (server-config/bin/import-fhir.sh sums them over a folder), as a JSON object in words
        answer.getMeta().addExtension(Systems.ICR + "StructureDefinition/import-summary", new org.hl7.fhir.r4.model.StringType(
                jakarta.json.Json.createObjectBuilder()
                        .add("patientsRegistered", report.patientsRegistered())
                        .add("patientsMatched", report.patientsMatched())
                        .add("added", counts(report.entriesAdded()))
                        .add("alreadyPresent", counts(report.entriesAlreadyPresent()))
                        .add("skipped", counts(read.skipped()))
                        .add("organisationsAdded", report.organisationsAdded())
                        .add("practitionersAdded", report.practitionersAdded())
                        .build().toString()));
        return answer;
    }

    private static jakarta.json.JsonObjectBuilder counts(java.util.Map<String, Integer> counts) {
        jakarta.json.JsonObjectBuilder object = jakarta.json.Json.createObjectBuilder();
        counts.forEach(object::add);
        return object;
    }

    private static OperationOutcome information(String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(diagnostics);
        return outcome;
    }
}
