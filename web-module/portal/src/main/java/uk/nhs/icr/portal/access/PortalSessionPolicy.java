package uk.nhs.icr.portal.access;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a portal sign-in lasts (issue 18). A session ends after {@code ICR_PORTAL_IDLE_TIMEOUT} (default 30 minutes)
 * without a request, and in any case {@code ICR_PORTAL_SESSION_LIFETIME} (default 12 hours, a long shift) after signing in:
 * then the member of staff signs in again. {@code ICR_PORTAL_IDLE_WARNING} (default 2 minutes) before the idle timeout,
 * every open page of the session warns, with a button to stay signed in. A member of staff may be signed in at several
 * workstations at once (a ward and a clinic): each session is timed on its own, and each ends at its own sign-out.
 */
@ApplicationScoped
@Named("portalSession")
public class PortalSessionPolicy {

    @Inject
    @ConfigProperty(name = "icr.portal.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "icr.portal.idle-warning", defaultValue = "PT2M")
    Duration idleWarning;

    @Inject
    @ConfigProperty(name = "icr.portal.session-lifetime", defaultValue = "PT12H")
    Duration lifetime;

    public PortalSessionPolicy() {
    }

    PortalSessionPolicy(Duration idleTimeout, Duration idleWarning, Duration lifetime) {
        this.idleTimeout = idleTimeout;
        this.idleWarning = idleWarning;
        this.lifetime = lifetime;
    }

    /** The session's idle timeout, as the servlet session takes it. */
    public int idleTimeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds());
    }

    /** Whether a session signed in at {@code signedInAt} (null: not known) has outlived the absolute lifetime at {@code now}. */
    public boolean outlived(Instant signedInAt, Instant now) {
        return signedInAt == null || !now.isBefore(signedInAt.plus(lifetime));
    }

    /** After how long without a request the pages warn (the idle timeout less the warning, never below zero). */
    public long getWarnAfterMillis() {
        return Math.max(0, idleTimeout.minus(idleWarning).toMillis());
    }

    /** After how long without a request the session is over, and the pages sign out. */
    public long getSignedOutAfterMillis() {
        return idleTimeout.toMillis();
    }

    public long getIdleTimeoutMinutes() {
        return idleTimeout.toMinutes();
    }

    /** "Stay signed in": the request itself is what keeps the session alive. */
    public void keepAlive() {
        // nothing more to do
    }
}
