package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key: fifty copies of one registration sent at once with one key make one patient and get one answer; a
 * retry later gets the same answer, replayed; the same key with another body is 422 and does nothing.
 */
class IdempotencyIT extends IcrDeployment {

    private final Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());

    @Test
    void fifty_concurrent_retries_of_one_registration_make_one_patient_and_all_get_the_first_answer() throws Exception {
        TestPatients patient = aPatient();
        String body = patient.json();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Api.Reply>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Api.Reply> register = () -> gp.postJson("/api/patients", body, "Idempotency-Key", key);
            sent.add(pool.submit(register));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> reply : sent) {
            replies.add(reply.get());
        }
        pool.shutdown();

        Api.Reply first = replies.get(0);
        assertEquals(201, first.status(), first.body());
        for (Api.Reply reply : replies) {
            assertEquals(201, reply.status(), reply.body());
            assertEquals(first.body(), reply.body(), "the same answer, byte for byte");
            assertEquals(first.header("Location"), reply.header("Location"));
        }
        assertEquals(49, replies.stream().filter(reply -> "true".equals(reply.header("Idempotent-Replayed"))).count(),
                "one was done, the other 49 replayed");
        assertEquals(1, Databases.patientsWith(patient.nhsNumber()), "one patient in the hospital record");
        assertEquals(1, Databases.peopleWith(patient.nhsNumber()), "one person in the social care record");

        Api.Reply later = gp.postJson("/api/patients", body, "Idempotency-Key", key);
        assertEquals(201, later.status());
        assertEquals(first.body(), later.body(), "a retry later gets the first answer too");
    }

    @Test
    void the_same_key_with_another_body_is_422_and_does_nothing() {
        TestPatients patient = aPatient();
        TestPatients other = aPatient();
        String key = UUID.randomUUID().toString();
        assertEquals(201, gp.postJson("/api/patients", patient.json(), "Idempotency-Key", key).status());

        gp.postJson("/api/patients", other.json(), "Idempotency-Key", key).problem(422);
        assertEquals(0, Databases.patientsWith(other.nhsNumber()), "the second registration was not done");
        assertEquals(201, gp.postJson("/api/patients", other.json(), "Idempotency-Key", UUID.randomUUID().toString()).status(),
                "with a key of its own it is");
        assertTrue(Databases.patientsWith(other.nhsNumber()) == 1);
    }

    @Test
    void a_key_icr_cannot_keep_is_400() {
        gp.postJson("/api/patients", aPatient().json(), "Idempotency-Key", "has spaces").problem(400);
    }
}
