package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void the_callers_directory_entry_comes_from_the_cache_and_a_change_made_in_sql_is_read_at_once() {
        String path = "/api/patients/" + patientWithEntries(3) + "/summary";
        statementsFor(path);
        long cached = statementsFor(path).get(0);
        long afterChange = directoryReadAfterChange(path);
        assertTrue(afterChange >= cached + 2, "the member of staff and their organisation are read again after the change: "
                + cached + " statements cached, " + afterChange + " after the change");
        assertEquals(cached, statementsFor(path).get(0), "and come from the cache again after that");
    }

    /** A Beech Road patient (the default caller's practice) with {@code count} entries in each database. */
    private static String patientWithEntries(int count) {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Databases.addEntriesDirectly(patient.nhsNumber(), count);
        return patient.nhsNumber();
    }

    /**
     * The statements one request costs in each database: the fewest of three tries, because the audit sealer's own
     * statements (every second, in the same persistence unit) may fall inside a try and are not the request's.
     */
    private List<Long> statementsFor(String path) {
        List<Long> fewest = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Long> before = counts();
            Api.Reply reply = Api.get(path);
            assertEquals(200, reply.status(), reply.body());
            List<Long> after = counts();
            List<Long> used = new ArrayList<>();
            for (int i = 0; i < UNITS.length; i++) {
                used.add(after.get(i) - before.get(i));
            }
            if (fewest == null || used.get(0) + used.get(1) < fewest.get(0) + fewest.get(1)) {
                fewest = used;
            }
        }
        return fewest;
    }

    /** The first request after a change to the directory reads it again, then requests read it from the cache. */
    private long directoryReadAfterChange(String path) {
        Databases.execute(Databases.HOSPITAL, "update staff set display_name = display_name where username = ?", Api.DEFAULT_USER);
        List<Long> before = counts();
        assertEquals(200, Api.get(path).status());
        List<Long> after = counts();
        return after.get(0) - before.get(0);
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
        address.add("deployment", SuiteDeployment.NAME).add("subsystem", "jpa").add("hibernate-persistence-unit", unit);
        return address;
    }

    private ModelNode execute(ModelNode operation) {
        try {
            ModelNode result = SuiteDeployment.management().execute(operation);
            assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
            return Operations.readResult(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
