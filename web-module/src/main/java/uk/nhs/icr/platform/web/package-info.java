/**
 * What the portal and the API share at the servlet level: the last-resort handling of failures that escape
 * both, so the container never logs a request address or exception text that may hold patient data.
 */
package uk.nhs.icr.platform.web;
