/**
 * API resources for the organ-donation register: decisions, history, evaluation and circumstances.
 */
package uk.nhs.icr.api.organdonation;
