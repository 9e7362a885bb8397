package uk.nhs.icr.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.platform.OdsCode;

class ApiScopeTest {

    private static final Caller GP = Caller.staff("gp.beech", "Dr Amina Shah", StaffRole.GP, new OdsCode("Y90001"),
            "Beech Road Surgery", Caller.Channel.API, "127.0.0.1");

    @Test
    void reads_need_record_read_writes_record_write_and_the_patients_choices_preferences_write() {
        assertEquals(ApiScope.RECORD_READ, ApiScope.neededFor(Resource.SHARED_RECORD, AuditAction.READ));
        assertEquals(ApiScope.RECORD_READ, ApiScope.neededFor(Resource.CONSENT, AuditAction.READ));
        assertEquals(ApiScope.RECORD_READ, ApiScope.neededFor(Resource.PATIENT_SEARCH, AuditAction.SEARCH));
        assertEquals(ApiScope.RECORD_WRITE, ApiScope.neededFor(Resource.ALLERGY, AuditAction.CREATE));
        assertEquals(ApiScope.RECORD_WRITE, ApiScope.neededFor(Resource.PATIENT, AuditAction.CREATE));
        for (Resource preference : EnumSet.of(Resource.CONSENT, Resource.DATA_OPT_OUT, Resource.ORGAN_DONATION,
                Resource.STUDY_CONSENT)) {
            assertEquals(ApiScope.PREFERENCES_WRITE, ApiScope.neededFor(preference, AuditAction.RECORD), preference.name());
        }
    }

    @Test
    void the_scope_claim_is_read_word_by_word_and_other_providers_scopes_are_ignored() {
        assertEquals(EnumSet.of(ApiScope.RECORD_READ, ApiScope.PREFERENCES_WRITE),
                ApiScope.fromClaim(" openid record:read  profile preferences:write "));
        assertEquals(Set.of(), ApiScope.fromClaim(null));
        assertEquals(Set.of(), ApiScope.fromClaim("record:reader record"));
    }

    @Test
    void a_token_caller_is_held_to_its_scopes_and_a_portal_session_is_not() {
        Caller readOnly = GP.withScopes(EnumSet.of(ApiScope.RECORD_READ));
        assertEquals(Optional.empty(), readOnly.lacksScopeFor(Resource.SHARED_RECORD, AuditAction.READ));
        assertEquals(Optional.of(ApiScope.RECORD_WRITE), readOnly.lacksScopeFor(Resource.PROBLEM, AuditAction.CREATE));
        assertEquals(Optional.of(ApiScope.PREFERENCES_WRITE), readOnly.lacksScopeFor(Resource.DATA_OPT_OUT, AuditAction.RECORD));
        assertEquals(Optional.of(ApiScope.RECORD_READ), GP.withScopes(Set.of()).lacksScopeFor(Resource.PATIENT, AuditAction.READ));
        assertTrue(GP.lacksScopeFor(Resource.PROBLEM, AuditAction.CREATE).isEmpty(), "no token, no client: the portal");
    }
}
