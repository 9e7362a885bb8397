package uk.nhs.icr.api.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.LoggableFailure;

/**
 * The last line: a body that is not JSON is the client's fault (400), an unreachable database is ours
 * but temporary (503), and anything else is a 500 whose details stay in the server log under an
 * incident id the client can quote.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private static final int RETRY_AFTER_SECONDS = 30;

    @Override
    public Response toResponse(Throwable e) {
        if (isUnreadableBody(e)) {
            return malformedBody();
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warning(() -> "Database unavailable: " + e.getClass().getName());
            return Response.fromResponse(Problem.of("service-unavailable", "Service unavailable",
                            Response.Status.SERVICE_UNAVAILABLE,
                            "A database behind this service cannot be reached. Nothing was recorded; try again shortly.")
                    .toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        return unexpected(e);
    }

    static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, LoggableFailure.of(e));
        return internalError(incident).toResponse();
    }

    /** The 500 problem a client gets for an unexpected failure, quoting the incident id the log holds. */
    public static Problem internalError(String incident) {
        return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote incident " + incident + " when reporting it.");
    }

    static boolean isUnreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    static Response malformedBody() {
        return Problem.of("malformed-body", "Malformed request body", Response.Status.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape. Nothing was recorded.").toResponse();
    }
}
