package uk.nhs.icr.portal.consent;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.consent.service.ConsentService;
import uk.nhs.icr.consent.service.ConsentService.ConsentView;
import uk.nhs.icr.consent.service.ConsentService.NewConsentDirective;
import uk.nhs.icr.consent.service.ConsentService.PatientConfirmation;
import uk.nhs.icr.consent.service.DataOptOutService;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutChoice;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.PreconditionFailedException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.platform.web.DirectiveWords;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * A patient's sharing consent and National Data Opt-out, read and recorded by staff on the patient's behalf
 * ({@code ?nhsNumber=}). Provisions are edited as rows; a refused row field is shown beside it.
 */
@Named
@ViewScoped
public class PreferencesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> OPT_OUT_FIELDS = Set.of("optedOut", "setBy", "proxyName", "authority", "channel");

    /** One provision row as edited: type, categories, roles, organisations (ODS codes, chosen by name), period. */
    public static class ProvisionRow implements Serializable {

        private static final long serialVersionUID = 1L;

        /** No rule until the user chooses one: a new row that denied everything to everyone would hide the whole record. */
        private String type;
        private List<String> categories = new ArrayList<>();
        private List<String> roles = new ArrayList<>();
        private List<String> organisations = new ArrayList<>();
        /** As the browser's date fields send them (YYYY-MM-DD), read with the rest of the form so every error shows at once. */
        private String start;
        private String end;

        /** A row filled from a provision of the version in force, so that a new version starts from it. */
        static ProvisionRow of(Provision provision) {
            ProvisionRow row = new ProvisionRow();
            row.type = Codes.of(provision.type());
            row.categories = provision.categories().stream().sorted().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
            row.roles = provision.roles().stream().sorted().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
            row.organisations = new ArrayList<>(new TreeSet<>(provision.organisations()));
            row.start = provision.start() == null ? null : provision.start().toString();
            row.end = provision.end() == null ? null : provision.end().toString();
            return row;
        }

        /** The row in words (organisations by their {@code names}), or why it cannot be read yet. */
        String words(Map<String, String> names) {
            if (type == null || type.isBlank()) {
                return "Choose whether this provision withholds (deny) or lets someone see (permit).";
            }
            try {
                return DirectiveWords.provision(Provision.Type.valueOf(type.toUpperCase(Locale.ROOT)),
                        categories.stream().map(DataCategory::valueOf).toList(), roles.stream().map(StaffRole::valueOf).toList(),
                        named(organisations, names), day(start), day(end));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return "This provision cannot be read: check its fields.";
            }
        }

        Map<String, Object> typed() {
            Map<String, Object> row = new HashMap<>();
            row.put("type", type);
            row.put("categories", categories);
            row.put("organisations", organisations);
            row.put("roles", roles);
            row.put("start", start);
            row.put("end", end);
            return row;
        }

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public List<String> getCategories() { return categories; }
        public void setCategories(List<String> categories) { this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories); }
        public List<String> getRoles() { return roles; }
        public void setRoles(List<String> roles) { this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles); }
        public List<String> getOrganisations() { return organisations; }
        public void setOrganisations(List<String> organisations) {
            this.organisations = organisations == null ? new ArrayList<>() : new ArrayList<>(organisations);
        }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getEnd() { return end; }
        public void setEnd(String end) { this.end = end; }

        private static LocalDate day(String typed) {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        }
    }

    @Inject
    ConsentService consent;

    @Inject
    SignedInUser signedInUser;

    @Inject
    DataOptOutService optOut;

    @Inject
    CommandBinder binder;

    private NhsNumber nhsNumber;
    private ConsentView current;
    private List<ConsentView> history = List.of();
    private OptOutView optOutChoice;
    private List<OptOutView> optOutHistory = List.of();
    private boolean opened;

    private String status = "active";
    private String reason;
    private final List<ProvisionRow> provisions = new ArrayList<>();

    private String optedOut;
    private String setBy = "proxy";
    private String proxyName;
    private String authority;
    private String channel = "in-person";
    private boolean consentShown;
    private boolean consentChangeable;
    private int newestVersion;
    private ConsentView awaiting;
    private boolean atPatientsRequest;
    private List<NamedOrganisation> organisationOptions;
    private boolean confirmedInPerson;

    /** Opens what this reader may see: both preferences, or (the contact centre) the opt-out only. */
    public void load() {
        opened = false;
        consentShown = false;
        consentChangeable = false;
        try {
            history = consent.history(nhsNumber, ConsentDirective.Scope.TREATMENT);
            // what applies is shown; a change names the newest version, which may be one entered in error
            current = history.stream().filter(ConsentView::inForce).findFirst().orElse(null);
            // a new version starts from the one in force (when this reader may read it), not from nothing
            provisions.clear();
            if (current != null && current.withheld() == null && "active".equals(current.status())) {
                current.provisions().forEach(provision -> provisions.add(ProvisionRow.of(provision)));
            }
            newestVersion = history.isEmpty() ? 0 : history.get(0).version();
            awaiting = history.stream().findFirst().filter(ConsentView::awaitingConfirmation).orElse(null);
            consentShown = true;
            consentChangeable = consent.changeableByCaller(nhsNumber);
            if (!consentChangeable) {
                FieldMessages.info(ConsentService.RESTRICTED_STAFF);
            }
        } catch (AccessDeniedException e) {
            // the contact centre, or staff the patient's wishes restrict: the opt-out is still theirs to record
            FieldMessages.info(e.getMessage());
        } catch (InvalidInputException | ResourceNotFoundException e) {
            FieldMessages.error(null, e instanceof InvalidInputException invalid ? invalid.errors().get(0).message() : e.getMessage());
            return;
        }
        if (signedInUser.isPrivacyOfficer()) {
            // they review and correct the directive; the opt-out is not theirs to read
            opened = consentShown;
            return;
        }
        try {
            optOutChoice = optOut.current(nhsNumber);
            optOutHistory = optOut.history(nhsNumber);
            opened = true;
        } catch (AccessDeniedException | InvalidInputException | ResourceNotFoundException e) {
            FieldMessages.error(null, e instanceof InvalidInputException invalid ? invalid.errors().get(0).message() : e.getMessage());
        }
    }

    public void addProvision() {
        provisions.add(new ProvisionRow());
    }

    public void removeProvision(ProvisionRow row) {
        provisions.remove(row);
    }

    public void saveConsent() {
        try {
            Map<String, Object> typed = new HashMap<>();
            typed.put("scope", "treatment");
            typed.put("recordedBy", "staff");
            typed.put("status", status);
            typed.put("reason", reason);
            typed.put("atPatientsRequest", atPatientsRequest);
            typed.put("provisions", provisions.stream().map(ProvisionRow::typed).toList());
            // the version this page showed: a change someone else made meanwhile is not overwritten unseen
            Precondition shown = newestVersion == 0 ? Precondition.noneYet() : Precondition.isVersion(newestVersion);
            ConsentView recorded = consent.record(nhsNumber, binder.bind(NewConsentDirective.class, typed), shown);
            FieldMessages.info("Consent recorded as version " + recorded.version() + (recorded.awaitingConfirmation()
                    ? ": it lets staff see more, so it applies once the patient confirms it" : ""));
            reason = null;
            atPatientsRequest = false;
            provisions.clear();
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            showConsentErrors(FieldMessages.refusedFields(e));
        } catch (PreconditionFailedException e) {
            changedMeanwhile();
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** A privacy officer marks the newest standing version entered in error, saying why; the version before applies again. */
    public void markEnteredInError() {
        try {
            Map<String, Object> typed = new HashMap<>();
            typed.put("status", "entered-in-error");
            typed.put("reason", reason);
            Precondition shown = newestVersion == 0 ? Precondition.noneYet() : Precondition.isVersion(newestVersion);
            ConsentView recorded = consent.record(nhsNumber, binder.bind(NewConsentDirective.class, typed), shown);
            FieldMessages.info("Version " + recorded.version() + " records the correction: the version before applies again");
            reason = null;
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(
                    "reason".equals(error.field()) ? "correctionForm:reason" : null, error.message()));
        } catch (PreconditionFailedException e) {
            changedMeanwhile();
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** A clinician records that the patient confirmed, in person, the change awaiting their confirmation. */
    public void confirmChange() {
        if (awaiting == null) {
            return;
        }
        try {
            Map<String, Object> typed = Map.of("version", awaiting.version(), "confirmedInPerson", confirmedInPerson);
            ConsentView confirmed = consent.confirm(nhsNumber, ConsentDirective.Scope.TREATMENT,
                    binder.bind(PatientConfirmation.class, typed));
            FieldMessages.info("The patient's confirmation is recorded: version " + confirmed.version() + " now applies");
            confirmedInPerson = false;
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error("confirmationForm:" + error.field(), error.message()));
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
            load();
        }
    }

    /** Someone recorded a new version after this page was shown: show it, and ask for the change again. */
    private void changedMeanwhile() {
        FieldMessages.error(null, "Changed meanwhile: someone recorded a new version after this page was shown. It is shown now;"
                + " check it and record your change again.");
        load();
    }

    /** Top-level fields go beside their input; a provision's fields beside that row's input. */
    private static void showConsentErrors(List<FieldError> errors) {
        for (FieldError error : errors) {
            String field = error.field();
            String clientId = null;
            if (Set.of("status", "reason", "atPatientsRequest").contains(field)) {
                clientId = "consentForm:" + field;
            } else if (field.startsWith("provisions[")) {
                int index = Integer.parseInt(field.substring("provisions[".length(), field.indexOf(']')));
                String rest = field.substring(field.indexOf(']') + 1);
                String input = rest.startsWith(".") ? rest.substring(1).replaceAll("\\[.*", "") : "type";
                clientId = "consentForm:provisions:" + index + ":" + input;
            }
            FieldMessages.error(clientId, error.message());
        }
    }

    public void saveOptOut() {
        try {
            Map<String, String> typed = new HashMap<>();
            typed.put("optedOut", optedOut);
            typed.put("setBy", setBy);
            typed.put("proxyName", proxyName);
            typed.put("authority", authority);
            typed.put("channel", channel);
            Precondition shown = optOutChoice.version() == 0 ? Precondition.noneYet() : Precondition.isVersion(optOutChoice.version());
            optOut.set(nhsNumber, binder.bind(OptOutChoice.class, typed), shown);
            FieldMessages.info("National Data Opt-out choice recorded");
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("optOutForm", OPT_OUT_FIELDS, e);
        } catch (PreconditionFailedException e) {
            changedMeanwhile();
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** What the version in force does, a sentence each. */
    public List<String> getCurrentInWords() {
        return current == null || current.withheld() != null ? List.of()
                : DirectiveWords.directive(current.status(), current.provisions().stream().map(provision -> DirectiveWords.provision(
                        provision.type(), provision.categories(), provision.roles(), named(provision.organisations(), organisationNames()),
                        provision.start(), provision.end())).toList());
    }

    /** What the version on the form would do, a sentence each: read before saving. */
    public List<String> getPreview() {
        Map<String, String> names = organisationNames();
        return DirectiveWords.directive(status, provisions.stream().map(row -> row.words(names)).toList());
    }

    /**
     * The organisations a provision may name, by name (read once per view), and any a provision on the form names that
     * ICR does not list, by code: an option missing from the menu would be dropped from the provision on saving.
     */
    public List<NamedOrganisation> getOrganisationOptions() {
        if (organisationOptions == null) {
            organisationOptions = consent.organisationsAProvisionMayName();
        }
        Set<String> listed = organisationOptions.stream().map(NamedOrganisation::odsCode).collect(Collectors.toSet());
        List<NamedOrganisation> unlisted = provisions.stream().flatMap(row -> row.getOrganisations().stream()).distinct()
                .filter(code -> !listed.contains(code)).map(code -> new NamedOrganisation(code, code)).toList();
        return unlisted.isEmpty() ? organisationOptions
                : Stream.concat(organisationOptions.stream(), unlisted.stream()).toList();
    }

    private Map<String, String> organisationNames() {
        return getOrganisationOptions().stream().collect(Collectors.toMap(NamedOrganisation::odsCode, NamedOrganisation::name));
    }

    /** Organisations as a reader knows them: by name, or by code when ICR does not know the code. */
    private static List<String> named(Collection<String> codes, Map<String, String> names) {
        return codes.stream().map(code -> names.getOrDefault(code, code)).toList();
    }

    public List<DataCategory> getCategoryOptions() {
        return List.of(DataCategory.values());
    }

    public List<StaffRole> getRoleOptions() {
        return List.of(StaffRole.values());
    }

    public boolean isOpened() { return opened; }
    public ConsentView getCurrent() { return current; }
    public ConsentView getAwaiting() { return awaiting; }
    public boolean isAtPatientsRequest() { return atPatientsRequest; }
    public void setAtPatientsRequest(boolean value) { atPatientsRequest = value; }
    public boolean isConfirmedInPerson() { return confirmedInPerson; }
    public void setConfirmedInPerson(boolean value) { confirmedInPerson = value; }
    public List<ConsentView> getHistory() { return history; }
    public OptOutView getOptOutChoice() { return optOutChoice; }
    public List<OptOutView> getOptOutHistory() { return optOutHistory; }
    public List<ProvisionRow> getProvisions() { return provisions; }
    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getOptedOut() { return optedOut; }
    public void setOptedOut(String optedOut) { this.optedOut = optedOut; }
    public String getSetBy() { return setBy; }
    public void setSetBy(String setBy) { this.setBy = setBy; }
    public String getProxyName() { return proxyName; }
    public String getAuthority() { return authority; }
    public void setAuthority(String authority) { this.authority = authority; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public boolean isConsentShown() { return consentShown; }
    public boolean isConsentChangeable() { return consentChangeable; }
    public void setProxyName(String proxyName) { this.proxyName = proxyName; }
}
