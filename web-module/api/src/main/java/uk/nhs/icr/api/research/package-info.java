/** The trusted research environment's API: the project register, the committee's decisions, extracts. */
package uk.nhs.icr.api.research;
