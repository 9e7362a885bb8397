package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.BreakGlassService;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.DataOptOut;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.consent.service.ConsentService;
import uk.nhs.icr.consent.service.ConsentService.ConsentView;
import uk.nhs.icr.consent.service.ConsentService.NewConsentDirective;
import uk.nhs.icr.consent.service.ConsentService.NewProvision;
import uk.nhs.icr.consent.service.DataOptOutService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.patient.service.PatientRegistrationService;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.service.RecordPage;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;
import uk.nhs.icr.sharedrecord.service.TimelineQuery;

/**
 * The access decision itself, row by row from {@code access-rules.tsv}, inside the server: each row gets a patient of its
 * own (registered through the registration service, related and given its entry as the owning systems would, its
 * directive recorded by the patient), then the row's caller reads the record, loosens and tightens the directive and
 * records the patient's opt-out through the EJB services, exactly as the API and the portal call them. Every row
 * that does not get what the table says is listed.
 */
@ExtendWith(ArquillianExtension.class)
class AccessRuleTableIT {

    private static final String TEST_WAR = "icr-rule-table-test.war";

    /** The EAR the build produced, with this test in a WAR of its own beside the application's. */
    @Deployment
    public static EnterpriseArchive earWithThisTest() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("icr.ear")));
        WebArchive test = ShrinkWrap.create(WebArchive.class, TEST_WAR)
                .addClasses(AccessRuleTableIT.class, AccessRuleTable.class, AccessRuleTable.Row.class, AccessRuleTable.Staff.class,
                        Databases.class, Databases.Connector.class)
                .addAsResource(AccessRuleTable.FILE)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsModule(Testable.archiveToTest(test));
        String application = read(ear.get("META-INF/application.xml").getAsset().openStream()).replace("<library-directory>",
                "<module><web><web-uri>" + TEST_WAR + "</web-uri><context-root>/icr-rule-table-test</context-root></web></module>"
                        + "<library-directory>");
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(application));
        return ear;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Resource(lookup = "java:jboss/datasources/HospitalDS")
    DataSource hospital;

    @Resource(lookup = "java:jboss/datasources/SocialCareDS")
    DataSource socialCare;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientRegistrationService registration;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    SharedRecordService sharedRecord;

    @Inject
    ConsentService consent;

    @Inject
    DataOptOutService optOut;

    @Test
    void every_row_of_the_rule_table_gets_what_it_says() {
        Databases.connectThrough(database -> (database.equals(Databases.SOCIAL_CARE) ? socialCare : hospital).getConnection());
        List<AccessRuleTable.Row> rows = AccessRuleTable.rows();
        assertTrue(rows.size() >= 50, "the table has its rows: " + rows.size());
        List<String> mismatches = AccessRuleTable.mismatches(rows, this::run);
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + rows.size() + " rows differ");
    }

    private String run(AccessRuleTable.Row row) {
        NhsNumber patient = NhsNumber.parse(Databases.unusedNhsNumber());
        Caller registrar = staff(row.registeringGp(), StaffRole.GP, row.practice());
        as(registrar, () -> registration.register(new PatientRegistration(patient, "Ada", "Rowtable", LocalDate.of(1980, 5, 5),
                Sex.FEMALE, Postcode.parse("LS1 4AP"), new OdsCode(row.practice()))));
        row.relate(patient.value());
        row.addEntry(patient.value());
        Caller self = Caller.patient(patient, Caller.Channel.API, "rule-table");
        Optional<NewConsentDirective> directive = directive(row);
        directive.ifPresent(d -> as(self, () -> consent.record(patient, d, Precondition.noneYet())));

        Caller caller = row.patientsOwn() ? self
                : staff(row.staff().username(), StaffRole.valueOf(row.role()), row.staff().organisation());
        if (row.breakGlass()) {
            // refused for roles that may not break the glass: what they then get shows in the row's outcomes
            outcome(caller, () -> breakGlass.breakGlass(patient, "Collapsed in clinic, need medication history now", null).toString());
        }
        String read = outcome(caller, () -> {
            RecordPage page = sharedRecord.timeline(patient, new TimelineQuery(Optional.empty(), Set.of(), Optional.empty(),
                    Optional.empty(), new PageRequest(0, 100)));
            return page.items().stream().anyMatch(entry -> entry.title().equals(row.entryTitle())) ? "shown" : "withheld";
        });
        String loosen = outcome(caller, () -> {
            ConsentView recorded = consent.record(patient, change(caller, ConsentDirective.Status.ACTIVE,
                    new NewProvision(Provision.Type.PERMIT, List.of(DataCategory.REPRODUCTIVE_HEALTH), List.of(),
                            List.of(StaffRole.CARE_WORKER), null, null)), newest(patient));
            return recorded.awaitingConfirmation() ? "awaiting" : "applied";
        });
        String tighten = outcome(caller, () -> {
            consent.record(patient, change(caller, ConsentDirective.Status.ACTIVE,
                    new NewProvision(Provision.Type.DENY, List.of(), List.of(), List.of(), null, null)), newest(patient));
            return "applied";
        });
        String optedOut = outcome(caller, () -> {
            optOut.set(patient, new DataOptOutService.OptOutChoice(true, caller.isPatient() ? null : DataOptOutService.SetBy.SELF, null,
                    null, caller.isPatient() ? null : DataOptOut.Channel.PHONE), Precondition.noneYet());
            return "applied";
        });
        return String.join(" ", read, loosen, tighten, optedOut);
    }

    /** The directive the patient records before the row's caller acts, if the row has one. */
    private static Optional<NewConsentDirective> directive(AccessRuleTable.Row row) {
        List<DataCategory> category = List.of(DataCategory.valueOf(row.dataCategory()));
        List<StaffRole> role = row.patientsOwn() ? List.of() : List.of(StaffRole.valueOf(row.role()));
        NewProvision provision = switch (row.directive()) {
            case "none" -> null;
            case "deny" -> new NewProvision(Provision.Type.DENY, category, List.of(), List.of(), null, null);
            case "deny-role" -> new NewProvision(Provision.Type.DENY, category, List.of(), role, null, null);
            case "deny-elsewhere" -> new NewProvision(Provision.Type.DENY, category, List.of(new OdsCode("RXB")), List.of(), null, null);
            case "deny-all" -> new NewProvision(Provision.Type.DENY, List.of(), List.of(), List.of(), null, null);
            case "permit-role" -> new NewProvision(Provision.Type.PERMIT, category, List.of(), role, null, null);
            default -> throw new IllegalArgumentException(row + ": no directive called " + row.directive());
        };
        return Optional.ofNullable(provision).map(p -> new NewConsentDirective(ConsentDirective.Status.ACTIVE, null, null, null, null,
                null, List.of(p)));
    }

    /** A change as this caller would send it: staff say why, and that the patient asked. */
    private static NewConsentDirective change(Caller caller, ConsentDirective.Status status, NewProvision provision) {
        return caller.isPatient() ? new NewConsentDirective(status, null, null, null, null, null, List.of(provision))
                : new NewConsentDirective(status, null, null, null, "The patient asked at the appointment today", true, List.of(provision));
    }

    /** If-Match with the newest version, as a client that has just read it sends. */
    private static Precondition newest(NhsNumber patient) {
        int version = Databases.count(Databases.HOSPITAL, "select coalesce(max(version), 0) from consent_directive"
                + " where patient_nhs_number = ? and scope = 'TREATMENT'", patient.value());
        return version == 0 ? Precondition.noneYet() : Precondition.isVersion(version);
    }

    private static Caller staff(String username, StaffRole role, String organisation) {
        return Caller.staff(username, username, role, new OdsCode(organisation), organisation, Caller.Channel.API, "rule-table");
    }

    /** Runs one step as this caller. */
    private <T> T as(Caller caller, Callable<T> step) {
        currentCaller.set(caller);
        try {
            return step.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            currentCaller.set(null);
        }
    }

    /** What the step gave, or how it was refused: by the access decision (refused) or by a rule about the input (invalid). */
    private String outcome(Caller caller, Callable<String> step) {
        try {
            return as(caller, step);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            return "refused";
        } catch (InvalidInputException | ConstraintViolationException e) {
            return "invalid";
        }
    }
}
