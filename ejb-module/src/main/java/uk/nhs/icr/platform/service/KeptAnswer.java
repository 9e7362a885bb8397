package uk.nhs.icr.platform.service;

/** The first answer to an idempotent request, as it went out: status, content type, Location (if any) and body. */
public record KeptAnswer(int status, String contentType, String location, byte[] body) {
}
