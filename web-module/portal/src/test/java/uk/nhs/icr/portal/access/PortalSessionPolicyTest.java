package uk.nhs.icr.portal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PortalSessionPolicyTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-27T07:30:00Z");
    private final PortalSessionPolicy policy = new PortalSessionPolicy(Duration.ofMinutes(30), Duration.ofMinutes(2), Duration.ofHours(12));

    @Test
    void a_sign_in_lasts_twelve_hours_however_busy_and_no_longer() {
        assertFalse(policy.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(11).plusMinutes(59))));
        assertTrue(policy.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12))), "at the lifetime, signed in again");
        assertTrue(policy.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(3))));
        assertTrue(policy.outlived(null, SIGNED_IN), "a session whose sign-in time is not known has no lifetime left");
    }

    @Test
    void the_pages_warn_two_minutes_before_the_idle_timeout_the_server_keeps() {
        assertEquals(1800, policy.idleTimeoutSeconds());
        assertEquals(Duration.ofMinutes(28).toMillis(), policy.getWarnAfterMillis());
        assertEquals(Duration.ofMinutes(30).toMillis(), policy.getSignedOutAfterMillis());
        assertEquals(30, policy.getIdleTimeoutMinutes());
    }

    @Test
    void a_warning_longer_than_the_timeout_warns_at_once() {
        PortalSessionPolicy shortIdle = new PortalSessionPolicy(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
        assertEquals(0, shortIdle.getWarnAfterMillis());
    }
}
