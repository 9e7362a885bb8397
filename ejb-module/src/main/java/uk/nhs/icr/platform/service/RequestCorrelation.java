package uk.nhs.icr.platform.service;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties one request's audit rows and log lines to the caller's own records: the caller's
 * {@code X-Correlation-ID} or {@code X-Request-ID} when it sends a usable one (up to 64 letters, digits and
 * {@code . _ : -}, and no ten digits in a row, which may be an NHS number), a new one otherwise. The edge that takes the request sets it for the request's thread
 * ({@link #begin}) and removes it when the request is done ({@link #end}); the audit log reads it for every row it writes.
 */
public final class RequestCorrelation {

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Ten digits in a row may be an NHS number, which no log line may hold. */
    private static final Pattern MAY_BE_AN_NHS_NUMBER = Pattern.compile("[0-9]{10}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestCorrelation() {
    }

    /** The id sent, if it is usable; otherwise a new one. */
    public static String chooseFrom(String... sent) {
        for (String id : sent) {
            if (usable(id)) {
                return id;
            }
        }
        return UUID.randomUUID().toString();
    }

    public static boolean usable(String id) {
        return id != null && USABLE.matcher(id).matches() && !MAY_BE_AN_NHS_NUMBER.matcher(id).find();
    }

    public static void begin(String id) {
        CURRENT.set(id);
    }

    public static void end() {
        CURRENT.remove();
    }

    /** The current request's id; none outside a request (a scheduled job). */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
