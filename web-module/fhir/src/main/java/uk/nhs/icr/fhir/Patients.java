package uk.nhs.icr.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.platform.InvalidValueException;

/**
 * Patients as UK Core Patient resources, addressed by NHS number ({@code Patient/9434765919}, as the JSON API addresses
 * them), and the NHS number a {@code patient} search parameter names.
 */
final class Patients {

    /** ICR checks an NHS number's check digit but does not trace it against the national register (PDS): code 02. */
    private static final Coding NOT_TRACED = new Coding(Systems.NHS_NUMBER_VERIFICATION, "02", "Number present but not traced");

    private Patients() {
    }

    static Patient toResource(PatientDemographics demographics, String practiceName) {
        Patient patient = new Patient();
        patient.setId(demographics.nhsNumber());
        patient.getMeta().addProfile(Systems.UK_CORE_PATIENT).setVersionId(Integer.toString(demographics.version()))
                .setLastUpdated(RecordEntryResources.date(demographics.registeredAt()));
        Identifier nhsNumber = patient.addIdentifier().setSystem(Systems.NHS_NUMBER).setValue(demographics.nhsNumber());
        nhsNumber.addExtension(Systems.NHS_NUMBER_VERIFICATION_EXTENSION, new CodeableConcept().addCoding(NOT_TRACED.copy()));
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(demographics.familyName())
                .addGiven(demographics.givenName()));
        patient.setGender(Enumerations.AdministrativeGender.fromCode(demographics.sex()));
        patient.setBirthDate(RecordEntryResources.date(demographics.birthDate()));
        if (demographics.postcode() != null) {
            patient.addAddress().setPostalCode(demographics.postcode());
        }
        patient.addGeneralPractitioner(new Reference().setIdentifier(new Identifier().setSystem(Systems.ODS_CODE)
                .setValue(demographics.gpPracticeOdsCode())).setDisplay(practiceName));
        return patient;
    }

    /** The NHS number a {@code patient} (or {@code subject}) reference names: {@code Patient/9434765919} or the bare number. */
    static NhsNumber nhsNumber(ReferenceParam reference) {
        String type = reference.getResourceType();
        if (type != null && !type.isEmpty() && !"Patient".equals(type)) {
            throw new InvalidRequestException("patient: refer to a Patient");
        }
        return nhsNumber(reference.getIdPart(), "patient");
    }

    static NhsNumber nhsNumber(String text, String parameter) {
        try {
            return NhsNumber.parse(text);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(parameter + ": " + e.getMessage());
        }
    }
}
