package uk.nhs.icr.access.service;

import static uk.nhs.icr.access.StaffRole.ADMIN;
import static uk.nhs.icr.access.StaffRole.CARE_COORDINATOR;
import static uk.nhs.icr.access.StaffRole.CARE_WORKER;
import static uk.nhs.icr.access.StaffRole.CONTACT_CENTRE;
import static uk.nhs.icr.access.StaffRole.GP;
import static uk.nhs.icr.access.StaffRole.HOSPITAL_CLINICIAN;
import static uk.nhs.icr.access.StaffRole.NURSE;
import static uk.nhs.icr.access.StaffRole.SOCIAL_WORKER;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.StaffRole;

/**
 * The kinds of patient data access is decided on, with the roles that may write each. Reading the care
 * record needs a legitimate relationship or break-glass; the organ-donation register and the access log have
 * rules of their own (see {@code AccessControl}). One table, so that "who may record what" is answered in one
 * place: a care worker records visits, not diagnoses.
 */
public enum Resource {
    PATIENT("Patient", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE, SOCIAL_WORKER, ADMIN)),
    SHARED_RECORD("SharedRecord", EnumSet.noneOf(StaffRole.class)),
    PROBLEM("Problem", EnumSet.of(GP, HOSPITAL_CLINICIAN), Access.CLINICAL_ENTRY),
    MEDICATION("Medication", EnumSet.of(GP, HOSPITAL_CLINICIAN), Access.CLINICAL_ENTRY),
    ALLERGY("Allergy", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE), Access.CLINICAL_ENTRY),
    BLOOD_TEST("BloodTestResult", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE), Access.CLINICAL_ENTRY),
    /** Reviewing a result releases it to the patient, with a comment: a GP's or a hospital clinician's act, never an emergency one. */
    RESULT_REVIEW("ResultReview", EnumSet.of(GP, HOSPITAL_CLINICIAN)),
    TREATMENT_PLAN("TreatmentPlan", EnumSet.of(GP, HOSPITAL_CLINICIAN), Access.CLINICAL_ENTRY),
    /** A referral-to-treatment pathway and its events (clock start, first outpatient, decision to admit, transfer, stop). */
    RTT_PATHWAY("RttPathway", EnumSet.of(GP, HOSPITAL_CLINICIAN), Access.CLINICAL_ENTRY),
    NEEDS_ASSESSMENT("NeedsAssessment", EnumSet.of(SOCIAL_WORKER)),
    CARE_PLAN("CarePlan", EnumSet.of(SOCIAL_WORKER, CARE_COORDINATOR)),
    /** Whether the person agrees with their care plan: theirs to say (or a proxy's), or the coordinator records what they said. */
    CARE_PLAN_AGREEMENT("CarePlanAgreement", EnumSet.of(CARE_COORDINATOR), Access.PATIENT_SERVICE),
    /** Daily notes, repositioning, weight and observations at the point of care. */
    DAILY_RECORD("DailyRecord", EnumSet.of(CARE_WORKER, CARE_COORDINATOR, NURSE)),
    /** Falls, injuries, medication errors and near misses in a person's care. */
    INCIDENT("Incident", EnumSet.of(CARE_WORKER, CARE_COORDINATOR, NURSE, SOCIAL_WORKER)),
    /** What travels with a person admitted to hospital from social care; sending it opens the admitting trust's access. */
    HOSPITAL_PACK("HospitalPack", EnumSet.of(CARE_WORKER, CARE_COORDINATOR, NURSE, SOCIAL_WORKER)),
    CARE_VISIT("CareVisit", EnumSet.of(SOCIAL_WORKER, CARE_WORKER)),
    SAFEGUARDING_CONCERN("SafeguardingConcern", EnumSet.of(SOCIAL_WORKER, CARE_WORKER, CARE_COORDINATOR, GP, HOSPITAL_CLINICIAN, NURSE),
            Access.CLINICAL_ENTRY),
    /** A visit on a care worker's rota: planned and cancelled by the provider's coordinator. */
    ROTA("PlannedVisit", EnumSet.of(CARE_COORDINATOR)),
    /** A medicine on the person's MAR chart, transcribed from the prescription by the provider's coordinator. */
    CARE_MEDICINE("CareMedicine", EnumSet.of(CARE_COORDINATOR)),
    /** A dose given, refused or not available: a line of the MAR chart. */
    MEDICATION_ADMINISTRATION("MedicationAdministration", EnumSet.of(CARE_WORKER, CARE_COORDINATOR, NURSE)),
    /** Drinks on the food and fluid chart. */
    FLUID_CHART("FluidChart", EnumSet.of(CARE_WORKER, CARE_COORDINATOR, NURSE)),
    /** The daily fluid target: part of the person's eating and drinking plan. */
    FLUID_TARGET("FluidTarget", EnumSet.of(CARE_COORDINATOR, NURSE)),
    /** A provider's alerts (late and missed visits, fluids below target, missed time-critical doses): audited as read. */
    CARE_ALERT("CareAlert", EnumSet.noneOf(StaffRole.class)),
    /** A provider's reports for the CQC (figures, with overdue reviews named): audited as read. */
    CARE_REPORT("CareReport", EnumSet.noneOf(StaffRole.class)),
    TRANSFER_OF_CARE("TransferOfCare", EnumSet.of(HOSPITAL_CLINICIAN, NURSE)),
    /** An inpatient prescription on an open admission, checked as it is written: a prescriber's act (and its overrides). */
    PRESCRIPTION("InpatientPrescription", EnumSet.of(HOSPITAL_CLINICIAN)),
    /** The ward medicines chart: doses given, not given or delayed, by nurses (and doctors) at the bedside. */
    WARD_MEDICINES_CHART("WardMedicinesChart", EnumSet.of(NURSE, HOSPITAL_CLINICIAN)),
    /** The medicines a patient came in on, each continued, changed or stopped at admission. */
    MEDICINES_RECONCILIATION("MedicinesReconciliation", EnumSet.of(HOSPITAL_CLINICIAN)),
    /** An admission's stay on a ward: where the patient is, the expected date of discharge and whether they are medically fit. */
    WARD_STAY("WardStay", EnumSet.of(HOSPITAL_CLINICIAN, NURSE)),
    /** A task of an admission's plan (observations, a test, a review): set and completed by the ward's nurses and doctors. */
    WARD_TASK("WardTask", EnumSet.of(NURSE, HOSPITAL_CLINICIAN)),
    /** A ward's list of its patients (beds, plans, overdue doses): audited as read for each patient listed. */
    WARD_LIST("WardList", EnumSet.noneOf(StaffRole.class)),
    /** Whether the patient sees an entry in their own view: marked "not for patient view" by the professionals caring for them. */
    PATIENT_VIEW("EntryPatientView", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE, SOCIAL_WORKER)),
    /** Preferences the patient sets themselves, or staff caring for them record on their behalf. */
    CONSENT("Consent", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE, SOCIAL_WORKER, ADMIN), Access.PATIENT_PREFERENCE),
    /** Staff record the patient's own choice (the contact centre), a parent's or an attorney's; never their own. */
    DATA_OPT_OUT("DataOptOut", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE, SOCIAL_WORKER, ADMIN, CONTACT_CENTRE),
            Access.PATIENT_PREFERENCE),
    ORGAN_DONATION("OrganDonationDecision", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE, ADMIN), Access.PATIENT_PREFERENCE),
    /**
     * Who may act for the patient in the app: recorded and reviewed by their GP practice; revoked by the patient themselves
     * too (the service holds each to what is theirs), never under break-glass.
     */
    PROXY_ACCESS("ProxyAccess", EnumSet.of(GP, ADMIN), Access.PATIENT_PREFERENCE),
    /** Repeats a GP authorises and issues, and the patient (or a proxy with the prescriptions service) requests. */
    REPEAT_PRESCRIPTION("RepeatPrescription", EnumSet.of(GP), Access.PATIENT_SERVICE),
    /** GP appointments the patient (or a proxy with the appointments service) books and cancels, and the practice keeps. */
    APPOINTMENT("Appointment", EnumSet.of(GP, ADMIN), Access.PATIENT_SERVICE),
    /** Capacity and residence for deemed consent: a clinical judgement, by clinicians caring for the person only. */
    DONATION_CIRCUMSTANCES("DonationCircumstances", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE)),
    /** What no one records through the write path: audited under these names all the same. */
    PATIENT_SEARCH("PatientSearch", EnumSet.noneOf(StaffRole.class)),
    BREAK_GLASS("BreakGlass", EnumSet.noneOf(StaffRole.class)),
    ACCESS_LOG("AccessLog", EnumSet.noneOf(StaffRole.class)),
    /** A patient's consent to a research project: theirs to give, or recorded as they say by the clinicians caring for them. */
    STUDY_CONSENT("StudyConsent", EnumSet.of(GP, HOSPITAL_CLINICIAN, NURSE), Access.PATIENT_PREFERENCE),
    /** Which research projects' extracts took in or left out a patient's data (the extract log, kept inside ICR). */
    RESEARCH_USE("ResearchUse", EnumSet.noneOf(StaffRole.class)),
    /** The research register's projects and the committee's decisions on them (no patient named). */
    RESEARCH_PROJECT("ResearchProject", EnumSet.noneOf(StaffRole.class));

    /** What else, besides its writers, may write a kind of data. */
    enum Access {
        /** Only the roles that write it, with a legitimate relationship. */
        STAFF_ONLY,
        /** A clinical entry: also a clinician under break-glass (reading in an emergency may mean recording too). */
        CLINICAL_ENTRY,
        /** The patient's own preference: also the patient themselves; never under break-glass. */
        PATIENT_PREFERENCE,
        /** A service the patient uses (a repeat request, a booking): also the patient and their proxy; never under break-glass. */
        PATIENT_SERVICE
    }

    private final String auditName;
    private final Set<StaffRole> writers;
    private final Access access;

    Resource(String auditName, Set<StaffRole> writers) {
        this(auditName, writers, Access.STAFF_ONLY);
    }

    Resource(String auditName, Set<StaffRole> writers, Access access) {
        this.auditName = auditName;
        this.writers = writers;
        this.access = access;
    }

    /** True for the patient's own preferences and the services they use, which the patient may change or ask for themselves. */
    public boolean writableByThePatient() {
        return access == Access.PATIENT_PREFERENCE || access == Access.PATIENT_SERVICE;
    }

    /**
     * True for the services a proxy uses for the patient (a repeat request, a booking); a preference is the patient's own,
     * changed by them or at their practice (the National Data Opt-out aside, which a parent sets for a young child and an
     * attorney or deputy for an adult: the access decision knows the link and the patient's age).
     */
    public boolean writableByAProxy() {
        return access == Access.PATIENT_SERVICE;
    }

    /**
     * True for the clinical entries a break-glass grant lets a clinician record. A grant is for emergency
     * reading: never preferences, demographics or a transfer of care.
     */
    public boolean writableUnderBreakGlass() {
        return access == Access.CLINICAL_ENTRY;
    }

    /**
     * The app service a proxy must be granted to reach this kind of data for the patient they act for: the record (with who
     * viewed it) or the preferences; empty for what no proxy reaches.
     */
    public Optional<ProxyLink.Service> proxyService() {
        return switch (this) {
            // not the access log: who opened the record (a sexual-health clinic, a mental-health team) would tell a proxy
            // what the record keeps from them
            case PATIENT, SHARED_RECORD, CARE_PLAN, CARE_PLAN_AGREEMENT -> Optional.of(ProxyLink.Service.RECORD);
            case CONSENT, DATA_OPT_OUT, ORGAN_DONATION -> Optional.of(ProxyLink.Service.PREFERENCES);
            case REPEAT_PRESCRIPTION -> Optional.of(ProxyLink.Service.PRESCRIPTIONS);
            case APPOINTMENT -> Optional.of(ProxyLink.Service.APPOINTMENTS);
            default -> Optional.empty();
        };
    }

    /** The resource type recorded in the audit log. */
    public String auditName() {
        return auditName;
    }

    public boolean writableBy(StaffRole role) {
        return writers.contains(role);
    }
}
