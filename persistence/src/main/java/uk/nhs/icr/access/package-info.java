/**
 * Who may see what: the staff directory (organisations, staff, roles), the relationships that make access
 * legitimate (care team, referrals, admissions, caseloads, care provision), break-glass grants, and (in the
 * EJB module) the access decision point that uses them.
 */
package uk.nhs.icr.access;
