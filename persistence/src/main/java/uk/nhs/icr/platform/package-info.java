/**
 * Building blocks shared by every bounded context: the failure a value object reports when it refuses
 * its input, and other small types that belong to no single context.
 */
package uk.nhs.icr.platform;
