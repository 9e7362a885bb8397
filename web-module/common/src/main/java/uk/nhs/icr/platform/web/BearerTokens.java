package uk.nhs.icr.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.ApiScope;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.NotSignedInException;
import uk.nhs.icr.access.service.StaffProfile;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;

/**
 * Who a verified bearer token speaks for, the same at every edge that takes one (the JSON API and FHIR). The container has
 * checked signature, issuer and expiry; this checks the person against ICR. A patient token ({@code groups} PATIENT) is
 * bound to its {@code nhs_number}. A staff token names a user the directory must know, enabled and not locked
 * ({@link NotSignedInException} otherwise), and one of the roles that user holds ({@link AccessDeniedException} otherwise).
 * Either way the caller may do no more than the token's {@code scope} claim grants its client ({@link ApiScope}).
 */
public final class BearerTokens {

    static final String PATIENT_GROUP = "PATIENT";
    static final String NHS_NUMBER_CLAIM = "nhs_number";
    static final String SCOPE_CLAIM = "scope";

    private BearerTokens() {
    }

    /** The caller this token speaks for, arriving from that address, held to the scopes the token grants its client. */
    public static Caller caller(JsonWebToken token, StaffSignInService directory, String clientAddress) {
        if (token == null || token.getRawToken() == null) {
            throw new NotSignedInException();
        }
        Caller caller = token.getGroups().contains(PATIENT_GROUP) ? patient(token, clientAddress)
                : staff(token, directory, clientAddress);
        return caller.withScopes(ApiScope.fromClaim(textClaim(token, SCOPE_CLAIM)));
    }

    /**
     * Whom a token's limits and kept answers belong to: its client ({@code azp}, "-" if the provider names none) and the
     * user it speaks for ({@code sub}).
     */
    public static String clientAndUser(JsonWebToken token) {
        return client(token) + "|" + token.getSubject();
    }

    /** The client the provider issued the token to ({@code azp}; "-" if it names none). */
    public static String client(JsonWebToken token) {
        return Optional.ofNullable(token.<Object>getClaim("azp")).map(Object::toString).orElse("-");
    }

    /**
     * The edge's part of the scope rule, for every request a token makes, patient data or not: reading needs
     * {@code record:read}, writing one of the write scopes ({@code record:write} or {@code preferences:write}; the access
     * decision point then decides which the write needs). So nothing a token reaches escapes its scopes, whichever rule
     * decides the rest.
     */
    public static void requireScopeFor(Caller caller, boolean reads) {
        Set<ApiScope> granted = caller.scopes();
        if (granted == null) {
            return;
        }
        if (reads && !granted.contains(ApiScope.RECORD_READ)) {
            throw new AccessDeniedException("The token was not granted the record:read scope, which reading needs", false);
        }
        if (!reads && !granted.contains(ApiScope.RECORD_WRITE) && !granted.contains(ApiScope.PREFERENCES_WRITE)) {
            throw new AccessDeniedException("The token was granted neither record:write nor preferences:write, one of which"
                    + " writing needs", false);
        }
    }

    /**
     * Whether the container's error is WildFly's MP-JWT mechanism failing on a token whose key the provider does not
     * publish: SmallRye answers an unknown {@code kid} (a token from another issuer, or forged) with a bare 500, after
     * fetching the provider's keys afresh. The caller is told 401, as for any token that cannot be verified, unless the
     * provider's keys cannot be read at all ({@link #providerKeysReachable()}): then it is 503, and the server's fault.
     */
    public static boolean failedOnAnUnknownKey(HttpServletRequest request, Object failure, Object status) {
        String authorization = request.getHeader("Authorization");
        return failure == null && status instanceof Integer code && code == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static volatile long keysCheckedAt;
    private static volatile boolean keysReachable;

    /**
     * Whether the provider's published keys can be read now ({@code mp.jwt.verify.publickey.location}: a JWKS URL that
     * answers 200, or a key file that exists; an inline {@code mp.jwt.verify.publickey} counts). When they cannot, a token
     * the mechanism could not verify says nothing about the token: the answer is 503, not 401. Checked at most every 10 s.
     */
    public static boolean providerKeysReachable() {
        long now = System.nanoTime();
        if (keysCheckedAt != 0 && now - keysCheckedAt < 10_000_000_000L) {
            return keysReachable;
        }
        Config config = ConfigProvider.getConfig();
        boolean reachable;
        if (config.getOptionalValue("mp.jwt.verify.publickey", String.class).filter(key -> !key.isBlank()).isPresent()) {
            reachable = true;
        } else {
            reachable = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                    .filter(location -> !location.isBlank()).map(BearerTokens::answers).orElse(false);
        }
        keysReachable = reachable;
        keysCheckedAt = now;
        return reachable;
    }

    private static boolean answers(String location) {
        if (!location.startsWith("http://") && !location.startsWith("https://")) {
            return Files.isReadable(Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location));
        }
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Caller patient(JsonWebToken token, String clientAddress) {
        try {
            return Caller.patient(NhsNumber.parse(claimedNhsNumber(token)), Caller.Channel.API, clientAddress);
        } catch (InvalidValueException e) {
            throw new NotSignedInException();
        }
    }

    /** The {@code nhs_number} claim, or the subject when there is none (as the token issuer may put it). */
    private static String claimedNhsNumber(JsonWebToken token) {
        String claimed = textClaim(token, NHS_NUMBER_CLAIM);
        return claimed == null ? token.getSubject() : claimed;
    }

    private static String textClaim(JsonWebToken token, String name) {
        Object claimed = token.getClaim(name);
        if (claimed == null) {
            return null;
        }
        return claimed instanceof JsonString text ? text.getString() : claimed.toString();
    }

    private static Caller staff(JsonWebToken token, StaffSignInService directory, String clientAddress) {
        StaffProfile profile = Optional.ofNullable(token.getName()).flatMap(directory::profile)
                .orElseThrow(NotSignedInException::new);
        Optional<StaffRole> role = token.getGroups().stream()
                .filter(group -> group.equals(profile.role().name()))
                .map(StaffRole::valueOf)
                .findFirst();
        if (role.isEmpty()) {
            throw new AccessDeniedException("The token grants none of this user's ICR roles", false);
        }
        return Caller.staff(profile.username(), profile.displayName(), role.get(), profile.organisation(),
                profile.organisationName(), Caller.Channel.API, clientAddress);
    }
}
