package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the shared record costs a fixed number of SQL statements per database, however long the record:
 * counted with Hibernate's statistics (read over the server's management API) for a patient with 10
 * entries in each store and one with 1,000.
 */
class StatementCountIT extends IcrDeployment {

    private static final String[] UNITS = {"icr.ear#hospital", "icr.ear#socialcare"};

    @ArquillianResource
    ManagementClient management;

    @BeforeEach
    void statistics_on() {
        setStatistics(true);
    }

    @AfterEach
    void statistics_off() {
        setStatistics(false);
    }

    @Test
    void timeline_summary_and_paging_cost_the_same_statements_for_10_and_1000_entries() {
        String small = patientWithEntries(10);
        String large = patientWithEntries(1000);

        for (String request : List.of("/record", "/record?size=5&page=3", "/record?source=social-care&size=50", "/summary")) {
            List<Long> forSmall = statementsFor("/api/patients/" + small + request);
            List<Long> forLarge = statementsFor("/api/patients/" + large + request);
            assertEquals(forSmall, forLarge, request + ": statements per database [hospital, social care]");
            assertTrue(forLarge.get(0) > 0, request + ": the hospital database was read");
        }
        assertEquals(2000, Api.get("/api/patients/" + large + "/record?size=1").json().getInt("totalItems"),
                "the large record really holds 2,000 entries");
    }

    /** A Beech Road patient (the default caller's practice) with {@code count} entries in each database. */
    private static String patientWithEntries(int count) {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Databases.addEntriesDirectly(patient.nhsNumber(), count);
        return patient.nhsNumber();
    }

    private List<Long> statementsFor(String path) {
        List<Long> before = counts();
        Api.Reply reply = Api.get(path);
        assertEquals(200, reply.status(), reply.body());
        List<Long> after = counts();
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < UNITS.length; i++) {
            used.add(after.get(i) - before.get(i));
        }
        return used;
    }

    private List<Long> counts() {
        List<Long> counts = new ArrayList<>();
        for (String unit : UNITS) {
            ModelNode read = Operations.createReadAttributeOperation(unitAddress(unit), "prepared-statement-count");
            counts.add(execute(read).asLong());
        }
        return counts;
    }

    private void setStatistics(boolean enabled) {
        for (String unit : UNITS) {
            execute(Operations.createWriteAttributeOperation(unitAddress(unit), "statistics-enabled", enabled));
        }
    }

    private static ModelNode unitAddress(String unit) {
        ModelNode address = new ModelNode();
        address.add("deployment", "icr.ear").add("subsystem", "jpa").add("hibernate-persistence-unit", unit);
        return address;
    }

    private ModelNode execute(ModelNode operation) {
        try {
            ModelNode result = management.getControllerClient().execute(operation);
            assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
            return Operations.readResult(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
