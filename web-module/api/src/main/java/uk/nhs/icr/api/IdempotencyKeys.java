package uk.nhs.icr.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.platform.service.IdempotencyService;
import uk.nhs.icr.platform.service.IdempotencyService.Taken;
import uk.nhs.icr.platform.service.IdempotentRequest;
import uk.nhs.icr.platform.service.KeptAnswer;
import uk.nhs.icr.platform.web.BearerTokens;

/**
 * {@code Idempotency-Key} on POST: a retry of a request (the same key from the same client and user, the same address,
 * content type and body) within 24 hours gets the first answer again, byte for byte with {@code Idempotent-Replayed: true},
 * and nothing is done a second time; retries that arrive while the first is still being done wait for its answer. The
 * same key with a different request is 422. A key is up to 128 letters, digits and {@code . _ : -}. A first request that
 * fails on ICR's side (5xx) gives its key up, so that a retry is done afresh.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyKeys implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String FIRST = IdempotencyKeys.class.getName() + ".first";
    private static final String STATUS = IdempotencyKeys.class.getName() + ".status";
    private static final long WAIT_MILLIS = 30_000;

    @Inject
    IdempotencyService keys;

    @Inject
    JsonWebToken token;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || token == null || token.getRawToken() == null) {
            return;
        }
        if (!USABLE.matcher(key).matches()) {
            request.abortWith(Problem.of("invalid-idempotency-key", "Invalid Idempotency-Key", 400,
                    "An Idempotency-Key is 1 to 128 letters, digits and . _ : - (a UUID, say).").toResponse());
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        IdempotentRequest idempotent = new IdempotentRequest(BearerTokens.clientAndUser(token), key,
                hash(request.getUriInfo().getRequestUri().getRawPath(), request.getHeaderString(HttpHeaders.CONTENT_TYPE), body));
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            IdempotencyService.Claim claim = keys.claim(idempotent);
            if (claim instanceof IdempotencyService.First) {
                request.setProperty(FIRST, idempotent);
                return;
            }
            Taken taken = (Taken) claim;
            if (!taken.sameRequest()) {
                request.abortWith(Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422,
                        "This Idempotency-Key was sent with a different request in the last 24 hours. Use a new key for a"
                                + " new request; nothing was done.").toResponse());
                return;
            }
            Optional<KeptAnswer> answer = awaitAnswer(idempotent, taken, deadline);
            if (answer.isPresent()) {
                request.abortWith(replay(answer.get()));
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                request.abortWith(Problem.of("idempotent-request-in-progress", "Request still in progress", 409,
                        "The first request with this Idempotency-Key is still being done. Send it again later.").toResponse());
                return;
            }
            // the first request gave the key up (it failed on our side): claim it afresh
        }
    }

    private Optional<KeptAnswer> awaitAnswer(IdempotentRequest request, Taken taken, long deadline) {
        Optional<Taken> current = Optional.of(taken);
        while (current.isPresent() && current.get().answer().isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            current = keys.taken(request);
        }
        return current.flatMap(Taken::answer);
    }

    private static Response replay(KeptAnswer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.body().length > 0) {
            replay.entity(answer.body()).type(answer.contentType());
        }
        return replay.build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(FIRST) instanceof IdempotentRequest first)) {
            return;
        }
        if (response.getStatus() >= 500) {
            keys.release(first);
            request.removeProperty(FIRST);
        } else if (!response.hasEntity()) {
            keys.answer(first, new KeptAnswer(response.getStatus(), null, response.getHeaderString(HttpHeaders.LOCATION), new byte[0]));
            request.removeProperty(FIRST);
        } else {
            request.setProperty(STATUS, new KeptAnswer(response.getStatus(), response.getMediaType() == null ? null
                    : response.getMediaType().toString(), response.getHeaderString(HttpHeaders.LOCATION), new byte[0]));
        }
    }

    /** The first request's body, kept as it is written. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(FIRST) instanceof IdempotentRequest first) || !(context.getProperty(STATUS) instanceof KeptAnswer head)) {
            context.proceed();
            return;
        }
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        });
        context.proceed();
        keys.answer(first, new KeptAnswer(head.status(), head.contentType(), head.location(), copy.toByteArray()));
        context.removeProperty(FIRST);
    }

    static String hash(String path, String contentType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((path + "\n" + (contentType == null ? "" : contentType) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
