/**
 * The ward's services: inpatient prescribing with its safety checks (allergy, duplicate therapy, interaction, dose range),
 * the ward medicines chart (doses given, not given, delayed; witnessed controlled drugs; overdue doses), medicines
 * reconciliation at admission and the ward list. Each is a transaction boundary with its access decision and audit.
 */
package uk.nhs.icr.inpatient.service;
