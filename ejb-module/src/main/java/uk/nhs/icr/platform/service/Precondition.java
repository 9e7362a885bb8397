package uk.nhs.icr.platform.service;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller believes about the current version of a patient's decision before changing it (HTTP
 * {@code If-Match} / {@code If-None-Match}): that it is still version N, that there is none yet, or nothing.
 * A change to a decision that exists must say which version it changes, so that nobody silently overwrites a
 * change they never saw.
 */
public record Precondition(Kind kind, int version) implements Serializable {

    public enum Kind {
        /** The caller said nothing: fine for a first version, refused (428) once one exists. */
        NOTHING_SAID,
        /** The caller changes this version ({@code If-Match}). */
        IS_VERSION,
        /** The caller changes whatever version there is ({@code If-Match: *}); there must be one. */
        ANY_VERSION,
        /** The caller creates the first version ({@code If-None-Match: *}). */
        NONE_YET
    }

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,8})\"");

    /**
     * What HTTP's {@code If-Match} (an ETag {@code "3"}, weak or not, or {@code *}) and {@code If-None-Match} ({@code *})
     * say, at any edge that speaks HTTP; both at once, or anything else, is refused naming the header.
     */
    public static Precondition fromHeaders(String ifMatch, String ifNoneMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
                throw InvalidInputException.of("If-None-Match", "send If-Match to change a version or If-None-Match: * to create"
                        + " the first, not both");
            }
            String tag = ifMatch.strip();
            if (tag.equals("*")) {
                return anyVersion();
            }
            Matcher version = VERSION_TAG.matcher(tag);
            if (!version.matches()) {
                throw InvalidInputException.of("If-Match", "If-Match must be the ETag of the version you change, such as \"3\"");
            }
            return isVersion(Integer.parseInt(version.group(1)));
        }
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            if (!ifNoneMatch.strip().equals("*")) {
                throw InvalidInputException.of("If-None-Match", "If-None-Match must be * (create the first version)");
            }
            return noneYet();
        }
        return nothingSaid();
    }

    public static Precondition nothingSaid() {
        return new Precondition(Kind.NOTHING_SAID, 0);
    }

    public static Precondition isVersion(int version) {
        return new Precondition(Kind.IS_VERSION, version);
    }

    public static Precondition anyVersion() {
        return new Precondition(Kind.ANY_VERSION, 0);
    }

    public static Precondition noneYet() {
        return new Precondition(Kind.NONE_YET, 0);
    }

    /** Refuses unless the current version ({@code 0}: none) is what the caller expected. */
    public void check(int current, String what) {
        switch (kind) {
            case NOTHING_SAID -> {
                if (current > 0) {
                    throw new PreconditionRequiredException(what, current);
                }
            }
            case IS_VERSION -> {
                if (current != version) {
                    throw new PreconditionFailedException(what, current);
                }
            }
            case ANY_VERSION -> {
                if (current == 0) {
                    throw new PreconditionFailedException(what, current);
                }
            }
            case NONE_YET -> {
                if (current > 0) {
                    throw new PreconditionFailedException(what, current);
                }
            }
        }
    }
}
