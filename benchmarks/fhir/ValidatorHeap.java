import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.UUID;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;

/**
 * What HAPI's R4 instance validator costs, built as uk.nhs.icr.fhir.StructureValidation builds it: the heap it keeps (the
 * live heap after full collections with only the FHIR context loaded, then with the validator warmed), the time to warm
 * it, and the time to validate resources one at a time and 500 at once in a transaction bundle (as an import does).
 * Run from the repository root after a build (slf4j is the server's, so it comes from the local Maven repository):
 *   java -Xmx1g -cp "web-module/fhir/target/web-fhir-0.1.0-SNAPSHOT/WEB-INF/lib/*:$HOME/.m2/repository/org/slf4j/slf4j-api/2.0.7/slf4j-api-2.0.7.jar" \
 *       benchmarks/fhir/ValidatorHeap.java
 */
public class ValidatorHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private static long liveMegabytes() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return MEMORY.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static Observation sodium(int i) {
        return new Observation().setStatus(Observation.ObservationStatus.FINAL).setCode(new CodeableConcept().setText("Sodium " + i))
                .setValue(new Quantity().setValue(140).setUnit("mmol/L"));
    }

    public static void main(String[] args) throws Exception {
        FhirContext context = FhirContext.forR4();
        context.getResourceDefinition("Observation");
        long before = liveMegabytes();

        long started = System.nanoTime();
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(context);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context), unknownSystems);
        FhirInstanceValidator instances = new FhirInstanceValidator(chain);
        instances.setAnyExtensionsAllowed(true);
        instances.setErrorForUnknownProfiles(false);
        FhirValidator validator = context.newValidator().setValidateAgainstStandardSchema(false)
                .setValidateAgainstStandardSchematron(false).registerValidatorModule(instances);
        validator.validateWithResult(sodium(0));
        validator.validateWithResult(new Consent().setStatus(Consent.ConsentState.ACTIVE));
        long warmMillis = (System.nanoTime() - started) / 1_000_000;
        long after = liveMegabytes();

        int rounds = 100;
        started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            validator.validateWithResult(sodium(i));
        }
        double eachMillis = (System.nanoTime() - started) / 1_000_000.0 / rounds;

        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (int i = 0; i < 500; i++) {
            transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(sodium(i)).getRequest()
                    .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        }
        long bundleMillis = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            started = System.nanoTime();
            validator.validateWithResult(transaction);
            bundleMillis = Math.min(bundleMillis, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("validator-heap: live heap %d MB with the FHIR context, %d MB with the validator warmed: it keeps %d MB;"
                + " warming took %d ms; one Observation at a time %.1f ms each (%d rounds); 500 in one transaction bundle %d ms"
                + " (best of 5), %.1f ms each%n", before, after, after - before, warmMillis, eachMillis, rounds, bundleMillis,
                bundleMillis / 500.0);
    }
}
