package uk.nhs.icr.patient.service;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;

import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.PreconditionFailedException;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.socialcare.Person;
import uk.nhs.icr.socialcare.PersonRepository;

/**
 * Registers a patient: the demographic record in the hospital database and the linked person in the
 * social-care database, in one JTA transaction across both XA datasources. Either both exist
 * afterwards or neither does.
 */
@Stateless
public class PatientRegistrationService {

    private static final Logger LOG = Logger.getLogger(PatientRegistrationService.class.getName());

    @Inject
    PatientRepository patients;

    @Inject
    PersonRepository people;

    @Inject
    AccessControl access;

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    /**
     * The practices the caller may register a patient with, by name, for choosing one in a form: their own when they
     * work at one (see {@link #requireKnownPractice}), otherwise every practice ICR knows.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NamedOrganisation> practicesTheCallerMayRegisterWith() {
        Caller caller = currentCaller.require();
        boolean ownListOnly = atAPractice(caller);
        return directory.organisationsOfType(List.of(OrganisationType.GP_PRACTICE)).stream()
                .filter(practice -> !ownListOnly || practice.odsCode().equals(caller.organisation()))
                .map(NamedOrganisation::of).toList();
    }

    public PatientDemographics register(@Valid PatientRegistration registration) {
        Caller caller = currentCaller.require();
        return access.registering(registration.nhsNumber(), () -> add(registration, caller));
    }

    private PatientDemographics add(PatientRegistration registration, Caller caller) {
        requireKnownPractice(registration.gpPracticeOdsCode(), caller);
        PatientIdentity identity = registration.identity();
        if (patients.exists(identity.nhsNumber())) {
            throw new PatientAlreadyRegisteredException("hospital");
        }
        Instant now = clock.now();
        Patient patient = new Patient(identity, registration.sex(), registration.postcode(), registration.gpPracticeOdsCode(), now);
        patients.add(patient);
        people.add(new Person(identity, now));
        // Flush both now so each database's constraints are checked inside this method, where a clash can
        // still be reported as such; the container then rolls back both sides.
        flushOrReportDuplicate(patients::flush, "hospital");
        flushOrReportDuplicate(people::flush, "social care");
        LOG.info(() -> "Registered patient " + patient.id() + " in the hospital and social-care records");
        return PatientDemographics.of(patient);
    }

    /** A change of address: the new postcode. */
    public record NewAddress(@Required Postcode postcode) {
    }

    /**
     * Records a change of address; the caller needs write access to this patient's record and names the version of
     * the demographics they changed (two changes racing on one version: the second is refused, 412).
     */
    @PatientDataAccess(resource = Resource.PATIENT, action = AuditAction.WRITE)
    public PatientDemographics changeAddress(NhsNumber number, @Valid NewAddress address, Precondition precondition) {
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        precondition.check(PatientDemographics.versionOf(patient), "the patient's demographics");
        patient.moveTo(address.postcode());
        try {
            patients.flush();
        } catch (OptimisticLockException e) {
            throw new PreconditionFailedException("the patient's demographics", PatientDemographics.versionOf(patient));
        }
        LOG.info(() -> "Recorded a change of address for patient " + patient.id());
        return PatientDemographics.of(patient);
    }

    /**
     * The practice must be one ICR knows; staff of a GP practice (GPs, its administrators) register patients on
     * their own practice's list, while hospital staff may register a patient with any practice.
     */
    private void requireKnownPractice(OdsCode practice, Caller caller) {
        directory.findOrganisation(practice).filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE)
                .orElseThrow(() -> InvalidInputException.of("gpPracticeOdsCode", "no GP practice with this ODS code is known to ICR"));
        if (atAPractice(caller) && !caller.organisation().equals(practice)) {
            throw InvalidInputException.of("gpPracticeOdsCode", "a practice registers patients on its own list ("
                    + caller.organisation() + "); the patient's own practice or a hospital registers them elsewhere");
        }
    }

    private boolean atAPractice(Caller caller) {
        return !caller.isPatient() && directory.findOrganisation(caller.organisation())
                .filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE).isPresent();
    }

    private static void flushOrReportDuplicate(Runnable flush, String record) {
        try {
            flush.run();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new PatientAlreadyRegisteredException(record);
            }
            throw e;
        }
    }
}
