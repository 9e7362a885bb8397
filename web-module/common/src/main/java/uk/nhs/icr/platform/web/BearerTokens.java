package uk.nhs.icr.platform.web;

import java.util.Optional;

import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
     * Whether the container's error is WildFly's MP-JWT mechanism failing on a token whose key the provider does not
     * publish: SmallRye answers an unknown {@code kid} (a token from another issuer, or forged) with a bare 500, after
     * fetching the provider's keys afresh. The caller is told 401, as for any token that cannot be verified; the log says
     * which (a provider whose keys cannot be fetched at all shows there too).
     */
    public static boolean failedOnAnUnknownKey(HttpServletRequest request, Object failure, Object status) {
        String authorization = request.getHeader("Authorization");
        return failure == null && status instanceof Integer code && code == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
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
