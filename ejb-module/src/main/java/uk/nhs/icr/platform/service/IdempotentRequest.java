package uk.nhs.icr.platform.service;

/** A POST that carries an Idempotency-Key: whose ({@code client}: the token's client and user), the key, and a hash of the request. */
public record IdempotentRequest(String client, String key, String requestHash) {
}
