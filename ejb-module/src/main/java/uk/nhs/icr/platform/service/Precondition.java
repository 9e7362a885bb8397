package uk.nhs.icr.platform.service;

import java.io.Serializable;

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
