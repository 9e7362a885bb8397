/**
 * Portal screens for the audit log: a patient's access log as the privacy officer reads it.
 */
package uk.nhs.icr.portal.audit;
