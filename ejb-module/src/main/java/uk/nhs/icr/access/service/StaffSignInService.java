package uk.nhs.icr.access.service;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffMember;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.platform.UkClock;

/**
 * Bookkeeping around the server's form sign-in (the Elytron JDBC realm checks the bcrypt password):
 * counts failures and locks the account after {@code icr.sign-in.max-failures} in a row (the realm then
 * refuses it until {@code locked_until}), and clears the count on success.
 */
@Stateless
public class StaffSignInService {

    private static final Logger LOG = Logger.getLogger(StaffSignInService.class.getName());

    @Inject
    StaffDirectory directory;

    @Inject
    @ConfigProperty(name = "icr.sign-in.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "icr.sign-in.lock-duration", defaultValue = "PT15M")
    Duration lockDuration;

    @Inject
    UkClock clock;

    /**
     * The lock-out rule as the sign-in page states it, the same for every username (saying how many attempts one account
     * has left would tell who has an account).
     */
    public String lockOutRule() {
        long minutes = Math.max(1, lockDuration.toMinutes());
        return "After " + maxFailures + " failed sign-ins in a row an account is locked for " + minutes + " minutes; it opens again"
                + " by itself after that, or your administrator can unlock it.";
    }

    public void recordFailure(String username) {
        if (username == null || username.isBlank()) {
            return;
        }
        directory.findByUsername(username.strip()).ifPresent(staff -> {
            boolean wasLocked = staff.isLockedAt(clock.now());
            if (!wasLocked) {
                staff.recordFailedSignIn(maxFailures, clock.now(), lockDuration);
                if (staff.isLockedAt(clock.now())) {
                    LOG.warning(() -> "Staff account locked after " + maxFailures + " failed sign-ins");
                }
            }
        });
    }

    /**
     * A co-signature at the bedside (a witness to a controlled drug) with a wrong password counts as a failed sign-in: in a
     * transaction of its own, since the request it belonged to is refused and rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailedCoSignature(String username) {
        recordFailure(username);
    }

    /**
     * Whether a signed-in member of staff's account is still enabled: asked by the portal at every request, from the
     * cached directory. A lock is not checked here: it guards signing in, and anyone's wrong guesses at a password must
     * not end the session of the clinician already signed in with it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean stillEnabled(String username) {
        return directory.findByUsername(username).map(StaffMember::isEnabled).orElse(false);
    }

    /** Called once per session after the server has authenticated the user. */
    public Optional<StaffProfile> signedIn(String username) {
        return directory.findByUsername(username).filter(StaffMember::isEnabled).map(staff -> {
            staff.recordSuccessfulSignIn();
            return profile(staff);
        });
    }

    /**
     * The directory's view of a user named in a bearer token; empty if unknown, disabled or locked. Every API request
     * asks, so it reads the cached directory ({@link StaffDirectory#findByUsername}) and opens no transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<StaffProfile> profile(String username) {
        return directory.findByUsername(username).filter(StaffMember::isEnabled)
                .filter(staff -> !staff.isLockedAt(clock.now())).map(StaffSignInService::profile);
    }

    private static StaffProfile profile(StaffMember staff) {
        StaffRole primary = staff.roles().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("staff member without a role"));
        return new StaffProfile(staff.username(), staff.displayName(), primary, staff.organisation().odsCode(),
                staff.organisation().name());
    }
}
