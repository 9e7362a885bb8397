/**
 * The JAX-RS API under {@code /api} for partner systems and the patient app. Resources are thin: they
 * pass what the client sent to one EJB service and map the result; failures become
 * {@code application/problem+json} in the mappers of {@link uk.nhs.icr.api.problem}.
 */
package uk.nhs.icr.api;
