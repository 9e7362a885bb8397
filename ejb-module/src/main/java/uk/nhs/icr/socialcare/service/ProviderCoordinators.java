package uk.nhs.icr.socialcare.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.platform.OdsCode;

/** Who sees a care provider's own lists (its rota, its alerts, its reports): its care coordinators, and nobody else. */
@ApplicationScoped
public class ProviderCoordinators {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessControl access;

    /** The caller, when they coordinate this provider's care; refused (and audited as refused) otherwise. */
    @AccessDecidedInside("a provider's own lists name people: only its coordinators read them")
    public Caller require(OdsCode provider, Resource resource, AuditAction action) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.CARE_COORDINATOR) || !caller.organisation().equals(provider)) {
            access.record(caller, null, resource, action, AccessDecision.deny(Purpose.DIRECT_CARE,
                    "only the provider's own care coordinators", false));
            throw new AccessDeniedException("Only " + provider.value() + "'s own care coordinators see this", false);
        }
        return caller;
    }
}
