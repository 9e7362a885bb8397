/**
 * API resources for break-glass grants.
 */
package uk.nhs.icr.api.access;
