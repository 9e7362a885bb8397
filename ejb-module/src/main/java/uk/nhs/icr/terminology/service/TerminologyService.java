package uk.nhs.icr.terminology.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.terminology.ClinicalFinding;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.LabTest;
import uk.nhs.icr.terminology.Medicine;

/**
 * Coded terms for whoever is signed in: searches for the portal's pickers (at most {@link CodedTerms#MOST} each) and
 * exact look-ups. Reference data, not about any patient, so neither access-checked nor audited; reads without a
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TerminologyService {

    public record TestTerm(String name, String unit, BigDecimal referenceLow, BigDecimal referenceHigh) implements Serializable {
    }

    public record FindingTerm(String snomedCode, String term, DataCategory category) implements Serializable {
    }

    /** A medicine of the formulary with what prescribing checks read of it. */
    public record MedicineTerm(String name, String moiety, String form, String route, String doseUnit, String dmdCode,
                               String therapeuticGroup, java.util.Set<String> allergyClasses, BigDecimal maxDailyDose, boolean timeCritical,
                               boolean controlledDrug) implements Serializable {
    }

    @Inject
    CodedTerms codes;

    public List<TestTerm> tests(String typed) {
        return codes.labTests(typed).stream().map(TerminologyService::term).toList();
    }

    public Optional<TestTerm> test(String test) {
        return codes.labTest(test).map(TerminologyService::term);
    }

    public List<FindingTerm> findings(String typed) {
        return codes.findings(typed).stream().map(TerminologyService::term).toList();
    }

    public List<MedicineTerm> medicines(String typed) {
        return codes.medicines(typed).stream().map(TerminologyService::term).toList();
    }

    public Optional<MedicineTerm> medicine(String medicine) {
        return codes.medicine(medicine).map(TerminologyService::term);
    }

    private static TestTerm term(LabTest test) {
        return new TestTerm(test.name(), test.unit(), test.referenceLow(), test.referenceHigh());
    }

    private static FindingTerm term(ClinicalFinding finding) {
        return new FindingTerm(finding.snomedCode(), finding.term(), finding.category());
    }

    private static MedicineTerm term(Medicine medicine) {
        return new MedicineTerm(medicine.name(), medicine.moiety(), medicine.form(), medicine.route(), medicine.doseUnit(),
                medicine.dmdCode(), medicine.therapeuticGroup(), new java.util.TreeSet<>(medicine.allergyClasses()), medicine.maxDailyDose(),
                medicine.timeCritical(), medicine.controlledDrug());
    }
}
