/**
 * Referral-to-treatment waits: pathways whose clocks run by the national rules (a referral starts one at a trust for a
 * treatment function; a transfer keeps it running; it stops for the reasons the rules list), recorded by the clinicians
 * caring for the patient and shown on the patient's timeline.
 */
package uk.nhs.icr.waits.service;
