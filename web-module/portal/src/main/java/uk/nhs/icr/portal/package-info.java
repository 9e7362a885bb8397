/**
 * The PrimeFaces clinician portal. View beans hold what a page shows, call one EJB service per action
 * and turn refusals into Faces messages beside the fields they concern.
 */
package uk.nhs.icr.portal;
