/**
 * Research and planning use of patient data. For now, the National Data Opt-out rule every later research
 * feature must call before it uses a patient's record.
 */
package uk.nhs.icr.research.service;
