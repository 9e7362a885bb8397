/** GP appointments in the portal: the practice's day list, cancelling with a reason, and new sessions cut into slots. */
package uk.nhs.icr.portal.appointments;
