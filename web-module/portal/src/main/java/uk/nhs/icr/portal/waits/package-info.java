/** The waiting-times dashboard: a list's weeks waited, its trend against the 18-week standard, trusts compared. */
package uk.nhs.icr.portal.waits;
