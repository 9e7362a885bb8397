/**
 * API resources that record hospital entries.
 */
package uk.nhs.icr.api.hospital;
