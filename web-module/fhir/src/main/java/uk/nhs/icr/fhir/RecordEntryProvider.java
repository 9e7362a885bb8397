package uk.nhs.icr.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.service.EntrySearch;
import uk.nhs.icr.sharedrecord.service.StructuredEntry;
import uk.nhs.icr.sharedrecord.service.StructuredPage;
import uk.nhs.icr.sharedrecord.service.StructuredRecordService;

/**
 * Read and search of one FHIR resource type made of record entries ({@link EntryResource}). A search names its patient
 * and may narrow by {@code date}, {@code category}, {@code code} (SNOMED CT, or {@code code:text} for the name) and
 * {@code _lastUpdated}; it pages by
 * offset. What the patient withholds from this reader is absent, and the Bundle then ends with an OperationOutcome entry
 * (search mode {@code outcome}) saying that something is withheld, never what.
 */
final class RecordEntryProvider<T extends DomainResource> implements IResourceProvider {

    private final EntryResource kind;
    private final StructuredRecordService record;
    private final RecordEntryResources resources;

    RecordEntryProvider(EntryResource kind, StructuredRecordService record, RecordEntryResources resources) {
        this.kind = kind;
        this.record = record;
        this.resources = resources;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return kind.type();
    }

    @Read
    public IBaseResource read(@IdParam IdType id) {
        RecordEntryResources.EntryAddress address = RecordEntryResources.parseId(id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        StructuredEntry entry = record.entry(address.source(), address.id());
        if (!kind.entryTypes().contains(entry.entry().type())) {
            throw new ResourceNotFoundException(id);
        }
        return resources.toResource(entry);
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = "patient", targetTypes = Patient.class) ReferenceParam patient,
                                  @OptionalParam(name = "date") DateRangeParam date,
                                  @OptionalParam(name = "category") TokenOrListParam category,
                                  @OptionalParam(name = "code") TokenOrListParam code,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Offset Integer offset,
                                  @Count Integer count) {
        Paging paging = Paging.of(offset, count);
        Set<EntryType> types = types(category);
        if (types.isEmpty()) {
            return new OffsetPage(List.of(), paging.offset(), paging.count(), 0);
        }
        SearchWindow when = SearchWindow.of(date, "date");
        EntrySearch search = new EntrySearch(types, when.from(), when.to(), recordedSince(lastUpdated), codes(code, false),
                codes(code, true), paging.offset(), paging.count());
        StructuredPage page = record.search(Patients.nhsNumber(patient), search);
        return page(page, resources, paging);
    }

    static OffsetPage page(StructuredPage page, RecordEntryResources resources, Paging paging) {
        return new OffsetPage(resources(page, resources), paging.offset(), paging.count(), page.total(), EntrySearch.WINDOW);
    }

    /** The page's resources, and the withheld notice after them when something is withheld. */
    static List<IBaseResource> resources(StructuredPage page, RecordEntryResources resources) {
        List<IBaseResource> found = new ArrayList<>(page.items().stream().map(resources::toResource).toList());
        if (page.withheld()) {
            found.add(withheldNotice());
        }
        return found;
    }

    /** The kinds of entry asked for: this resource's, narrowed by the categories if any (a category of none: no match). */
    private Set<EntryType> types(TokenOrListParam category) {
        if (category == null || category.getValuesAsQueryTokens().isEmpty()) {
            return kind.entryTypes();
        }
        Set<EntryType> wanted = EnumSet.noneOf(EntryType.class);
        for (TokenParam token : category.getValuesAsQueryTokens()) {
            wanted.addAll(EntryCategories.typesIn(token.getSystem(), token.getValue()));
        }
        wanted.retainAll(kind.entryTypes());
        return wanted;
    }

    /**
     * {@code code}: SNOMED CT codes (a code of another system can match nothing ICR holds, and stays in so that nothing
     * matches); {@code code:text}: the entry's name (its title, any case).
     */
    private static Set<String> codes(TokenOrListParam code, boolean text) {
        Set<String> values = new HashSet<>();
        if (code != null) {
            for (TokenParam token : code.getValuesAsQueryTokens()) {
                boolean byText = token.getModifier() == TokenParamModifier.TEXT;
                if (token.getModifier() != null && !byText) {
                    throw new InvalidRequestException("code: the modifier :" + token.getModifier().getValue() + " is not supported");
                }
                if (byText != text) {
                    continue;
                }
                boolean snomed = token.getSystem() == null || token.getSystem().isEmpty() || Systems.SNOMED.equals(token.getSystem());
                values.add(text || snomed ? token.getValue() : token.getSystem() + "|" + token.getValue());
            }
        }
        return values;
    }

    /** {@code _lastUpdated=ge...} (or gt): entries recorded since then. An upper bound is refused, not ignored. */
    static Optional<java.time.Instant> recordedSince(DateRangeParam lastUpdated) {
        SearchWindow window = SearchWindow.of(lastUpdated, "_lastUpdated");
        if (window.to().isPresent()) {
            throw new InvalidRequestException("_lastUpdated: only a lower bound (ge or gt) is supported");
        }
        return window.from();
    }

    static OperationOutcome withheldNotice() {
        OperationOutcome notice = new OperationOutcome();
        notice.setId("withheld");
        notice.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.SUPPRESSED)
                .setDiagnostics("Some of this patient's record is withheld from you at the patient's request.");
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(notice, BundleEntrySearchModeEnum.OUTCOME);
        return notice;
    }
}
