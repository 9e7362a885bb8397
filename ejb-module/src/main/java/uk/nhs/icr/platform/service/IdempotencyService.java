package uk.nhs.icr.platform.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.platform.UkClock;

/**
 * Idempotency keys (NHS England's API platform's {@code Idempotency-Key}): the first request with a key claims it, and its
 * answer is kept for 24 hours; a retry with the same key and the same request gets that answer, never a second change;
 * the same key with another request is the caller's mistake. Each step commits on its own (the claim before the work, the
 * answer after it), so that concurrent retries see the claim at once and wait for the answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyService {

    /** How long an answer is kept, and a key held. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    /** What became of a claim: this request is the first; or another request with the key was made (answered or not). */
    public sealed interface Claim permits First, Taken {
    }

    public record First() implements Claim {
    }

    /** The key was claimed before: for the same request or not, and its answer if it has one yet. */
    public record Taken(boolean sameRequest, Optional<KeptAnswer> answer) implements Claim {
    }

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    @Inject
    UkClock clock;

    public Claim claim(IdempotentRequest request) {
        Instant now = clock.now();
        em.createNativeQuery("DELETE FROM idempotency_key WHERE client = ?1 AND idempotency_key = ?2 AND created_at < ?3")
                .setParameter(1, request.client()).setParameter(2, request.key()).setParameter(3, now.minus(KEPT_FOR))
                .executeUpdate();
        int claimed = em.createNativeQuery("INSERT INTO idempotency_key (client, idempotency_key, request_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, request.client()).setParameter(2, request.key()).setParameter(3, request.requestHash())
                .setParameter(4, now).executeUpdate();
        if (claimed == 1) {
            return new First();
        }
        // taken; or given up in the moment between (its first request failed): then claim it again
        return taken(request).<Claim>map(taken -> taken).orElseGet(() -> claim(request));
    }

    /** The claim as it stands now; empty if it was released (its first request failed) or has expired. */
    public Optional<Taken> taken(IdempotentRequest request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, status, content_type, location, body FROM idempotency_key"
                        + " WHERE client = ?1 AND idempotency_key = ?2")
                .setParameter(1, request.client()).setParameter(2, request.key()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Optional<KeptAnswer> answer = row[1] == null ? Optional.empty()
                : Optional.of(new KeptAnswer(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (byte[]) row[4]));
        return Optional.of(new Taken(request.requestHash().equals(row[0]), answer));
    }

    /** Keeps the first request's answer. */
    public void answer(IdempotentRequest request, KeptAnswer answer) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?3, content_type = ?4, location = ?5, body = ?6"
                        + " WHERE client = ?1 AND idempotency_key = ?2 AND status IS NULL")
                .setParameter(1, request.client()).setParameter(2, request.key()).setParameter(3, answer.status())
                .setParameter(4, answer.contentType()).setParameter(5, answer.location()).setParameter(6, answer.body())
                .executeUpdate();
    }

    /** Gives the key up: the first request failed on ICR's side, so a retry is done afresh. */
    public void release(IdempotentRequest request) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE client = ?1 AND idempotency_key = ?2 AND status IS NULL")
                .setParameter(1, request.client()).setParameter(2, request.key()).executeUpdate();
    }
}
