/** The practice's hospital-record work in the portal: the results waiting for its GPs' review. */
package uk.nhs.icr.portal.hospital;
