/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer: field errors for bad
 * input, 404 and 409 for the domain's refusals, 503 when a database is unreachable, and a bare 500
 * with an incident id (never a stack trace) for anything unexpected. What never reaches JAX-RS (the
 * container refusing a token, a failure in a servlet filter) gets the same bodies at servlet level.
 */
package uk.nhs.icr.api.problem;
