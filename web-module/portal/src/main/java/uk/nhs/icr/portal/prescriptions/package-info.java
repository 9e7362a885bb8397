/** Repeat prescriptions in the portal: the practice's queue of requests, issued or rejected by its GPs. */
package uk.nhs.icr.portal.prescriptions;
