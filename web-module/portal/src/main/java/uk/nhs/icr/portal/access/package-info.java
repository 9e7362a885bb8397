/**
 * Portal sign-in, the signed-in caller for each request, break-glass and the privacy officer's review screens.
 */
package uk.nhs.icr.portal.access;
