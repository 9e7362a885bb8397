package uk.nhs.icr.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.consent.service.ConsentService;
import uk.nhs.icr.consent.service.ConsentService.ConsentView;
import uk.nhs.icr.consent.service.DataOptOutService;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutView;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.organdonation.Representative;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.organdonation.service.OrganDonationService.DecisionView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.service.Precondition;

/**
 * A patient's preferences as FHIR R4 Consent, read through the same services (and rules) as the JSON API: the sharing
 * directive for direct care ({@code {nhs}-sharing}), the National Data Opt-out ({@code {nhs}-opt-out}) and the organ
 * donation decision ({@code {nhs}-organ-donation}). A search by patient answers those the patient has recorded; the first
 * two are also written here ({@link #update}).
 */
final class ConsentProvider implements IResourceProvider {

    enum Kind {
        SHARING("sharing"), OPT_OUT("opt-out"), ORGAN_DONATION("organ-donation");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private final ConsentService consent;
    private final DataOptOutService optOut;
    private final OrganDonationService organDonation;
    private final StructureValidation validation;

    ConsentProvider(ConsentService consent, DataOptOutService optOut, OrganDonationService organDonation,
                    StructureValidation validation) {
        this.consent = consent;
        this.optOut = optOut;
        this.organDonation = organDonation;
        this.validation = validation;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Read
    public Consent read(@IdParam IdType id) {
        Address address = address(id);
        return consent(address.patient(), address.kind());
    }

    /**
     * Records a new version of the sharing directive or of the National Data Opt-out, under the JSON API's rules (who may,
     * at whose request, what awaits the patient's confirmation) and its concurrency: {@code If-Match} with the version
     * read, once one exists (428 without, 412 when stale). The organ donation decision is recorded with an identity check
     * the Consent resource cannot carry: through the JSON API (422 here, saying so).
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Consent resource, RequestDetails request) {
        Address address = address(id);
        validation.require(resource);
        Precondition precondition = Precondition.fromHeaders(request.getHeader("If-Match"), request.getHeader("If-None-Match"));
        switch (address.kind()) {
            case SHARING -> consent.record(address.patient(), ConsentWrites.directive(resource), precondition);
            case OPT_OUT -> optOut.set(address.patient(), ConsentWrites.optOut(resource), precondition);
            case ORGAN_DONATION -> throw new UnprocessableEntityException("An organ donation decision is recorded with a check of the"
                    + " person's identity: POST /api/patients/{nhsNumber}/organ-donation");
        }
        Consent recorded = consent(address.patient(), address.kind());
        return new MethodOutcome(recorded.getIdElement().withVersion(recorded.getMeta().getVersionId())).setResource(recorded);
    }

    /** Whose preference and which one an id names: {@code 9434765919-sharing}. */
    private static Address address(IdType id) {
        String text = id.getIdPart();
        for (Kind kind : Kind.values()) {
            if (text != null && text.endsWith("-" + kind.suffix)) {
                try {
                    return new Address(NhsNumber.parse(text.substring(0, text.length() - kind.suffix.length() - 1)), kind);
                } catch (uk.nhs.icr.platform.InvalidValueException e) {
                    throw new ResourceNotFoundException(id);
                }
            }
        }
        throw new ResourceNotFoundException(id);
    }

    private record Address(NhsNumber patient, Kind kind) {
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = Consent.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient) {
        NhsNumber number = Patients.nhsNumber(patient);
        List<IBaseResource> found = new ArrayList<>();
        AccessDeniedException refused = null;
        int refusals = 0;
        for (Kind kind : Kind.values()) {
            try {
                found.add(consent(number, kind));
            } catch (PatientNotFoundException notSeen) {
                // no such patient, or none this reader may see: the search answers so, as a read would
                throw notSeen;
            } catch (uk.nhs.icr.platform.service.ResourceNotFoundException nothingRecorded) {
                // no decision of this kind recorded: nothing to list
            } catch (AccessDeniedException notYours) {
                // a preference this reader's role does not read (an organ donation decision, for most staff): left out, and said
                refused = notYours;
                refusals++;
            }
        }
        if (refusals == Kind.values().length) {
            throw refused;
        }
        int listed = found.size();
        if (refused != null) {
            found.add(notReadable());
        }
        return OffsetPage.whole(found, listed);
    }

    /** The Bundle's note that some of the patient's preferences are not this reader's to read (which kinds is in the CapabilityStatement's documentation). */
    private static OperationOutcome notReadable() {
        OperationOutcome notice = new OperationOutcome();
        notice.setId("not-readable");
        notice.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.SUPPRESSED)
                .setDiagnostics("Some of this patient's preferences are not yours to read in your role (the organ donation decision is"
                        + " read by the specialist nurses for organ donation and the patient).");
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(notice, BundleEntrySearchModeEnum.OUTCOME);
        return notice;
    }

    private Consent consent(NhsNumber patient, Kind kind) {
        return switch (kind) {
            case SHARING -> sharing(patient, consent.current(patient, ConsentDirective.Scope.TREATMENT));
            case OPT_OUT -> optOut(patient, optOut.current(patient));
            case ORGAN_DONATION -> organDonation(patient, organDonation.current(patient));
        };
    }

    /** The sharing directive: who may see what, as provisions nested under a base permit for direct care. */
    private static Consent sharing(NhsNumber patient, ConsentView view) {
        Consent resource = base(patient, Kind.SHARING, view.version(), "patient-privacy", "Privacy Consent");
        resource.setStatus(!view.inForce() ? Consent.ConsentState.INACTIVE
                : "entered-in-error".equals(view.status()) ? Consent.ConsentState.ENTEREDINERROR : Consent.ConsentState.ACTIVE);
        resource.setDateTime(RecordEntryResources.date(view.decidedAt()));
        resource.addPerformer(new Reference().setDisplay(view.recordedByName()));
        if (view.recordedByOrganisation() != null) {
            resource.addOrganization(odsReference(view.recordedByOrganisation()));
        }
        resource.addPolicy().setUri("https://www.england.nhs.uk/ig/your-data/");
        if (view.atPatientsRequest() != null) {
            resource.addExtension(Systems.AT_PATIENTS_REQUEST, new BooleanType(view.atPatientsRequest()));
        }
        Consent.ProvisionComponent root = resource.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        root.addPurpose(new Coding(Systems.ACT_REASON, "TREAT", "treatment"));
        if (view.withheld() != null) {
            resource.getMeta().addSecurity(new Coding(Systems.SECURITY_OBSERVATION, "REDACTED", "redacted"));
            return resource;
        }
        for (Provision provision : view.provisions()) {
            Consent.ProvisionComponent nested = root.addProvision().setType(provision.type() == Provision.Type.DENY
                    ? Consent.ConsentProvisionType.DENY : Consent.ConsentProvisionType.PERMIT);
            if (provision.start() != null || provision.end() != null) {
                nested.setPeriod(new Period().setStart(RecordEntryResources.date(provision.start()))
                        .setEnd(RecordEntryResources.date(provision.end())));
            }
            provision.categories().forEach(category -> nested.addSecurityLabel(new Coding(Systems.DATA_CATEGORY, category.name(),
                    category.words())));
            provision.organisations().forEach(ods -> nested.addActor().setRole(recipient()).setReference(odsReference(ods)));
            provision.roles().forEach(role -> nested.addActor().setRole(new CodeableConcept().addCoding(new Coding(Systems.STAFF_ROLE,
                    role.name(), role.label()))).setReference(new Reference().setDisplay(role.label())));
        }
        return resource;
    }

    /** The National Data Opt-out: research and planning, denied when the patient opted out. */
    private static Consent optOut(NhsNumber patient, OptOutView view) {
        Consent resource = base(patient, Kind.OPT_OUT, view.version(), "research", "Research");
        resource.setStatus(Consent.ConsentState.ACTIVE);
        resource.setDateTime(RecordEntryResources.date(view.recordedAt()));
        resource.addPerformer(new Reference().setDisplay(view.setByName()));
        resource.addPolicy().setUri("https://digital.nhs.uk/services/national-data-opt-out");
        Consent.ProvisionComponent provision = resource.getProvision()
                .setType(view.optedOut() ? Consent.ConsentProvisionType.DENY : Consent.ConsentProvisionType.PERMIT);
        provision.addPurpose(new Coding(Systems.ACT_REASON, "HRESCH", "healthcare research"));
        provision.addPurpose(new Coding(Systems.ACT_REASON, "HOPERAT", "healthcare operations"));
        return resource;
    }

    /**
     * The organ donation decision: opt in (all organs, or a permit per organ chosen), opt out (deny), or leaving it to
     * appointed representatives (each a {@code provision.actor}); the faith declaration as an extension.
     */
    private static Consent organDonation(NhsNumber patient, DecisionView view) {
        Consent resource = base(patient, Kind.ORGAN_DONATION, view.version(), "adr", "Advanced Care Directive");
        resource.setStatus(Consent.ConsentState.ACTIVE);
        resource.setDateTime(RecordEntryResources.date(view.recordedAt()));
        resource.addPerformer(new Reference().setDisplay(view.recordedByName()));
        resource.addPolicy().setUri("https://www.organdonation.nhs.uk/");
        resource.addExtension(Systems.FAITH_DECLARATION, new BooleanType(view.faithDeclaration()));
        Consent.ProvisionComponent root = resource.getProvision();
        root.addCode(new CodeableConcept().addCoding(new Coding(Systems.ICR + "CodeSystem/organ-donation-decision", view.decision(),
                view.decision())));
        switch (view.decision()) {
            case "opt-out" -> root.setType(Consent.ConsentProvisionType.DENY);
            case "opt-in" -> {
                root.setType(view.organs().isEmpty() ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
                for (Organ organ : view.organs()) {
                    root.addProvision().setType(Consent.ConsentProvisionType.PERMIT).addCode(new CodeableConcept()
                            .addCoding(new Coding(Systems.ORGAN, organ.name().toLowerCase(Locale.ROOT).replace('_', '-'), words(organ))));
                }
            }
            default -> {
                for (Representative representative : view.representatives()) {
                    root.addActor().setRole(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                            "NOK", "next of kin")).setText(representative.relationship()))
                            .setReference(new Reference().setDisplay(representative.name()));
                }
            }
        }
        return resource;
    }

    private static Consent base(NhsNumber patient, Kind kind, int version, String scope, String scopeDisplay) {
        Consent resource = new Consent();
        String id = patient.value() + "-" + kind.suffix;
        // version 0: nothing recorded yet (the opt-out's default), so no ETag: the first change sends no If-Match
        resource.setId(version > 0 ? new IdType("Consent", id, Integer.toString(version)) : new IdType("Consent", id));
        if (version > 0) {
            resource.getMeta().setVersionId(Integer.toString(version));
        }
        resource.setScope(new CodeableConcept().addCoding(new Coding(Systems.CONSENT_SCOPE, scope, scopeDisplay)));
        resource.addCategory(new CodeableConcept().addCoding(new Coding(Systems.CONSENT_CATEGORY, "59284-0", "Patient Consent")));
        resource.setPatient(new Reference("Patient/" + patient.value()));
        return resource;
    }

    private static CodeableConcept recipient() {
        return new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
                "information recipient"));
    }

    private static Reference odsReference(String ods) {
        return new Reference().setIdentifier(new Identifier().setSystem(Systems.ODS_CODE).setValue(ods));
    }

    private static String words(Organ organ) {
        String words = organ.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
