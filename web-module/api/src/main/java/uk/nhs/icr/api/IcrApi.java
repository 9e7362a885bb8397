package uk.nhs.icr.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

// "/" because the WAR itself is at /api (ear/pom.xml): /api/patients, as before the API had a WAR of its own.
// The licence is the one NHS England publishes its API specifications under; the external documents are the API platform's
// guides, whose conventions ICR follows (the document may not hold either empty, and WildFly keeps an empty one).
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(
        title = "ICR - Integrated Care Record API",
        version = "1.0.0",
        description = "Shared care record across hospital and social care. Errors are RFC 9457 problem details "
                + "(application/problem+json) with field errors where input was refused.",
        license = @License(name = "Open Government Licence v3.0",
                url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")),
        externalDocs = @ExternalDocumentation(description = "NHS England's API platform: the conventions partner APIs follow",
                url = "https://digital.nhs.uk/developer"))
public class IcrApi extends Application {
}
