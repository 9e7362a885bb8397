/** The research environment's portal pages: the register, projects and their extracts and outputs, output checks. */
package uk.nhs.icr.portal.research;
