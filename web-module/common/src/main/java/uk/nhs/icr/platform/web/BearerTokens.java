package uk.nhs.icr.platform.web;

import java.util.Optional;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
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
 */
public final class BearerTokens {

    static final String PATIENT_GROUP = "PATIENT";
    static final String NHS_NUMBER_CLAIM = "nhs_number";

    private BearerTokens() {
    }

    /** The caller this token speaks for, arriving from that address. */
    public static Caller caller(JsonWebToken token, StaffSignInService directory, String clientAddress) {
        if (token == null || token.getRawToken() == null) {
            throw new NotSignedInException();
        }
        return token.getGroups().contains(PATIENT_GROUP) ? patient(token, clientAddress) : staff(token, directory, clientAddress);
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
        Object claimed = token.getClaim(NHS_NUMBER_CLAIM);
        if (claimed == null) {
            return token.getSubject();
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
