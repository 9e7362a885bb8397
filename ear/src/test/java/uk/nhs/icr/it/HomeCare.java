package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.json.JsonObject;

/**
 * Home-care test set-up as a provider does it: clients in Homecare Partners' care, visits planned by its coordinator. Each
 * caller's token is signed when asked for (they last ten minutes; the suite runs longer).
 */
final class HomeCare {

    static final String PROVIDER = "CP001";

    private HomeCare() {
    }

    static Api.Client coordinator() {
        return Api.as(Tokens.staff("care.coordinator", "CARE_COORDINATOR").sign());
    }

    /** Maja Nowak. */
    static Api.Client maja() {
        return Api.as(Tokens.staff("care.worker", "CARE_WORKER").sign());
    }

    /** Tom Bryant. */
    static Api.Client tom() {
        return Api.as(Tokens.staff("care.worker.tom", "CARE_WORKER").sign());
    }

    /** A newly registered person in Homecare Partners' care. */
    static String aClient() {
        TestPatients client = TestPatients.aPatient();
        assertEquals(201, client.register().status());
        Databases.startCare(client.nhsNumber(), PROVIDER);
        return client.nhsNumber();
    }

    static JsonObject plan(String person, String careWorker, Instant start, Instant end, String... tasks) {
        Api.Reply reply = coordinator().postJson("/api/patients/" + person + "/visits", visit(careWorker, start, end, tasks));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    static String visit(String careWorker, Instant start, Instant end, String... tasks) {
        StringBuilder list = new StringBuilder();
        for (String task : tasks) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(task).append('"');
        }
        return "{\"careWorker\":\"" + careWorker + "\",\"plannedStart\":\"" + start.truncatedTo(ChronoUnit.SECONDS) + "\",\"plannedEnd\":\""
                + end.truncatedTo(ChronoUnit.SECONDS) + "\",\"tasks\":[" + list + "]}";
    }
}
