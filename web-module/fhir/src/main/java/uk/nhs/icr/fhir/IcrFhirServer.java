package uk.nhs.icr.fhir;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.RestfulServer;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.appointments.service.AppointmentService;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.consent.service.ConsentService;
import uk.nhs.icr.consent.service.DataOptOutService;
import uk.nhs.icr.inpatient.service.AdmissionPlanService;
import uk.nhs.icr.inpatient.service.PrescribingService;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.sharedrecord.service.RecordImportService;
import uk.nhs.icr.sharedrecord.service.StructuredRecordService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService;

/**
 * The FHIR R4 endpoint at {@code /fhir}: HAPI FHIR's plain server with ICR's resource providers, which call the EJB
 * services injected here (the providers are plain objects: HAPI finds their methods by reflection). JSON by default,
 * XML on request; ETags on reads; errors as OperationOutcome ({@link OperationOutcomes}).
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class IcrFhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    /** Pages are at most this long, as in the JSON API. */
    static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 20;

    @Inject
    transient StaffSignInService directory;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient PatientSearchService patients;

    @Inject
    transient StructuredRecordService record;

    @Inject
    transient ConsentService consent;

    @Inject
    transient DataOptOutService optOut;

    @Inject
    transient OrganDonationService organDonation;

    @Inject
    transient AccessLogService accessLog;

    @Inject
    transient AppointmentService appointments;

    @Inject
    transient ReferralToTreatmentService pathways;

    @Inject
    transient PrescribingService prescribing;

    @Inject
    transient AdmissionPlanService plans;

    @Inject
    transient RecordImportService imports;

    /** Runs the validator's warm-up beside the server's start. */
    @Resource
    transient ManagedExecutorService warmer;

    /**
     * Whether the validator loads its definitions when the application starts (8 to 9 s of one core, about 185 MB) or at
     * the first write that needs it. A server in service warms; the end-to-end tests, which start the application once per
     * test class and mostly never write through {@code /fhir}, do not.
     */
    @Inject
    @ConfigProperty(name = "icr.fhir.validator.warm-on-start", defaultValue = "true")
    transient boolean warmValidatorOnStart;

    private transient StructureValidation validation;

    /** Synthetic data only: a Patient without an NHS number gets a 999-range one derived from its source identifier. */
    @Inject
    @ConfigProperty(name = "icr.fhir.assign-test-nhs-numbers", defaultValue = "false")
    transient boolean assignTestNhsNumbers;

    public IcrFhirServer() {
        super(FhirContext.forR4Cached());
    }

    @Override
    protected void initialize() throws ServletException {
        setServerName("ICR - Integrated Care Record FHIR R4 server");
        setImplementationDescription("ICR's shared care record and preferences as FHIR R4 (UK Core where it applies)");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setETagSupport(ETagSupportEnum.ENABLED);
        setDefaultPageSize(DEFAULT_PAGE);
        setMaximumPageSize(MAX_PAGE);
        // a gzip body is taken as sent: unzipped, a small body could fill the heap past every size limit
        setUncompressIncomingContents(false);
        registerInterceptor(new FhirCaller(directory, currentCaller));
        registerInterceptor(new BundleStream(getFhirContext(), currentCaller));
        registerInterceptor(new OperationOutcomes());
        validation = new StructureValidation(getFhirContext());
        if (warmValidatorOnStart) {
            // the first validation loads the R4 definitions (seconds): done now, beside the start, not in a caller's request
            warmer.execute(validation::warm);
        }
        RecordEntryResources entries = new RecordEntryResources();
        registerProvider(new PatientProvider(patients, record, entries));
        for (EntryResource kind : EntryResource.values()) {
            registerProvider(new RecordEntryProvider<>(kind, record, entries));
        }
        registerProvider(new ConsentProvider(consent, optOut, organDonation, validation));
        registerProvider(new AuditEventProvider(accessLog));
        registerProvider(new AppointmentProviders.SlotProvider(appointments));
        registerProvider(new AppointmentProviders.AppointmentProvider(appointments, validation));
        registerProvider(new CareProcessProviders.EpisodeOfCareProvider(pathways));
        registerProvider(new CareProcessProviders.MedicationRequestProvider(prescribing));
        registerProvider(new CareProcessProviders.TaskProvider(plans));
        registerProvider(new ImportProvider(imports, new BundleImports(assignTestNhsNumbers), currentCaller, validation));
    }

    @Override
    public void destroy() {
        if (validation != null) {
            validation.release();
        }
        super.destroy();
    }
}
