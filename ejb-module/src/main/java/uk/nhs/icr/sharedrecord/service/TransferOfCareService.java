package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import uk.nhs.icr.access.CareRelationships;
import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.hospital.DischargeSummary;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.inpatient.service.DischargeMedication;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.socialcare.ReferralRequest;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;

/**
 * Transfer of care from hospital to social care, in ONE JTA transaction across both XA datasources: the
 * hospital side closes the admission and records the discharge summary, the social-care side opens an
 * assessment request with the care needs and the medicines the patient goes home on (the ward's active prescriptions, which
 * also become medications on the hospital record). Both happen or neither does.
 */
@Stateless
public class TransferOfCareService {

    private static final Logger LOG = Logger.getLogger(TransferOfCareService.class.getName());

    /** The discharge of one open admission to a care provider or local authority (ODS code). */
    public record Discharge(@Required @Positive @Label("admission id") Long admissionId,
                            @Required @Text(max = 4000) String dischargeSummary,
                            @Required @Text(max = 4000) String careNeeds,
                            @Required @Label("care provider ODS code") OdsCode careProviderOdsCode,
                            @NotInFuture @Label("discharge time") Instant dischargedAt) {
    }

    public record Transfer(long admissionId, Instant dischargedAt, long dischargeSummaryId, long referralRequestId,
                           String careProviderOdsCode, List<String> dischargeMedicines) implements Serializable {
    }

    /** The admission is not open: already discharged or transferred. */
    public static class AdmissionNotOpenException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public AdmissionNotOpenException(String message) {
            super(message);
        }
    }

    static final Set<OrganisationType> RECEIVING_TYPES = EnumSet.of(OrganisationType.CARE_PROVIDER, OrganisationType.LOCAL_AUTHORITY);

    @Inject
    RecordWriter writer;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    SocialCareRecordRepository socialCare;

    @Inject
    StaffDirectory directory;

    @Inject
    CareRelationships careRelationships;

    @Inject
    DischargeMedication dischargeMedication;

    /** Local authorities and care providers known to ICR: where a transfer of care can go. */
    public List<NamedOrganisation> careProviders() {
        return directory.organisationsOfType(RECEIVING_TYPES).stream()
                .map(NamedOrganisation::of)
                .toList();
    }

    @PatientDataAccess(resource = Resource.TRANSFER_OF_CARE, action = AuditAction.WRITE)
    public Transfer discharge(NhsNumber patient, @Valid Discharge discharge) {
        OdsCode provider = discharge.careProviderOdsCode();
        if (directory.findOrganisation(provider).map(Organisation::type).filter(RECEIVING_TYPES::contains).isEmpty()) {
            throw InvalidInputException.of("careProviderOdsCode", "not a care provider or local authority known to ICR");
        }
        EntryAuthor author = writer.author();

        Encounter admission = hospital.findEncounter(patient, discharge.admissionId())
                .filter(encounter -> encounter.kind() == Encounter.Kind.ADMISSION)
                .orElseThrow(() -> new AdmissionNotOpenException("This patient has no admission with that id"));
        if (!admission.isOpenAdmission()) {
            throw new AdmissionNotOpenException("This admission has already ended: it was discharged or transferred before");
        }
        // a relationship through another organisation (a referral elsewhere) is not a say in this admission
        if (!admission.organisation().equals(author.organisation())
                || !careRelationships.hasOpenEpisode(patient, author.organisation())) {
            throw new AccessDeniedException("Only staff of the organisation the patient is admitted to discharge them", false);
        }
        Instant now = writer.now();
        // the time the patient left, when the ward records the discharge afterwards; otherwise now
        Instant left = discharge.dischargedAt() == null ? now : discharge.dischargedAt();
        if (!left.isAfter(admission.occurredAt())) {
            throw InvalidInputException.of("dischargedAt", "must be after the admission began");
        }
        admission.close(left);
        careRelationships.endAdmissions(patient, author.organisation(), now);
        DischargeSummary summary = new DischargeSummary(patient, admission, discharge.dischargeSummary(), left, author, now);
        // the ward's active prescriptions go home with the patient: on the record, and to the care provider
        DischargeMedication.OnDischarge medicines = dischargeMedication.carryOver(admission, author, left, now);
        // social care is asked now, whenever the patient left
        ReferralRequest referral = new ReferralRequest(patient, admission.id(), provider, discharge.careNeeds(), now, author, now,
                medicines.forCareProvider());
        try {
            // identity keys: each insert is sent as it is persisted, so a clash surfaces here, not at commit
            hospital.add(summary);
            socialCare.add(referral);
            hospital.flush();
            socialCare.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new AdmissionNotOpenException("Social care already holds a request for this admission");
            }
            throw e;
        }
        LOG.info(() -> "Transfer of care: admission " + admission.id() + " closed, social-care request " + referral.id() + " opened");
        return new Transfer(admission.id(), left, summary.id(), referral.id(), provider.value(), medicines.medicines());
    }
}
