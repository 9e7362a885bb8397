package uk.nhs.icr.demo;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.patient.service.PatientRegistration;

/**
 * At start-up, after migration, loads the demo patients, directory and relationships when
 * {@code icr.demo-data.enabled} is true, then each patient's generated hospital and social-care history.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataLoader {

    /** Fixed so that every demo server has the same people; change it and you get a different register. */
    static final long SEED = 20200520L;
    /** Patients whose histories are written per transaction: small enough to keep each one short. */
    static final int RECORD_BATCH = 100;

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @Inject
    @ConfigProperty(name = "icr.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "icr.demo-data.patients", defaultValue = "1000")
    int patientCount;

    @Inject
    DemoDataService demoData;

    @Inject
    DemoCareProviders careProviders;

    @Inject
    DemoWard oakWard;

    @PostConstruct
    void load() {
        if (enabled) {
            List<PatientRegistration> patients = DemoPatients.generate(patientCount, SEED);
            demoData.addMissing(patients);
            demoData.addDirectoryAndRelationships(patients);
            int entries = 0;
            for (int from = 0; from < patients.size(); from += RECORD_BATCH) {
                entries += demoData.addRecords(patients.subList(from, Math.min(from + RECORD_BATCH, patients.size())), from, SEED);
            }
            int added = entries;
            LOG.info(() -> "Demo data: " + added + " record entries were missing and have been added");
            int decisions = demoData.addDonationDecisions(patients);
            LOG.info(() -> "Demo data: " + decisions + " organ-donation decisions were missing and have been added");
            int proxies = demoData.addProxyDemo();
            LOG.info(() -> "Demo data: " + proxies + " proxy links were missing and have been added");
            int slots = demoData.addAppointmentBooks();
            LOG.info(() -> "Demo data: " + slots + " appointment slots were missing and have been added");
            int pathways = demoData.addWaitingLists(patients);
            LOG.info(() -> "Demo data: " + pathways + " referral-to-treatment pathways were missing and have been added");
            int projects = demoData.addResearchProject();
            LOG.info(() -> "Demo data: " + projects + " research projects were missing and have been added");
            careProviders.addCareHome(patients);
            careProviders.addAgencyWeek(patients);
            oakWard.addOakWard(patients);
        }
    }
}
