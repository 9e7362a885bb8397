/**
 * Recording organ-donation decisions, the specialist nurse's audited look-up, and the deemed-consent evaluation.
 */
package uk.nhs.icr.organdonation.service;
