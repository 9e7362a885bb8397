package uk.nhs.icr.portal.sharedrecord;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.hospital.service.HospitalRecordService;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewAllergy;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewBloodTest;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewMedication;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewProblem;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewTreatmentPlan;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService.Discharge;
import uk.nhs.icr.socialcare.service.SocialCareRecordService;
import uk.nhs.icr.terminology.service.TerminologyService;
import uk.nhs.icr.terminology.service.TerminologyService.FindingTerm;
import uk.nhs.icr.terminology.service.TerminologyService.MedicineTerm;
import uk.nhs.icr.terminology.service.TerminologyService.TestTerm;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewAssessment;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewCarePlan;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewCareVisit;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewSafeguardingConcern;

/**
 * The page that adds one entry to a patient's record ({@code ?nhsNumber=&kind=}), or discharges an
 * admission to social care ({@code kind=transfer-of-care&admissionId=}). Fields are kept as typed, converted
 * to the service's command, and the service validates it; every refusal appears beside its field.
 */
@Named
@ViewScoped
public class RecordEntryView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    @Inject
    HospitalRecordService hospital;

    @Inject
    SocialCareRecordService socialCare;

    @Inject
    TransferOfCareService transfers;

    @Inject
    SharedRecordService sharedRecord;

    private RecordEntry admission;

    @Inject
    SignedInUser signedInUser;

    @Inject
    TerminologyService terminology;

    @Inject
    CommandBinder binder;

    private NhsNumber nhsNumber;
    private String kindSlug;
    private EntryKind kind;
    private final Map<String, String> values = new HashMap<>();
    private List<NamedOrganisation> careProviders = List.of();
    private List<FindingTerm> findings = List.of();
    private FindingTerm picked;
    private MedicineTerm pickedMedicine;
    private boolean confirming;

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
            if (kind == EntryKind.TRANSFER_OF_CARE && !confirming) {
                // a discharge cannot be undone from here: read the form, then show what will happen and ask again
                typed(Discharge.class);
                confirming = true;
                return null;
            }
            confirming = false;
            forgetStalePick();
            store();
        } catch (InvalidInputException | ConstraintViolationException e) {
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
            case BLOOD_TEST -> hospital.recordBloodTest(nhsNumber, typed(NewBloodTest.class));
            case PROBLEM -> hospital.recordProblem(nhsNumber, typed(NewProblem.class));
            case MEDICATION -> hospital.recordMedication(nhsNumber, typed(NewMedication.class));
            case ALLERGY -> hospital.recordAllergy(nhsNumber, typed(NewAllergy.class));
            case TREATMENT_PLAN -> hospital.recordTreatmentPlan(nhsNumber, typed(NewTreatmentPlan.class));
            case NEEDS_ASSESSMENT -> socialCare.recordAssessment(nhsNumber, typed(NewAssessment.class));
            case CARE_PLAN -> socialCare.recordCarePlan(nhsNumber, typed(NewCarePlan.class));
            case CARE_VISIT -> socialCare.recordCareVisit(nhsNumber, typed(NewCareVisit.class));
            case SAFEGUARDING_CONCERN -> socialCare.recordSafeguardingConcern(nhsNumber, typed(NewSafeguardingConcern.class));
            case TRANSFER_OF_CARE -> transfers.discharge(nhsNumber, typed(Discharge.class));
            default -> throw new IllegalStateException("no form for " + kind);
        }
    }

    /** The form's fields, as typed, converted to the service's command; a field that cannot be read is refused by name. */
    private <C extends Record> C typed(Class<C> command) {
        return binder.bind(command, values);
    }

    /** The coded tests whose names start (or have a word starting) with what was typed. */
    public List<String> completeTest(String typed) {
        return terminology.tests(typed).stream().map(TestTerm::name).toList();
    }

    /** A coded test was picked: its unit and usual reference range fill in (the clinician may still change the range). */
    public void testChosen() {
        terminology.test(values.getOrDefault("test", "")).ifPresent(test -> {
            values.put("unit", test.unit());
            values.put("referenceLow", plain(test.referenceLow()));
            values.put("referenceHigh", plain(test.referenceHigh()));
        });
    }

    public List<String> completeFinding(String typed) {
        findings = terminology.findings(typed);
        return findings.stream().map(FindingTerm::term).toList();
    }

    /** A coded problem was picked: its SNOMED CT code fills in. */
    public void findingChosen() {
        String term = values.getOrDefault("display", "");
        findings.stream().filter(finding -> finding.term().equals(term)).findFirst().ifPresent(finding -> {
            values.put("snomedCode", finding.snomedCode());
            picked = finding;
        });
    }

    public List<String> completeMedicine(String typed) {
        return terminology.medicines(typed).stream().map(MedicineTerm::name).toList();
    }

    /** A coded medicine was picked: its route fills in, and the dose is asked for in its unit. */
    public void medicineChosen() {
        terminology.medicine(values.getOrDefault("name", "")).ifPresent(medicine -> {
            values.put("route", medicine.route());
            pickedMedicine = medicine;
        });
    }

    /** The unit the picked medicine's dose is written in ("mg", "dose"); null when none is picked or its name was changed since. */
    public String getDoseUnit() {
        return pickedMedicine != null && pickedMedicine.name().equals(values.get("name")) ? pickedMedicine.doseUnit() : null;
    }

    /**
     * A code picked with a problem no longer stands once the problem's text no longer names it (Hypertension picked,
     * then overtyped with another diagnosis): it is cleared, so the form asks for the code again rather than store the
     * new problem under the old code (and its data category).
     */
    private void forgetStalePick() {
        if (picked != null && picked.snomedCode().equals(values.get("snomedCode"))
                && !values.getOrDefault("display", "").toLowerCase(Locale.ROOT).contains(picked.term().toLowerCase(Locale.ROOT))) {
            values.remove("snomedCode");
            picked = null;
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    /** Whether a discharge is being checked before it is made (its form is then read-only). */
    public boolean isConfirming() {
        return confirming;
    }

    /** Back from the check to the form, to change something. */
    public void change() {
        confirming = false;
    }

    /** When the patient left, as the check before a discharge says it ("now" when no time was given). */
    public String getDischargeTimeInWords() {
        String typed = values.get("dischargedAt");
        if (typed == null || typed.isBlank()) {
            return "Now";
        }
        try {
            return LocalDateTime.parse(typed.strip()).format(WHEN);
        } catch (DateTimeParseException e) {
            return typed;
        }
    }

    /** The chosen care provider's name, for the check before a discharge. */
    public String getCareProviderName() {
        String code = values.get("careProviderOdsCode");
        return careProviders.stream().filter(provider -> provider.odsCode().equals(code)).map(NamedOrganisation::name).findFirst().orElse(code);
    }

    public EntryKind getKind() {
        return kind;
    }

    /** The form's values by field name, as typed. */
    public Map<String, String> getValues() {
        return values;
    }

    public List<NamedOrganisation> getCareProviders() {
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

    /**
     * The admission a discharge closes, as the clinician knows it (when and why, where), read once: never its
     * internal number. Null when it cannot be read (then the form says so).
     */
    public RecordEntry getAdmission() {
        String id = values.get("admissionId");
        if (admission == null && id != null && id.matches("\\d{1,18}") && getNhsNumber() != null) {
            try {
                admission = sharedRecord.entry(getNhsNumber(), RecordSource.HOSPITAL, Long.parseLong(id));
            } catch (AccessDeniedException | ResourceNotFoundException e) {
                admission = null;
            }
        }
        return admission;
    }

    public String getAdmissionId() {
        return values.get("admissionId");
    }

    public void setAdmissionId(String admissionId) {
        values.put("admissionId", admissionId);
    }
}
