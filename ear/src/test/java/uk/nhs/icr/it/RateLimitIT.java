package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A client over its rate limit is refused with 429, problem details and Retry-After, and served again once it has waited.
 * The test server gives the client partner-limited-it 2 requests a second with bursts of 5
 * (ICR_API_RATE_LIMIT_CLIENT_PARTNER_LIMITED_IT in ear/pom.xml); every other client's limit is set out of the suite's way.
 */
class RateLimitIT extends IcrDeployment {

    @Test
    void a_burst_past_the_clients_limit_is_429_with_retry_after_and_waiting_that_long_is_enough() throws Exception {
        String secret = UUID.randomUUID().toString();
        String account = IdentityProvider.createPartnerClient("partner-limited-it", secret, "GP");
        Databases.ensureStaff(account, "Y90001", "GP");
        Api.Client partner = Api.as(IdentityProvider.clientCredentials("partner-limited-it", secret, "record:read")
                .getString("access_token"));
        String patient = "/api/patients/" + Databases.firstDemoPatientAt("Y90001");

        // twenty at once: well past the burst of 5 however slowly the machine serves them
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Reply>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(pool.submit(() -> partner.get(patient)));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> reply : sent) {
            replies.add(reply.get());
        }
        pool.shutdown();
        List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 429), "served or refused: " + statuses);
        assertTrue(statuses.stream().filter(status -> status == 200).count() >= 5, "the burst of 5 is served: " + statuses);
        Api.Reply refused = replies.stream().filter(reply -> reply.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("past the burst, faster than 2 a second, it is refused: " + statuses));
        JsonObject problem = refused.problem(429);
        assertEquals("urn:icr:problem:rate-limited", problem.getString("type"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertEquals(1, retryAfter, "at 2 a second, a request's token comes back within a second");

        Thread.sleep(retryAfter * 1000 + 100);
        assertEquals(200, partner.get(patient).status(), "served again after Retry-After");
    }
}
