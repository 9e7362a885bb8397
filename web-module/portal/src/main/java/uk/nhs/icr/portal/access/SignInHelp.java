package uk.nhs.icr.portal.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.StaffSignInService;

/** What the sign-in page tells everyone about locking out: warned before it happens, and how long it lasts. */
@Named
@RequestScoped
public class SignInHelp {

    @Inject
    StaffSignInService signIn;

    public String getLockOutRule() {
        return signIn.lockOutRule();
    }
}
