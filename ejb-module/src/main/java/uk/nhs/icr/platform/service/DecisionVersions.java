package uk.nhs.icr.platform.service;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import jakarta.persistence.PersistenceException;

import uk.nhs.icr.platform.VersionedDecision;

/**
 * The one way the next version of a patient's decision is stored. Versions are unique per patient, so
 * when someone else stored the same version between this caller's read and write, the database refuses
 * the second and the caller hears {@link ChangedMeanwhileException} (409), with nothing written.
 */
public final class DecisionVersions {

    private DecisionVersions() {
    }

    /**
     * Checks the caller's precondition against {@code current}, numbers the next version and appends it: the one
     * way a change to a patient's decision is stored.
     *
     * @param next builds the new version with the number it is given
     */
    public static <T extends VersionedDecision> T appendAfter(Optional<? extends VersionedDecision> current, Precondition precondition,
                                                              IntFunction<T> next, Consumer<? super T> store, String what) {
        precondition.check(current.map(VersionedDecision::version).orElse(0), what);
        return append(next.apply(VersionedDecision.nextVersion(current)), store, what);
    }

    /**
     * @param next  the new version, numbered with {@link VersionedDecision#nextVersion}
     * @param store the repository call that writes it (and flushes, so a clash shows here)
     * @param what  what the user would call it, for the conflict message ("the consent")
     */
    public static <T extends VersionedDecision> T append(T next, Consumer<? super T> store, String what) {
        try {
            store.accept(next);
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new ChangedMeanwhileException(what);
            }
            throw e;
        }
        return next;
    }
}
