/**
 * The web edge that the portal WAR and the API WAR share: text as people and partner systems type it, turned
 * into the services' typed commands and queries (every bad field named at once), and the last-resort handling
 * of failures that escape either WAR, so the container never logs a request address or exception text that
 * may hold patient data.
 */
package uk.nhs.icr.platform.web;
