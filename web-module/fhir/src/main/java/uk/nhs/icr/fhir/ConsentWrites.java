package uk.nhs.icr.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.consent.service.ConsentService.NewConsentDirective;
import uk.nhs.icr.consent.service.ConsentService.NewProvision;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutChoice;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * A Consent resource sent to ICR as the command the JSON API would take: the sharing directive's status and nested
 * provisions (data categories as {@code securityLabel}, organisations by ODS code and ICR roles as {@code actor}, a period
 * of UK days), and the opt-out's single deny or permit. What cannot be read is refused naming the element (422).
 */
final class ConsentWrites {

    private ConsentWrites() {
    }

    static NewConsentDirective directive(Consent resource) {
        FieldErrors errors = new FieldErrors();
        ConsentDirective.Status status = switch (resource.getStatus() == null ? "" : resource.getStatus().toCode()) {
            case "active" -> ConsentDirective.Status.ACTIVE;
            case "inactive" -> ConsentDirective.Status.INACTIVE;
            case "entered-in-error" -> ConsentDirective.Status.ENTERED_IN_ERROR;
            default -> {
                errors.add("Consent.status", "active, inactive or entered-in-error");
                yield null;
            }
        };
        Consent.ProvisionComponent root = resource.getProvision();
        // the directive's rules are the nested provisions under a base permit; a rule written at the top would be lost
        if (root.hasType() && root.getType() != Consent.ConsentProvisionType.PERMIT || root.hasSecurityLabel() || root.hasActor()
                || root.hasPeriod() || root.hasClass_() || root.hasCode() || root.hasData() || root.hasDataPeriod() || root.hasAction()) {
            errors.add("Consent.provision", "the base provision is a permit with nothing else: put each rule (deny or permit, with its"
                    + " categories, organisations, roles and period) in Consent.provision.provision");
        }
        List<NewProvision> provisions = new ArrayList<>();
        List<Consent.ProvisionComponent> nested = root.getProvision();
        for (int i = 0; i < nested.size(); i++) {
            provisions.add(provision(nested.get(i), "Consent.provision.provision[" + i + "]", errors));
        }
        errors.throwIfAny();
        Extension atRequest = resource.getExtensionByUrl(Systems.AT_PATIENTS_REQUEST);
        Boolean atPatientsRequest = atRequest != null && atRequest.getValue() instanceof BooleanType flag ? flag.getValue() : null;
        return new NewConsentDirective(status, ConsentDirective.Scope.TREATMENT,
                resource.hasDateTime() ? resource.getDateTime().toInstant() : null, null, null, atPatientsRequest, provisions);
    }

    private static NewProvision provision(Consent.ProvisionComponent provision, String path, FieldErrors errors) {
        if (provision.hasClass_() || provision.hasCode() || provision.hasData() || provision.hasDataPeriod() || provision.hasAction()
                || provision.hasPurpose() || provision.hasProvision()) {
            errors.add(path, "ICR's rules name data categories (securityLabel), organisations and roles (actor) and a period:"
                    + " class, code, data, dataPeriod, action, purpose and deeper provisions are not kept, so they are refused");
        }
        Provision.Type type = provision.getType() == Consent.ConsentProvisionType.DENY ? Provision.Type.DENY
                : provision.getType() == Consent.ConsentProvisionType.PERMIT ? Provision.Type.PERMIT : null;
        if (type == null) {
            errors.add(path + ".type", "deny or permit");
        }
        List<DataCategory> categories = new ArrayList<>();
        for (Coding label : provision.getSecurityLabel()) {
            categories.add(errors.parse(path + ".securityLabel", label.getCode(), code -> {
                if (!Systems.DATA_CATEGORY.equals(label.getSystem())) {
                    throw new uk.nhs.icr.platform.InvalidValueException("a data category of " + Systems.DATA_CATEGORY);
                }
                return named(DataCategory.class, code);
            }));
        }
        List<OdsCode> organisations = new ArrayList<>();
        List<StaffRole> roles = new ArrayList<>();
        for (Consent.provisionActorComponent actor : provision.getActor()) {
            Coding role = actor.getRole().getCoding().stream().filter(coding -> Systems.STAFF_ROLE.equals(coding.getSystem())).findFirst()
                    .orElse(null);
            if (role != null) {
                roles.add(errors.parse(path + ".actor.role", role.getCode(), code -> named(StaffRole.class, code)));
            } else if (actor.getReference().hasIdentifier() && Systems.ODS_CODE.equals(actor.getReference().getIdentifier().getSystem())) {
                organisations.add(errors.parse(path + ".actor.reference", actor.getReference().getIdentifier().getValue(), OdsCode::parse));
            } else {
                errors.add(path + ".actor", "an organisation by ODS code (" + Systems.ODS_CODE + ") or an ICR role (" + Systems.STAFF_ROLE + ")");
            }
        }
        LocalDate start = provision.getPeriod().hasStart() ? day(provision.getPeriod().getStart()) : null;
        LocalDate end = provision.getPeriod().hasEnd() ? day(provision.getPeriod().getEnd()) : null;
        return new NewProvision(type, categories, organisations, roles, start, end);
    }

    /** The opt-out: a provision of type deny means opted out, permit means not. */
    static OptOutChoice optOut(Consent resource) {
        Consent.ConsentProvisionType type = resource.getProvision().getType();
        FieldErrors errors = new FieldErrors();
        if (type != Consent.ConsentProvisionType.DENY && type != Consent.ConsentProvisionType.PERMIT) {
            errors.add("Consent.provision.type", "deny (opted out) or permit (not opted out)");
        }
        if (resource.getProvision().hasProvision() || resource.getProvision().hasSecurityLabel() || resource.getProvision().hasActor()) {
            errors.add("Consent.provision", "the opt-out is one choice for all research and planning: no nested provisions, labels or actors");
        }
        errors.throwIfAny();
        return new OptOutChoice(type == Consent.ConsentProvisionType.DENY, null, null, null, null);
    }

    /** The constant with this exact name, or a refusal listing the names there are. */
    private static <E extends Enum<E>> E named(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        throw new uk.nhs.icr.platform.InvalidValueException("one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static LocalDate day(java.util.Date date) {
        return date.toInstant().atZone(UkClock.ZONE).toLocalDate();
    }
}
