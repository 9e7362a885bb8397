package uk.nhs.icr.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRegistration;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.socialcare.Person;
import uk.nhs.icr.socialcare.PersonRepository;

/**
 * Adds whichever demo patients are missing from either database, in one XA transaction. Running it again
 * changes nothing, so every start of a demo server can call it.
 */
@Stateless
public class DemoDataService {

    private static final Logger LOG = Logger.getLogger(DemoDataService.class.getName());

    @Inject
    PatientRepository patients;

    @Inject
    PersonRepository people;

    public int addMissing(List<PatientRegistration> forms) {
        List<PatientRegistration.Valid> valid = forms.stream().map(PatientRegistration::validate).toList();
        List<NhsNumber> numbers = valid.stream().map(v -> v.identity().nhsNumber()).toList();
        Set<NhsNumber> inHospital = patients.registeredAmong(numbers);
        Set<NhsNumber> inSocialCare = people.knownAmong(numbers);
        Instant now = Clock.systemUTC().instant();
        int added = 0;
        for (PatientRegistration.Valid v : valid) {
            NhsNumber number = v.identity().nhsNumber();
            if (!inHospital.contains(number)) {
                patients.add(new Patient(v.identity(), v.sex(), v.postcode(), v.gpPractice(), now));
                added++;
            }
            if (!inSocialCare.contains(number)) {
                people.add(new Person(v.identity(), now));
            }
        }
        int addedPatients = added;
        LOG.info(() -> "Demo data: " + addedPatients + " of " + forms.size() + " demo patients were missing and have been added");
        return added;
    }
}
