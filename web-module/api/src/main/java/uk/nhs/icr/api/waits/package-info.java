/** The waiting-times API: referral-to-treatment pathways and the treatment function codes they are counted by. */
package uk.nhs.icr.api.waits;
