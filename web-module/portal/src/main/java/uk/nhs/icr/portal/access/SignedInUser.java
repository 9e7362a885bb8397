package uk.nhs.icr.portal.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.StaffProfile;

/** The signed-in member of staff, for the header every page shows. */
@Named
@RequestScoped
public class SignedInUser {

    public StaffProfile getProfile() {
        return (StaffProfile) FacesContext.getCurrentInstance().getExternalContext().getSessionMap()
                .get(PortalCallerFilter.PROFILE);
    }

    public boolean isDonationNurse() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.ORGAN_DONATION_NURSE;
    }

    /** A GP: the practice's results to review and repeat requests are theirs. */
    public boolean isGp() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.GP;
    }

    /** A GP or a practice administrator: who records and reviews proxy access. */
    public boolean isPracticeStaff() {
        StaffProfile profile = getProfile();
        return profile != null && (profile.role() == StaffRole.GP || profile.role() == StaffRole.ADMIN);
    }

    /** A GP or hospital clinician: the waiting-times dashboard is in their header. */
    public boolean isClinician() {
        StaffProfile profile = getProfile();
        return profile != null && (profile.role() == StaffRole.GP || profile.role() == StaffRole.HOSPITAL_CLINICIAN);
    }

    /** A hospital nurse or clinician: the ward list and medicines charts are theirs. */
    public boolean isWardStaff() {
        StaffProfile profile = getProfile();
        return profile != null && (profile.role() == StaffRole.NURSE || profile.role() == StaffRole.HOSPITAL_CLINICIAN);
    }

    /** A hospital clinician: prescribes on the ward, reconciles medicines and writes the admission's plan. */
    public boolean isPrescriber() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.HOSPITAL_CLINICIAN;
    }

    /** An administrator: imports NHS England's published waiting-time statistics. */
    public boolean isAdministrator() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.ADMIN;
    }

    /** A researcher, output checker or committee member: the research environment's pages are all they see. */
    public boolean isInResearch() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role().worksInResearchOnly();
    }

    public boolean isResearcher() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.RESEARCHER;
    }

    public boolean isCommittee() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.DATA_ACCESS_COMMITTEE;
    }

    public boolean isOutputChecker() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.OUTPUT_CHECKER;
    }

    /** A care worker: their round of visits is where they start. */
    public boolean isCareWorker() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.CARE_WORKER;
    }

    /** A care provider's coordinator or registered manager: the day's rota and alerts, residents, reports. */
    public boolean isCareCoordinator() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.CARE_COORDINATOR;
    }

    public boolean isPrivacyOfficer() {
        StaffProfile profile = getProfile();
        return profile != null && profile.role() == StaffRole.PRIVACY_OFFICER;
    }
}
