package uk.nhs.icr.platform.service;

import java.util.function.Consumer;

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
