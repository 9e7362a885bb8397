/**
 * Portal screens to record an organ-donation decision and for the specialist nurse's look-up.
 */
package uk.nhs.icr.portal.organdonation;
