/**
 * Registering patients in both databases in one transaction, and finding them by NHS number or by name and date of birth.
 */
package uk.nhs.icr.patient.service;
