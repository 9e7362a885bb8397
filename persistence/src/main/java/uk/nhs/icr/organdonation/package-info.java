/**
 * The organ-donation register (England, deemed consent since May 2020): people's decisions with their
 * history, and the circumstances that decide whether deemed consent applies.
 */
package uk.nhs.icr.organdonation;
