package uk.nhs.icr.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Resources written through {@code /fhir} checked against the base R4 structure before ICR reads them: cardinality, data
 * types, required bindings to FHIR's own value sets and the invariants of the core specification (HAPI's instance
 * validator with the R4 definitions it ships). Codes of large external code systems (SNOMED CT, LOINC, dm+d) are not
 * looked up, as ICR runs no terminology server: an unknown system is a warning, and warnings do not refuse. ICR's own
 * rules (the NHS number's check digit, dates, categories) come after this, in the services. A refusal is a 422 naming
 * each error where it sits in the request ({@code Bundle.entry[3].resource.status}).
 * <p>
 * Built once per server. The first validation loads the R4 definitions: about 185 MB of heap that stays, and 8 to 9 s
 * (measured by {@code benchmarks/fhir/ValidatorHeap.java}; docs/performance.md). That happens once, in {@link #warm}: the
 * server calls it beside its start, and a request that arrives before it has finished waits for it rather than loading
 * a second copy. HAPI keeps the loaded definitions in a static map of its own, which would outlive the application in a
 * server that keeps an undeployed application's classes reachable (WildFly's idle pool threads do, for a while), so
 * {@link #release} empties it when the application stops. Each run
 * of HAPI's validator builds a new instance validator, which costs about 20 ms whatever it validates, so the entries of an
 * import are validated together, 500 at a time as one bundle (about 2 ms a resource), not one by one.
 */
final class StructureValidation {

    /** Past this many errors a refusal says how many more there were rather than naming them. */
    static final int MOST_ISSUES = 50;

    /** How many entries of an import one run of the validator takes (see {@link #requireEntries}). */
    static final int ENTRIES_PER_RUN = 500;

    private final FhirValidator validator;
    private final DefaultProfileValidationSupport definitions;
    private final ValidationSupportChain chain;
    private volatile boolean warm;

    StructureValidation(FhirContext context) {
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(context);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        this.definitions = new DefaultProfileValidationSupport(context);
        this.chain = new ValidationSupportChain(
                definitions,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownSystems);
        FhirInstanceValidator instances = new FhirInstanceValidator(chain);
        instances.setAnyExtensionsAllowed(true);
        instances.setErrorForUnknownProfiles(false);
        this.validator = context.newValidator().setValidateAgainstStandardSchema(false).setValidateAgainstStandardSchematron(false)
                .registerValidatorModule(instances);
    }

    /** Loads the R4 definitions and builds the validator's context, once; callers that come meanwhile wait for it. */
    void warm() {
        if (warm) {
            return;
        }
        synchronized (this) {
            if (!warm) {
                validator.validateWithResult(new Patient().addName(new HumanName().setFamily("Warm")));
                warm = true;
            }
        }
    }

    /** Lets go of the loaded definitions, which HAPI holds statically, when the application stops (after a warm-up under way). */
    synchronized void release() {
        chain.invalidateCaches();
        definitions.flush();
    }

    /** A refusal of the resources with errors, each named at its place in the request; nothing when all hold. */
    static final class Findings {

        private final List<OperationOutcome.OperationOutcomeIssueComponent> errors = new ArrayList<>();
        private int count;

        void add(String expression, SingleValidationMessage message) {
            count++;
            if (errors.size() < MOST_ISSUES) {
                errors.add(new OperationOutcome.OperationOutcomeIssueComponent().setSeverity(IssueSeverity.ERROR)
                        .setCode(IssueType.STRUCTURE).setDiagnostics(expression + ": " + message.getMessage()).addExpression(expression));
            }
        }

        void throwIfAny() {
            if (count == 0) {
                return;
            }
            OperationOutcome outcome = new OperationOutcome();
            errors.forEach(outcome::addIssue);
            if (count > errors.size()) {
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.TOOCOSTLY)
                        .setDiagnostics((count - errors.size()) + " more errors not listed");
            }
            throw new UnprocessableEntityException(count + (count == 1 ? " error" : " errors")
                    + " against the FHIR R4 structure: nothing was written", outcome);
        }
    }

    private static boolean isError(SingleValidationMessage message) {
        return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL;
    }

    /**
     * Refuses (422) a transaction or batch when one of the chosen entries breaks the R4 structure. The chosen entries are
     * validated together, {@value #ENTRIES_PER_RUN} at a time, each run as one bundle of the request's type (so that
     * conditional references, which a transaction may hold, are read as such; a reference to an entry in another run is
     * not an error); each error is named by its entry's index in the request. One run per entry would cost about 20 ms
     * each; one run for a whole 50 MB bundle (20,000 entries) held more than a gigabyte of the validator's own model.
     */
    void requireEntries(Bundle request, Predicate<Resource> chosen) {
        warm();
        Findings findings = new Findings();
        Bundle run = new Bundle().setType(request.getType());
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < request.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = request.getEntry().get(i);
            if (entry.getResource() != null && chosen.test(entry.getResource())) {
                run.addEntry(entry);
                indices.add(i);
            }
            if (indices.size() == ENTRIES_PER_RUN || i == request.getEntry().size() - 1 && !indices.isEmpty()) {
                for (SingleValidationMessage message : validator.validateWithResult(run).getMessages()) {
                    if (isError(message)) {
                        findings.add(inRequest(message.getLocationString(), indices), message);
                    }
                }
                run = new Bundle().setType(request.getType());
                indices = new ArrayList<>();
            }
        }
        findings.throwIfAny();
    }

    /** Refuses one resource (an update, a booking) with 422 when it breaks the R4 structure. */
    void require(Resource resource) {
        warm();
        Findings findings = new Findings();
        for (SingleValidationMessage message : validator.validateWithResult(resource).getMessages()) {
            if (isError(message)) {
                findings.add(inRequest(message.getLocationString(), List.of()), message);
            }
        }
        findings.throwIfAny();
    }

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");
    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]");

    /**
     * The validator's location as a FHIRPath expression into the request: its comments ({@code /*Observation/null*}{@code /})
     * dropped, and the index of an entry in the validated subset replaced by that entry's index in the request.
     */
    static String inRequest(String location, List<Integer> requestIndices) {
        String expression = location == null ? "" : COMMENT.matcher(location).replaceAll("");
        Matcher entry = ENTRY.matcher(expression);
        if (entry.find()) {
            int index = Integer.parseInt(entry.group(1));
            if (index < requestIndices.size()) {
                expression = "Bundle.entry[" + requestIndices.get(index) + "]" + expression.substring(entry.end());
            }
        }
        return expression;
    }
}
