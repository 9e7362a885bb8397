package uk.nhs.icr.portal.socialcare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.socialcare.service.HospitalPackService;
import uk.nhs.icr.socialcare.service.HospitalPackService.HospitalPack;
import uk.nhs.icr.socialcare.service.HospitalPackService.Sent;
import uk.nhs.icr.socialcare.service.HospitalPackService.Transfer;

/**
 * The hospital pack ({@code ?nhsNumber=}): what travels with the person, as the reader may see it; printable; and, for care
 * staff, sent to the admitting trust, which may then open it in ICR.
 */
@Named
@ViewScoped
public class HospitalPackView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HospitalPackService packs;

    @Inject
    CommandBinder binder;

    private NhsNumber nhsNumber;
    private HospitalPack pack;
    private final Map<String, String> transfer = new HashMap<>();

    public void load() {
        pack = null;
        try {
            pack = packs.pack(nhsNumber);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void send() {
        try {
            Sent sent = packs.send(nhsNumber, binder.bind(Transfer.class, transfer));
            FieldMessages.info("Sent: " + sent.trustName() + " may open this record until "
                    + uk.nhs.icr.portal.UkTimeConverter.format(sent.accessUntil()));
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("send", Set.of("admittingTrust"), e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void downloadPdf() throws IOException {
        byte[] pdf = packs.packPdf(nhsNumber);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseContentLength(pdf.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"hospital-pack.pdf\"");
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(pdf);
        }
        faces.responseComplete();
    }

    public List<HospitalPackService.MedicineNow> getMedicines() {
        return pack == null ? List.of() : pack.medicines();
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public HospitalPack getPack() { return pack; }
    public Map<String, String> getTransfer() { return transfer; }
}
