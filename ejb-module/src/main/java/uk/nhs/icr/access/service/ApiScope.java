package uk.nhs.icr.access.service;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.audit.AuditAction;

/**
 * The OAuth scopes a client is granted over patient data, as its token's {@code scope} claim names them. A token
 * (a partner system's, the app's) reaches patient data only within them, whoever its user: reading needs
 * {@code record:read}; writing needs {@code record:write}, or {@code preferences:write} for the patient's own choices
 * (consent, the data opt-out, organ donation, research consent). Decided at the access decision point with the rest.
 */
public enum ApiScope {
    RECORD_READ("record:read"), RECORD_WRITE("record:write"), PREFERENCES_WRITE("preferences:write");

    private static final Set<Resource> PREFERENCES = EnumSet.of(Resource.CONSENT, Resource.DATA_OPT_OUT, Resource.ORGAN_DONATION,
            Resource.STUDY_CONSENT);

    private final String claimValue;

    ApiScope(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The scope as a token's {@code scope} claim and the OpenAPI document name it. */
    public String claimValue() {
        return claimValue;
    }

    /** The scope that doing {@code action} to {@code resource} needs. */
    public static ApiScope neededFor(Resource resource, AuditAction action) {
        if (!action.writes()) {
            return RECORD_READ;
        }
        return PREFERENCES.contains(resource) ? PREFERENCES_WRITE : RECORD_WRITE;
    }

    /** The scopes of a space-separated {@code scope} claim ({@code null}: none); other providers' own scopes are ignored. */
    public static Set<ApiScope> fromClaim(String claim) {
        Set<ApiScope> granted = EnumSet.noneOf(ApiScope.class);
        if (claim != null) {
            for (String word : claim.trim().split("\\s+")) {
                byValue(word).ifPresent(granted::add);
            }
        }
        return granted;
    }

    private static Optional<ApiScope> byValue(String word) {
        return Arrays.stream(values()).filter(scope -> scope.claimValue.equals(word)).findFirst();
    }
}
