/**
 * Synthetic demonstration data for local runs: generated deterministically (same data every time, NHS
 * numbers in the never-issued 999 range) and loaded only when {@code icr.demo-data.enabled} is true.
 */
package uk.nhs.icr.demo;
