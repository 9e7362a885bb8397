package uk.nhs.icr.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.patient.service.PatientSearchQuery;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.service.EntrySearch;
import uk.nhs.icr.sharedrecord.service.StructuredPage;
import uk.nhs.icr.sharedrecord.service.StructuredRecordService;

/**
 * Patients: read by NHS number, search of the register ({@code identifier}, {@code family}, {@code given},
 * {@code birthdate}: the same search and the same limits as the JSON API's), and {@code Patient/{id}/$everything}.
 */
final class PatientProvider implements IResourceProvider {

    private final PatientSearchService patients;
    private final StructuredRecordService record;
    private final RecordEntryResources resources;

    PatientProvider(PatientSearchService patients, StructuredRecordService record, RecordEntryResources resources) {
        this.patients = patients;
        this.record = record;
        this.resources = resources;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return resource(patients.find(registered(id)));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                  @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
                                  @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
                                  @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthDate,
                                  @Offset Integer offset,
                                  @Count Integer count) {
        Paging paging = Paging.of(offset, count);
        Optional<LocalDate> born = birthDay(birthDate);
        if (identifier != null) {
            return byNhsNumber(identifier, family, given, born, paging);
        }
        if (paging.offset() % paging.count() != 0) {
            throw new InvalidRequestException("_offset: page the register in steps of _count");
        }
        List<String> nameParts = new ArrayList<>();
        if (family != null) {
            nameParts.addAll(words(family.getValue()));
        }
        if (given != null) {
            nameParts.addAll(words(given.getValue()));
        }
        Page<PatientDemographics> page = patients.search(new PatientSearchQuery(nameParts, born.orElse(null),
                new PageRequest(paging.offset() / paging.count(), paging.count())));
        Map<String, String> practices = patients.organisationNames(page.items().stream().map(PatientDemographics::gpPracticeOdsCode)
                .collect(Collectors.toSet()));
        List<IBaseResource> found = page.items().stream()
                .map(patient -> (IBaseResource) Patients.toResource(patient, practices.get(patient.gpPracticeOdsCode()))).toList();
        return new OffsetPage(found, paging.offset(), paging.count(), page.totalItems());
    }

    /** {@code identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919}: that patient, if the other parameters match too. */
    private IBundleProvider byNhsNumber(TokenParam identifier, StringParam family, StringParam given, Optional<LocalDate> born,
                                        Paging paging) {
        if (identifier.getSystem() != null && !identifier.getSystem().isEmpty() && !Systems.NHS_NUMBER.equals(identifier.getSystem())) {
            throw new InvalidRequestException("identifier: patients are found by NHS number (" + Systems.NHS_NUMBER + ")");
        }
        NhsNumber number = Patients.nhsNumber(identifier.getValue(), "identifier");
        Patient match = null;
        try {
            PatientDemographics patient = patients.find(number);
            if (startsAny(family, patient.familyName()) && startsAny(given, patient.givenName())
                    && born.map(patient.birthDate()::equals).orElse(true)) {
                match = resource(patient);
            }
        } catch (PatientNotFoundException notRegistered) {
            // an empty Bundle: a search that matches nobody
        }
        List<IBaseResource> page = match != null && paging.offset() == 0 ? List.of(match) : List.of();
        return new OffsetPage(page, paging.offset(), paging.count(), match == null ? 0 : 1);
    }

    /**
     * The patient and their record in one Bundle, newest entries first, paged: the Patient first, then every entry this
     * reader may see, as the searches of each type would answer them. {@code _since}: entries recorded since then;
     * {@code _type}: only these resource types.
     */
    @Operation(name = "$everything", idempotent = true)
    public IBundleProvider everything(@IdParam IdType id,
                                      @OperationParam(name = "_since", max = 1) InstantType since,
                                      @OperationParam(name = "_type", max = 1) StringType types,
                                      @OperationParam(name = "_count", max = 1) IntegerType count,
                                      @OperationParam(name = "_offset", max = 1) IntegerType offset) {
        NhsNumber number = registered(id);
        Paging paging = Paging.of(offset == null ? null : offset.getValue(), count == null ? null : count.getValue());
        Set<String> wanted = types == null || types.isEmpty() ? Set.of()
                : Arrays.stream(types.getValue().split(",")).map(String::strip).filter(type -> !type.isEmpty()).collect(Collectors.toSet());
        boolean withPatient = wanted.isEmpty() || wanted.contains("Patient");
        Set<EntryType> entryTypes = EnumSet.noneOf(EntryType.class);
        for (EntryResource kind : EntryResource.values()) {
            if (wanted.isEmpty() || wanted.contains(kind.typeName())) {
                entryTypes.addAll(kind.entryTypes());
            }
        }
        wanted.stream().filter(type -> !"Patient".equals(type) && EntryResource.named(type).isEmpty()).findFirst().ifPresent(type -> {
            throw new InvalidRequestException("_type: " + type + " is not a resource type of a patient's record here");
        });
        List<IBaseResource> found = new ArrayList<>();
        int patientRows = withPatient ? 1 : 0;
        if (withPatient && paging.offset() == 0) {
            found.add(resource(patients.find(number)));
        }
        long entries = 0;
        if (!entryTypes.isEmpty()) {
            int first = Math.max(0, paging.offset() - patientRows);
            int room = paging.count() - found.size();
            StructuredPage page = record.search(number, new EntrySearch(entryTypes, Optional.empty(), Optional.empty(),
                    Optional.ofNullable(since).map(instant -> instant.getValue().toInstant()), Set.of(), Set.of(), first,
                    Math.max(room, 1)));
            entries = page.total();
            found.addAll(RecordEntryProvider.resources(room == 0 ? new StructuredPage(List.of(), page.total(), page.withheld()) : page,
                    resources));
        }
        return new OffsetPage(found, paging.offset(), paging.count(), patientRows + entries, patientRows + EntrySearch.WINDOW);
    }

    private Patient resource(PatientDemographics demographics) {
        String practice = patients.organisationNames(Set.of(demographics.gpPracticeOdsCode())).get(demographics.gpPracticeOdsCode());
        return Patients.toResource(demographics, practice);
    }

    /** The NHS number a Patient id is; an id that is not one names nobody here (404, as for an unknown number). */
    private static NhsNumber registered(IdType id) {
        try {
            return NhsNumber.parse(id.getIdPart());
        } catch (InvalidValueException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    private static boolean startsAny(StringParam name, String actual) {
        return name == null || actual != null
                && actual.toLowerCase(Locale.ROOT).startsWith(name.getValue().strip().toLowerCase(Locale.ROOT));
    }

    /** A birthdate search is a day ({@code birthdate=1970-01-31}, or {@code eq}): the register is searched by day. */
    private static Optional<LocalDate> birthDay(DateParam birthDate) {
        if (birthDate == null || birthDate.isEmpty()) {
            return Optional.empty();
        }
        if (birthDate.getPrefix() != null && birthDate.getPrefix() != ParamPrefixEnum.EQUAL
                || birthDate.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException("birthdate: give one day, as YYYY-MM-DD");
        }
        return Optional.of(LocalDate.parse(birthDate.getValueAsString().replaceFirst("^eq", "")));
    }
}
