/** GP appointments for the practice: its sessions and slots, its day list, and cancelling with a reason. */
package uk.nhs.icr.api.appointments;
