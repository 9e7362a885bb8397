package uk.nhs.icr.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

// "/" because the WAR itself is at /api (ear/pom.xml): /api/patients, as before the API had a WAR of its own.
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(
        title = "ICR - Integrated Care Record API",
        version = "0.1",
        description = "Shared care record across hospital and social care. Errors are RFC 9457 problem details "
                + "(application/problem+json) with field errors where input was refused."))
public class IcrApi extends Application {
}
