package uk.nhs.icr.it;

import org.apache.http.impl.client.HttpClients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

import java.util.List;

/** HAPI's generic client pointed at the test server's {@code /fhir}, trusting its certificate, as a partner system would use it. */
final class Fhir {

    static final String BASE = Api.BASE + "/fhir";
    static final FhirContext CONTEXT = FhirContext.forR4();

    static {
        CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // last: setting a timeout would drop a client given before it
        CONTEXT.getRestfulClientFactory().setHttpClient(HttpClients.custom().setSSLContext(Api.TLS).build());
    }

    private Fhir() {
    }

    /** A client sending this bearer token. */
    static IGenericClient as(String token) {
        IGenericClient client = anonymous();
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    static IGenericClient anonymous() {
        return CONTEXT.newRestfulGenericClient(BASE);
    }

    /** The resources of a Bundle's match entries, in order (an OperationOutcome entry is the Bundle's note, not a match). */
    static List<Resource> matches(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(resource -> !(resource instanceof OperationOutcome)).toList();
    }

    /** The notes a Bundle carries as OperationOutcome entries (what is withheld), as their diagnostics. */
    static List<String> notes(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(OperationOutcome.class::isInstance)
                .flatMap(outcome -> ((OperationOutcome) outcome).getIssue().stream()).map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .toList();
    }

    /** The OperationOutcome of a request refused with this status. */
    static OperationOutcome outcomeOf(int status, Runnable request) {
        try {
            request.run();
        } catch (BaseServerResponseException refused) {
            if (refused.getStatusCode() != status || !(refused.getOperationOutcome() instanceof OperationOutcome outcome)) {
                throw new AssertionError("expected " + status + " with an OperationOutcome, got " + refused.getStatusCode(), refused);
            }
            return outcome;
        }
        throw new AssertionError("the request was not refused");
    }

    /** What the server answered a refused request: its status and the OperationOutcome's first diagnostics. */
    static String refusal(Runnable request) {
        try {
            request.run();
        } catch (BaseServerResponseException refused) {
            OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
            return refused.getStatusCode() + " " + (outcome == null ? "(no OperationOutcome)" : outcome.getIssueFirstRep().getCode().toCode());
        }
        throw new AssertionError("the request was not refused");
    }
}
