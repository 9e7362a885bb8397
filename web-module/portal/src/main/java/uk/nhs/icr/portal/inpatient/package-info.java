/** The ward in the portal: the ward list, and a patient's medicines chart, prescriptions, plan and reconciliation. */
package uk.nhs.icr.portal.inpatient;
