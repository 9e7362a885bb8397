package uk.nhs.icr.portal.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Where {@code /} leads the signed-in user: the page their role starts from. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    SignedInUser signedInUser;

    public String open() {
        if (signedInUser.isPrivacyOfficer()) {
            return "/privacy/review?faces-redirect=true";
        }
        if (signedInUser.isInResearch()) {
            return "/research/projects?faces-redirect=true";
        }
        if (signedInUser.isDonationNurse()) {
            return "/donation/lookup?faces-redirect=true";
        }
        if (signedInUser.isCareWorker()) {
            return "/care/round?faces-redirect=true";
        }
        if (signedInUser.isCareCoordinator()) {
            return "/care/today?faces-redirect=true";
        }
        return "/patients/search?faces-redirect=true";
    }
}
