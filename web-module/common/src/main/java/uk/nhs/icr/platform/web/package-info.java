/**
 * What the portal WAR and the API WAR share at the servlet level: the last-resort handling of failures
 * that escape either, so the container never logs a request address or exception text that may hold
 * patient data. Each WAR says how it answers (an error page, a problem+json body).
 */
package uk.nhs.icr.platform.web;
