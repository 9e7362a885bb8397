package uk.nhs.icr.platform.service;

import java.util.regex.Pattern;

/**
 * A copy of a failure that is safe to log: the same classes and stack frames, with the messages cut before
 * the parts databases fill with row values ("Detail: Key (nhs_number)=(...)", "Failing row contains (...)")
 * and with long digit runs (NHS numbers) masked. Exceptions carry patient data in their messages more often
 * than one would think; logs must not.
 */
public final class LoggableFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern ROW_VALUES = Pattern.compile("(?s)(Detail:|Failing row contains|Key \\().*");
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\d[\\d ]{5,}\\d");
    private static final int MAX_DEPTH = 20;

    private LoggableFailure(String message, StackTraceElement[] trace, LoggableFailure cause) {
        super(message, cause, false, true);
        setStackTrace(trace);
    }

    public static LoggableFailure of(Throwable failure) {
        return copy(failure, 0);
    }

    private static LoggableFailure copy(Throwable failure, int depth) {
        LoggableFailure cause = failure.getCause() == null || failure.getCause() == failure || depth >= MAX_DEPTH ? null
                : copy(failure.getCause(), depth + 1);
        return new LoggableFailure(failure.getClass().getName() + ": " + scrub(failure.getMessage()), failure.getStackTrace(), cause);
    }

    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String cut = ROW_VALUES.matcher(message).replaceAll("[row values removed]");
        return DIGIT_RUNS.matcher(cut).replaceAll("[digits removed]");
    }
}
