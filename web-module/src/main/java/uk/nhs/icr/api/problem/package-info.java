/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer: field errors for bad
 * input, 404 and 409 for the domain's refusals, 503 when a database is unreachable, and a bare 500
 * with an incident id (never a stack trace) for anything unexpected.
 */
package uk.nhs.icr.api.problem;
