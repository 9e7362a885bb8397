package uk.nhs.icr.api.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
 * a bearer token (the security schemes, bearer and the provider's OAuth 2 flows, and the requirement), and each can answer 401 (no token, or one ICR does not
 * accept), 403 (the access decision point or the caller's role), 500 (an unexpected failure, named by an incident id)
 * and 503 (a database out of reach), all as problem details. An operation that documents one of these itself keeps its
 * own; every error response is problem details, whether its annotation says so or not. A response without a description
 * gets its status's reason phrase.
 * <p>
 * Paging and date parameters are read as text by the resources (so that a bad one is answered with a problem naming it),
 * but they are integers and dates: the document types them so ({@code page} from 0, {@code size} 1 to 100, a parameter
 * described as {@code YYYY-MM-DD} a date), and a generated client sends them as such; an operation that pages answers
 * {@code Link} headers too ({@code PagingLinks}); every POST takes an {@code Idempotency-Key} ({@code IdempotencyKeys}).
 */
public class ContractFilter implements OASFilter {

    static final String BEARER = "bearer";
    static final String OAUTH = "oauth2";
    private static final String DEFAULT_PROVIDER = "http://localhost:8280/realms/icr/protocol/openid-connect";

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
        components.addSecurityScheme(OAUTH, oauth());
        // either names the same tokens: a bearer token as such, or how to get one from the provider
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER),
                OASFactory.createSecurityRequirement().addScheme(OAUTH)));
        EVERY_OPERATION.forEach((status, common) -> components.addResponse(common.name(), problem(common.description())));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            if (path.getPOST() != null) {
                path.getPOST().addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                        .required(false).description("Send one (a new UUID per operation) and retry with it: within 24 hours the"
                                + " first answer is given again and nothing is done twice; the same key with another request is 422")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128)
                                .pattern("^[A-Za-z0-9._:-]{1,128}$")));
            }
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
                if (pages(operation) && responses.hasAPIResponse("200") && responses.getAPIResponse("200").getRef() == null) {
                    responses.getAPIResponse("200").addHeader("Link", OASFactory.createHeader()
                            .description("The first, previous, next and last pages (RFC 8288: rel first, prev, next, last)")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
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
        SchemaExamples.addWhereMissing(openAPI);
    }

    /**
     * The provider's OAuth 2 flows: client credentials for partner systems, authorization code (with PKCE) for the apps
     * staff and patients sign in to, with ICR's scopes. The provider's endpoints come from configuration
     * ({@code icr.oauth.token-url}, {@code icr.oauth.authorization-url}; the sandbox provider's by default).
     */
    private static SecurityScheme oauth() {
        Config config = ConfigProvider.getConfig();
        String token = config.getOptionalValue("icr.oauth.token-url", String.class).orElse(DEFAULT_PROVIDER + "/token");
        String authorize = config.getOptionalValue("icr.oauth.authorization-url", String.class).orElse(DEFAULT_PROVIDER + "/auth");
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("record:read", "Read patients' records and search the register");
        scopes.put("record:write", "Register patients and record entries");
        scopes.put("preferences:write", "Record patients' choices: consent, data opt-out, organ donation, research consent");
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Tokens from ICR's OpenID Connect provider; a token's scope limits what its client may do with"
                        + " patient data (docs/partners.md)")
                .flows(OASFactory.createOAuthFlows()
                        .clientCredentials(OASFactory.createOAuthFlow().tokenUrl(token).scopes(scopes))
                        .authorizationCode(OASFactory.createOAuthFlow().authorizationUrl(authorize).tokenUrl(token).scopes(scopes)));
    }

    /** Whether the operation answers a page of a list: it takes {@code page}. */
    private static boolean pages(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "page".equals(parameter.getName()));
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
