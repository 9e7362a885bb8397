package uk.nhs.icr.demo;

import java.util.List;

import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffRole;

/**
 * The demo organisations and staff. Every demo user has the password {@link #PASSWORD}: local demonstration
 * only, listed in the README, never used outside a developer's machine.
 */
public final class DemoDirectory {

    public static final String PASSWORD = "icr-demo-2026";

    public record DemoOrganisation(String odsCode, String name, OrganisationType type) {
    }

    public record DemoUser(String username, String displayName, String organisation, StaffRole role) {
    }

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("RXA", "Northgate Hospitals NHS Trust", OrganisationType.HOSPITAL_TRUST),
            new DemoOrganisation("RXB", "Riverside University Hospitals NHS Trust", OrganisationType.HOSPITAL_TRUST),
            new DemoOrganisation("X26", "NHS England contact centre", OrganisationType.NATIONAL_SERVICE),
            new DemoOrganisation("X28", "ICR hosting service", OrganisationType.NATIONAL_SERVICE),
            new DemoOrganisation("Y90001", "Beech Road Surgery", OrganisationType.GP_PRACTICE),
            new DemoOrganisation("Y90002", "Canal Side Medical Practice", OrganisationType.GP_PRACTICE),
            new DemoOrganisation("Y90003", "Hillview Health Centre", OrganisationType.GP_PRACTICE),
            new DemoOrganisation("Y90004", "Market Street Practice", OrganisationType.GP_PRACTICE),
            new DemoOrganisation("Y90005", "Orchard Family Doctors", OrganisationType.GP_PRACTICE),
            new DemoOrganisation("Y90006", "Station Lane Surgery", OrganisationType.GP_PRACTICE),
            new DemoOrganisation("LA001", "Northshire County Council Adult Social Care", OrganisationType.LOCAL_AUTHORITY),
            new DemoOrganisation("CP001", "Homecare Partners Ltd", OrganisationType.CARE_PROVIDER),
            new DemoOrganisation("CH001", "Meadowbank Care Home", OrganisationType.CARE_PROVIDER),
            new DemoOrganisation("X27", "ICR Secure Data Environment", OrganisationType.NATIONAL_SERVICE));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("gp.beech", "Dr Amina Shah", "Y90001", StaffRole.GP),
            new DemoUser("gp.canal", "Dr Tom Fletcher", "Y90002", StaffRole.GP),
            new DemoUser("gp.hillview", "Dr Grace Okafor", "Y90003", StaffRole.GP),
            new DemoUser("admin.beech", "Sam Turner", "Y90001", StaffRole.ADMIN),
            new DemoUser("clinician.northgate", "Dr Priya Mistry", "RXA", StaffRole.HOSPITAL_CLINICIAN),
            new DemoUser("nurse.northgate", "Nurse Jack Evans", "RXA", StaffRole.NURSE),
            // the second nurse on Oak Ward: witnesses controlled drugs with Jack
            new DemoUser("nurse.oak", "Nurse Sam Patel", "RXA", StaffRole.NURSE),
            new DemoUser("clinician.riverside", "Dr Wei Chen", "RXB", StaffRole.HOSPITAL_CLINICIAN),
            new DemoUser("nurse.riverside", "Nurse Ella Hughes", "RXB", StaffRole.NURSE),
            new DemoUser("social.worker", "Callum Reid", "LA001", StaffRole.SOCIAL_WORKER),
            new DemoUser("care.worker", "Maja Nowak", "CP001", StaffRole.CARE_WORKER),
            new DemoUser("care.worker.tom", "Tom Bryant", "CP001", StaffRole.CARE_WORKER),
            new DemoUser("care.worker.amir", "Amir Haddad", "CP001", StaffRole.CARE_WORKER),
            new DemoUser("care.coordinator", "Nadia Kowalski", "CP001", StaffRole.CARE_COORDINATOR),
            new DemoUser("carehome.worker", "Grace Mensah", "CH001", StaffRole.CARE_WORKER),
            new DemoUser("carehome.manager", "Oliver Grant", "CH001", StaffRole.CARE_COORDINATOR),
            new DemoUser("privacy.officer", "Helen Marshall", "RXA", StaffRole.PRIVACY_OFFICER),
            new DemoUser("donation.nurse", "Nurse Femi Adeyemi", "RXA", StaffRole.ORGAN_DONATION_NURSE),
            new DemoUser("contact.centre", "Alex Morgan", "X26", StaffRole.CONTACT_CENTRE),
            new DemoUser("importer", "Robin Hale", "X28", StaffRole.IMPORTER),
            new DemoUser("researcher.ada", "Dr Ada Brennan", "X27", StaffRole.RESEARCHER),
            new DemoUser("researcher.kofi", "Dr Kofi Asante", "X27", StaffRole.RESEARCHER),
            new DemoUser("researcher.lapsed", "Dr Pat Quinn", "X27", StaffRole.RESEARCHER),
            new DemoUser("checker.lin", "Lin Zhao", "X27", StaffRole.OUTPUT_CHECKER),
            new DemoUser("checker.ruth", "Ruth Adler", "X27", StaffRole.OUTPUT_CHECKER),
            new DemoUser("committee.chair", "Prof Imogen Hale", "X27", StaffRole.DATA_ACCESS_COMMITTEE),
            new DemoUser("committee.member", "Dr Omar Farouk", "X27", StaffRole.DATA_ACCESS_COMMITTEE));

    /**
     * The sandbox identity provider's partner clients (server-config/keycloak/icr-realm.json; docs/partners.md): a
     * client-credentials token speaks for its service account, which the directory knows as a system of Beech Road Surgery.
     */
    static final List<DemoUser> PARTNER_SYSTEMS = List.of(
            new DemoUser("service-account-partner-demo", "Beech Road practice system (partner-demo)", "Y90001", StaffRole.GP),
            new DemoUser("service-account-partner-demo-jwt", "Beech Road practice system (partner-demo-jwt)", "Y90001",
                    StaffRole.GP));

    /** The demo researchers' accreditation: all current but researcher.lapsed's, which ended before the demo's day. */
    static java.time.LocalDate accreditedUntil(String username) {
        return username.equals("researcher.lapsed") ? java.time.LocalDate.of(2026, 3, 31) : java.time.LocalDate.of(2028, 3, 31);
    }

    private DemoDirectory() {
    }
}
