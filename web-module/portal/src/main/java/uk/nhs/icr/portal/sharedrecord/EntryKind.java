package uk.nhs.icr.portal.sharedrecord;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.Resource;

/**
 * The kinds of entry staff record from the portal: the address slug ({@code ?kind=}), the form's id on the
 * page, the fields it sends (named as the services name them, so refusals land beside the right input) and
 * the access resource that says who may record it.
 */
public enum EntryKind {
    BLOOD_TEST("blood-test", "Blood-test result", Resource.BLOOD_TEST,
            "test", "value", "unit", "referenceLow", "referenceHigh", "reportedAt", "requestedBy"),
    PROBLEM("problem", "Problem or diagnosis", Resource.PROBLEM, "snomedCode", "display", "onset", "status", "notes", "category"),
    MEDICATION("medication", "Medication", Resource.MEDICATION, "name", "dose", "route", "frequency", "course", "startedAt", "category"),
    ALLERGY("allergy", "Allergy", Resource.ALLERGY, "substance", "reaction", "severity", "notedAt"),
    TREATMENT_PLAN("treatment-plan", "Treatment plan", Resource.TREATMENT_PLAN,
            "title", "goals", "activities", "responsibleClinician", "reviewDate"),
    NEEDS_ASSESSMENT("needs-assessment", "Needs assessment", Resource.NEEDS_ASSESSMENT, "needs", "eligibility", "assessedAt"),
    CARE_PLAN("care-plan", "Care and support plan", Resource.CARE_PLAN, "needs", "outcomes", "services", "reviewDate"),
    CARE_VISIT("care-visit", "Care visit", Resource.CARE_VISIT,
            "plannedStart", "plannedEnd", "actualStart", "actualEnd", "tasksDone", "notes"),
    SAFEGUARDING_CONCERN("safeguarding-concern", "Safeguarding concern", Resource.SAFEGUARDING_CONCERN,
            "category", "description", "raisedAt"),
    TRANSFER_OF_CARE("transfer-of-care", "Discharge to social care", Resource.TRANSFER_OF_CARE,
            "admissionId", "dischargedAt", "dischargeSummary", "careNeeds", "careProviderOdsCode");

    private final String slug;
    private final String label;
    private final Resource resource;
    private final Set<String> fields;

    EntryKind(String slug, String label, Resource resource, String... fields) {
        this.slug = slug;
        this.label = label;
        this.resource = resource;
        this.fields = Set.of(fields);
    }

    public static Optional<EntryKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }

    /** What this role may add from the patient's page (transfer of care starts from an admission instead). */
    public static List<EntryKind> addableFromTheRecordBy(StaffRole role) {
        return Arrays.stream(values()).filter(kind -> kind != TRANSFER_OF_CARE && kind.resource.writableBy(role)).toList();
    }

    public boolean recordableBy(StaffRole role) {
        return resource.writableBy(role);
    }

    /** The id of this kind's form on the page: the slug in camel case ({@code bloodTest}). */
    public String formId() {
        StringBuilder id = new StringBuilder();
        for (String part : slug.split("-")) {
            id.append(id.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return id.toString();
    }

    public String getSlug() {
        return slug;
    }

    public String getLabel() {
        return label;
    }

    public Set<String> fields() {
        return fields;
    }
}
