/**
 * The access decision point every read and write of patient data goes through, staff sign-in, the signed-in caller and break-glass grants.
 */
package uk.nhs.icr.access.service;
