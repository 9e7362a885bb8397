/** The coded terms clinicians pick from, for the portal's pickers and the services' checks. */
package uk.nhs.icr.terminology.service;
