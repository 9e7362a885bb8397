package uk.nhs.icr.portal.access;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.ProxyAccessService;
import uk.nhs.icr.access.service.ProxyAccessService.NewProxyLink;
import uk.nhs.icr.access.service.ProxyAccessService.ProxyLinkView;
import uk.nhs.icr.access.service.ProxyAccessService.Revocation;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;

/**
 * Who may act for a patient in the app, as their practice records it ({@code ?nhsNumber=}): the links with whether each
 * stands today and why not; a new link (proxy, basis, evidence, services, dates); a GP's confirmation that a patient of 16
 * or over consents freely, a GP's decision at the child's 11th birthday that a parent's access continues; a revocation.
 */
@Named
@ViewScoped
public class ProxyAccessView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> FIELDS = Set.of("proxyNhsNumber", "proxyName", "basis", "evidence", "services", "startsOn", "endsOn");

    @Inject
    ProxyAccessService proxies;

    @Inject
    CommandBinder binder;

    private NhsNumber nhsNumber;
    private List<ProxyLinkView> links = List.of();
    private boolean opened;
    private final Map<Long, String> reasons = new HashMap<>();
    private String proxyNhsNumber;
    private String proxyName;
    private String basis;
    private String evidence;
    private List<String> services = new ArrayList<>();
    private String startsOn;
    private String endsOn;

    public void load() {
        opened = false;
        try {
            links = proxies.forPatient(nhsNumber);
            opened = true;
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void record() {
        try {
            Map<String, Object> typed = new HashMap<>();
            typed.put("proxyNhsNumber", proxyNhsNumber);
            typed.put("proxyName", proxyName);
            typed.put("basis", basis);
            typed.put("evidence", evidence);
            typed.put("services", services);
            typed.put("startsOn", startsOn);
            typed.put("endsOn", endsOn);
            ProxyLinkView recorded = proxies.record(nhsNumber, binder.bind(NewProxyLink.class, typed));
            FieldMessages.info(recorded.proxyName() + " recorded as able to act for the patient: " + recorded.standing());
            proxyNhsNumber = null;
            proxyName = null;
            evidence = null;
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("newLink", FIELDS, e);
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void confirmConsent(long linkId) {
        act(() -> proxies.confirmConsent(nhsNumber, linkId), "the patient's free consent is recorded");
    }

    public void continuePastEleven(long linkId) {
        act(() -> proxies.continuePastEleven(nhsNumber, linkId), "the parent's access continues past the child's 11th birthday");
    }

    public void revoke(long linkId) {
        act(() -> proxies.revoke(nhsNumber, linkId, new Revocation(reasons.get(linkId))), "the access has ended");
    }

    private void act(Supplier<ProxyLinkView> action, String done) {
        try {
            ProxyLinkView link = action.get();
            FieldMessages.info(link.proxyName() + ": " + done);
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, error.message()));
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The bases a practice records, as the form offers them: code and words. */
    public Map<String, String> getBases() {
        Map<String, String> bases = new LinkedHashMap<>();
        for (ProxyLink.Basis choice : ProxyLink.Basis.values()) {
            bases.put(choice.label(), Codes.of(choice));
        }
        return bases;
    }

    /** The services, as the form offers them. */
    public Map<String, String> getServiceChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (ProxyLink.Service service : ProxyLink.Service.values()) {
            choices.put(service.label(), Codes.of(service));
        }
        return choices;
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public List<ProxyLinkView> getLinks() { return links; }
    public boolean isOpened() { return opened; }
    public Map<Long, String> getReasons() { return reasons; }
    public String getProxyNhsNumber() { return proxyNhsNumber; }
    public void setProxyNhsNumber(String value) { this.proxyNhsNumber = value; }
    public String getProxyName() { return proxyName; }
    public void setProxyName(String value) { this.proxyName = value; }
    public String getBasis() { return basis; }
    public void setBasis(String value) { this.basis = value; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String value) { this.evidence = value; }
    public List<String> getServices() { return services; }
    public void setServices(List<String> value) { this.services = value == null ? new ArrayList<>() : new ArrayList<>(value); }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String value) { this.startsOn = value; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String value) { this.endsOn = value; }
}
