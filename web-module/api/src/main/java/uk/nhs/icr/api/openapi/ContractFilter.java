package uk.nhs.icr.api.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import uk.nhs.icr.api.problem.Problem;

/**
 * What holds for every operation of the API, said once in the OpenAPI document rather than on each of them: each needs
 * a bearer token (the security scheme and the requirement), and each can answer 401 (no token, or one ICR does not
 * accept), 403 (the access decision point or the caller's role), 500 (an unexpected failure, named by an incident id)
 * and 503 (a database out of reach), all as problem details. An operation that documents one of these itself keeps its
 * own; every error response is problem details, whether its annotation says so or not. A response without a description
 * gets its status's reason phrase.
 * <p>
 * Paging and date parameters are read as text by the resources (so that a bad one is answered with a problem naming it),
 * but they are integers and dates: the document types them so ({@code page} from 0, {@code size} 1 to 100, a parameter
 * described as {@code YYYY-MM-DD} a date), and a generated client sends them as such.
 */
public class ContractFilter implements OASFilter {

    static final String BEARER = "bearer";

    /** A response every operation may give: its name under components/responses and what it means. */
    private record Common(String name, String description) {
    }

    /** The responses every operation may give, by status. */
    private static final Map<String, Common> EVERY_OPERATION = new LinkedHashMap<>();

    static {
        EVERY_OPERATION.put("401", new Common("NotSignedIn",
                "No bearer token, or one ICR does not accept (expired, another issuer, a user ICR does not know)"));
        EVERY_OPERATION.put("403", new Common("Forbidden",
                "Refused by the access decision point: no care relationship, the patient's consent, or the caller's role"));
        EVERY_OPERATION.put("500", new Common("UnexpectedFailure",
                "An unexpected failure, named by an incident id the service desk can look up; nothing was half written"));
        EVERY_OPERATION.put("503", new Common("Unavailable",
                "A database is out of reach; nothing was written, and the request may be sent again"));
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null
                || !List.of(Schema.SchemaType.STRING).equals(parameter.getSchema().getType())) {
            return parameter;
        }
        if ("page".equals(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.ZERO)
                    .defaultValue(0));
        } else if ("size".equals(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(100)).defaultValue(20));
        } else if (parameter.getDescription() != null && parameter.getDescription().contains("YYYY-MM-DD")
                && parameter.getSchema().getFormat() == null) {
            parameter.getSchema().setFormat("date");
        }
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JSON Web Token from the identity service ICR trusts, sent as"
                        + " 'Authorization: Bearer <token>'. Staff tokens name the user (upn) and role (groups); a patient's"
                        + " token names their NHS number."));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        EVERY_OPERATION.forEach((status, common) -> components.addResponse(common.name(), problem(common.description())));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                EVERY_OPERATION.forEach((status, common) -> {
                    if (!responses.hasAPIResponse(status)) {
                        responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(common.name()));
                    }
                });
                responses.getAPIResponses().forEach((status, response) -> {
                    if (response.getRef() == null && response.getDescription() == null) {
                        response.setDescription(reasonPhrase(status));
                    }
                    if (response.getRef() == null && response.getContent() == null && (status.startsWith("4") || status.startsWith("5"))) {
                        response.setContent(problemContent());
                    }
                });
            }
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    /** "Created" for 201, and so on; the status itself where HTTP names none. */
    static String reasonPhrase(String status) {
        try {
            Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
            return known == null ? status : known.getReasonPhrase();
        } catch (NumberFormatException e) {
            return status;
        }
    }
}
