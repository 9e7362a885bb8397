package uk.nhs.icr.fhir;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.validation.ConstraintViolationException;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.NotSignedInException;
import uk.nhs.icr.organdonation.service.IdentityMismatchException;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.LoggableFailure;
import uk.nhs.icr.platform.service.PreconditionRequiredException;
import uk.nhs.icr.platform.service.Violations;

/**
 * Every failure answers as an OperationOutcome with the status the JSON API gives the same case: 401 not signed in, 403
 * refused by the access decision point, 404 no such resource (or one withheld), 400 bad search input, 422 a resource
 * whose content ICR refuses, 409 a conflict with the record, 412 changed meanwhile, 428 a change without If-Match, 503 a
 * database out of reach. Anything else is a 500 naming an incident id; its details go to the log, scrubbed of patient
 * data, never to the client. Each answer carries its own OperationOutcome, so HAPI does not log the failure again with
 * its message.
 */
@Interceptor
final class OperationOutcomes {

    private static final Logger LOG = Logger.getLogger(OperationOutcomes.class.getName());
    private static final int PRECONDITION_REQUIRED = 428;
    private static final int SERVICE_UNAVAILABLE = 503;

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(RequestDetails request, Throwable failure) {
        BaseServerResponseException answer = answer(failure);
        if (answer instanceof InvalidRequestException && writes(request) && contentRefused(failure)) {
            // the body was read but ICR refuses its content: 422, naming the elements as the 400 would
            answer = new UnprocessableEntityException(answer.getMessage(), answer.getOperationOutcome());
        }
        if (answer.getOperationOutcome() == null) {
            answer.setOperationOutcome(outcome(answer.getStatusCode(), answer.getMessage()));
        }
        return answer;
    }

    private static BaseServerResponseException answer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            BaseServerResponseException known = known(cause);
            if (known != null) {
                return known;
            }
        }
        if (failure instanceof BaseServerResponseException hapi && !(failure instanceof InternalErrorException)) {
            // HAPI's own refusal of the request (a parameter it cannot parse, an unknown resource type): its words stand
            return hapi;
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            LOG.warning(() -> "Database unavailable: " + failure.getClass().getName());
            return new UnclassifiedServerFailureException(SERVICE_UNAVAILABLE,
                    "A database behind this service cannot be reached. Nothing was recorded; try again shortly.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled FHIR failure, incident " + incident, LoggableFailure.of(failure));
        return new InternalErrorException("Something went wrong on our side (incident " + incident
                + "). Nothing is shown of it here; quote the incident to the service desk.");
    }

    /** ICR's own refusal of what a body says (not HAPI's of a body it could not parse, nor of a header). */
    private static boolean contentRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid.errors().stream().noneMatch(error -> error.field().startsWith("If-"));
            }
            if (cause instanceof ConstraintViolationException || cause instanceof InvalidValueException) {
                return true;
            }
        }
        return false;
    }

    private static boolean writes(RequestDetails request) {
        RestOperationTypeEnum operation = request == null ? null : request.getRestOperationType();
        return operation == RestOperationTypeEnum.UPDATE || operation == RestOperationTypeEnum.CREATE
                || operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH;
    }

    /** The answer for one of ICR's own failures, or null when this is not one. */
    private static BaseServerResponseException known(Throwable failure) {
        if (failure instanceof FhirEdge.ImportTooLargeException) {
            return new PayloadTooLargeException(failure.getMessage());
        }
        if (failure instanceof NotSignedInException) {
            AuthenticationException refused = new AuthenticationException("Sign in first: this needs a valid bearer token");
            refused.addResponseHeader("WWW-Authenticate", "Bearer realm=\"icr\"");
            return refused;
        }
        if (failure instanceof AccessDeniedException || failure instanceof IdentityMismatchException) {
            return new ForbiddenOperationException(failure.getMessage());
        }
        if (failure instanceof uk.nhs.icr.platform.service.ResourceNotFoundException) {
            return new ResourceNotFoundException(failure.getMessage());
        }
        if (failure instanceof InvalidInputException invalid) {
            return invalid(invalid.errors());
        }
        if (failure instanceof ConstraintViolationException violation) {
            return invalid(Violations.fieldErrors(violation.getConstraintViolations()));
        }
        if (failure instanceof InvalidValueException || failure instanceof DataFormatException) {
            return new InvalidRequestException(failure.getMessage());
        }
        if (failure instanceof ConflictException) {
            return new ResourceVersionConflictException(failure.getMessage());
        }
        if (failure instanceof uk.nhs.icr.platform.service.PreconditionFailedException) {
            return new PreconditionFailedException(failure.getMessage());
        }
        if (failure instanceof PreconditionRequiredException) {
            return new UnclassifiedServerFailureException(PRECONDITION_REQUIRED, failure.getMessage());
        }
        return null;
    }

    /** 400 naming each refused field (the search parameter or the element) in an issue of its own. */
    private static BaseServerResponseException invalid(List<FieldError> errors) {
        OperationOutcome outcome = new OperationOutcome();
        errors.forEach(error -> outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID)
                .setDiagnostics(error.field() + ": " + error.message()).addExpression(error.field()));
        return new InvalidRequestException("Invalid input", outcome);
    }

    /** An OperationOutcome with one issue saying what happened, of the FHIR issue type the status means. */
    static OperationOutcome outcome(int status, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR).setCode(issueType(status))
                .setDiagnostics(diagnostics);
        return outcome;
    }

    private static IssueType issueType(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 422 -> IssueType.BUSINESSRULE;
            case 428 -> IssueType.REQUIRED;
            case 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }
}
