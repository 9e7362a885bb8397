package uk.nhs.icr.api.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.platform.web.BearerTokens;

/**
 * Rate limits per client: each client of the identity provider ({@code azp}), for each of its users ({@code sub}: a
 * partner system's service account, or each person signed in to an app), gets a token bucket of
 * {@code icr.api.rate-limit.per-second} requests a second with bursts of {@code icr.api.rate-limit.burst} (default 50
 * and 100); {@code icr.api.rate-limit.client.<client id>=PER_SECOND/BURST} sets one client's own. A request over the
 * limit is refused before it is read (429, problem details, {@code Retry-After} in whole seconds). The buckets live in
 * this server's memory: on a cluster each node limits on its own, so a client may reach the limit once per node. The
 * limits hold for the JSON API (/api); the FHIR face is not limited yet.
 * {@code icr.api.rate-limit.enabled=false} switches them off (benchmarks that measure the server, not the limit).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimits implements ContainerRequestFilter {

    private static final String PREFIX = "icr.api.rate-limit.";
    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    JsonWebToken token;

    @Inject
    Config config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong sweptAt = new AtomicLong(System.nanoTime());

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.getOptionalValue(PREFIX + "enabled", Boolean.class).orElse(true) || token == null || token.getRawToken() == null) {
            return;
        }
        String key = BearerTokens.clientAndUser(token);
        String client = BearerTokens.client(token);
        long now = System.nanoTime();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, ignored -> new Bucket(limitFor(client)));
        long waitNanos = bucket.take(now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            request.abortWith(Response.fromResponse(Problem.of("rate-limited", "Too many requests", 429,
                            "This client sends more than " + bucket.limit.describe() + ". Nothing was read or recorded:"
                                    + " send the request again after " + seconds + " s (Retry-After).").toResponse())
                    .header("Retry-After", seconds).build());
        }
    }

    /** At most once a minute, forgets the buckets that have filled up again: a new one starts full, so nothing changes. */
    private void sweep(long now) {
        long last = sweptAt.get();
        if (now - last > 60_000_000_000L && sweptAt.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
    }

    private Limit limitFor(String client) {
        Optional<String> own = config.getOptionalValue(PREFIX + "client." + client, String.class);
        if (own.isPresent()) {
            try {
                String[] parts = own.get().split("/");
                return new Limit(Double.parseDouble(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (RuntimeException e) {
                LOG.warning(() -> PREFIX + "client." + client + " is not PER_SECOND/BURST with both positive ('" + own.get()
                        + "'): the default limit applies to that client");
            }
        }
        return new Limit(config.getOptionalValue(PREFIX + "per-second", Double.class).orElse(50.0),
                config.getOptionalValue(PREFIX + "burst", Integer.class).orElse(100));
    }

    /** So many requests a second, with bursts of so many. */
    record Limit(double perSecond, int burst) {
        Limit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
            }
        }

        String describe() {
            return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond))
                    + " requests a second (bursts of " + burst + ")";
        }
    }

    /** A token bucket: full at first, refilled at the limit's rate, never above its burst. */
    static final class Bucket {
        final Limit limit;
        private double tokens;
        private long refilledAt = Long.MIN_VALUE;

        Bucket(Limit limit) {
            this.limit = limit;
            this.tokens = limit.burst();
        }

        synchronized boolean fullAt(long now) {
            return refilledAt != Long.MIN_VALUE && tokens + (now - refilledAt) / 1e9 * limit.perSecond() >= limit.burst();
        }

        /** Takes one request's token at {@code now} (nanoseconds): 0 if there was one, else how long until there is. */
        synchronized long take(long now) {
            if (refilledAt != Long.MIN_VALUE) {
                tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
            }
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9);
        }
    }
}
