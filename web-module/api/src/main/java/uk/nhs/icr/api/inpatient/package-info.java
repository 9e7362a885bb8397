/** The ward over HTTP: ward lists, placing patients, inpatient prescriptions with their checks, the medicines chart, reconciliation. */
package uk.nhs.icr.api.inpatient;
