package uk.nhs.icr.portal.sharedrecord;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.hospital.service.HospitalRecordService;
import uk.nhs.icr.hospital.service.HospitalRecordService.AllergyForm;
import uk.nhs.icr.hospital.service.HospitalRecordService.BloodTestForm;
import uk.nhs.icr.hospital.service.HospitalRecordService.MedicationForm;
import uk.nhs.icr.hospital.service.HospitalRecordService.ProblemForm;
import uk.nhs.icr.hospital.service.HospitalRecordService.TreatmentPlanForm;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService.CareProvider;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService.TransferForm;
import uk.nhs.icr.socialcare.service.SocialCareRecordService;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.AssessmentForm;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.CarePlanForm;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.CareVisitForm;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.SafeguardingForm;

/**
 * The page that adds one entry to a patient's record ({@code ?nhsNumber=&kind=}), or discharges an
 * admission to social care ({@code kind=transfer-of-care&admissionId=}). Fields are kept as typed and
 * handed to the service, which validates them; its refusals appear beside the fields.
 */
@Named
@ViewScoped
public class RecordEntryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HospitalRecordService hospital;

    @Inject
    SocialCareRecordService socialCare;

    @Inject
    TransferOfCareService transfers;

    @Inject
    SignedInUser signedInUser;

    private NhsNumber nhsNumber;
    private String kindSlug;
    private EntryKind kind;
    private final Map<String, String> values = new HashMap<>();
    private List<CareProvider> careProviders = List.of();

    public void load() {
        kind = EntryKind.fromSlug(kindSlug).orElse(null);
        if (kind == null || nhsNumber == null) {
            FieldMessages.error(null, "Open this page from a patient's record: the patient or the kind of entry is missing");
            kind = null;
            return;
        }
        if (!kind.recordableBy(signedInUser.getProfile().role())) {
            FieldMessages.error(null, signedInUser.getProfile().roleLabel() + "s may not record this kind of entry");
            kind = null;
            return;
        }
        if (kind == EntryKind.TRANSFER_OF_CARE) {
            careProviders = transfers.careProviders();
        }
    }

    /** Records the entry and returns to the patient's record; on refusal stays, with the reasons shown. */
    public String save() {
        if (kind == null) {
            return null;
        }
        try {
            store();
        } catch (InvalidInputException e) {
            FieldMessages.show(kind.formId(), kind.fields(), e);
            return null;
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, kind.getLabel() + " recorded", null));
        return "/patients/patient?faces-redirect=true&nhsNumber=" + nhsNumber.value();
    }

    private void store() {
        switch (kind) {
            case BLOOD_TEST -> hospital.recordBloodTest(nhsNumber, new BloodTestForm(v("test"), v("value"), v("unit"),
                    v("referenceLow"), v("referenceHigh"), v("reportedAt")));
            case PROBLEM -> hospital.recordProblem(nhsNumber, new ProblemForm(v("snomedCode"), v("display"), v("onset"), v("status"),
                    v("notes"), v("category")));
            case MEDICATION -> hospital.recordMedication(nhsNumber, new MedicationForm(v("name"), v("dose"), v("route"),
                    v("frequency"), v("course"), v("startedAt"), v("category")));
            case ALLERGY -> hospital.recordAllergy(nhsNumber, new AllergyForm(v("substance"), v("reaction"), v("severity"),
                    v("notedAt")));
            case TREATMENT_PLAN -> hospital.recordTreatmentPlan(nhsNumber, new TreatmentPlanForm(v("title"), v("goals"),
                    v("activities"), v("responsibleClinician"), v("reviewDate")));
            case NEEDS_ASSESSMENT -> socialCare.recordAssessment(nhsNumber, new AssessmentForm(v("needs"), v("eligibility"),
                    v("assessedAt")));
            case CARE_PLAN -> socialCare.recordCarePlan(nhsNumber, new CarePlanForm(v("needs"), v("outcomes"), v("services"),
                    v("reviewDate")));
            case CARE_VISIT -> socialCare.recordCareVisit(nhsNumber, new CareVisitForm(v("plannedStart"), v("plannedEnd"),
                    v("actualStart"), v("actualEnd"), v("tasksDone"), v("notes")));
            case SAFEGUARDING_CONCERN -> socialCare.recordSafeguardingConcern(nhsNumber, new SafeguardingForm(v("category"),
                    v("description"), v("raisedAt")));
            case TRANSFER_OF_CARE -> transfers.discharge(nhsNumber, new TransferForm(v("admissionId"), v("dischargeSummary"),
                    v("careNeeds"), v("careProviderOdsCode")));
            default -> throw new IllegalStateException("no form for " + kind);
        }
    }

    private String v(String field) {
        return values.get(field);
    }

    public EntryKind getKind() {
        return kind;
    }

    /** The form's values by field name, as typed. */
    public Map<String, String> getValues() {
        return values;
    }

    public List<CareProvider> getCareProviders() {
        return careProviders;
    }

    public NhsNumber getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(NhsNumber nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getKindSlug() {
        return kindSlug;
    }

    public void setKindSlug(String kindSlug) {
        this.kindSlug = kindSlug;
    }

    public String getAdmissionId() {
        return values.get("admissionId");
    }

    public void setAdmissionId(String admissionId) {
        values.put("admissionId", admissionId);
    }
}
