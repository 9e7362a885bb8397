package uk.nhs.icr.portal.research;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.research.service.ResearchOutputService;
import uk.nhs.icr.research.service.ResearchOutputService.NewCheck;
import uk.nhs.icr.research.service.ResearchOutputService.OutputView;

/** Release requests waiting for an output checker: the cells as computed beside the controlled ones, any differencing risk. */
@Named
@ViewScoped
public class OutputChecksView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ResearchOutputService outputs;

    private List<OutputView> waiting = List.of();
    private String note;

    @PostConstruct
    void open() {
        try {
            waiting = outputs.waitingForChecks();
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void approve(long output) {
        check(output, true);
    }

    public void reject(long output) {
        check(output, false);
    }

    private void check(long output, boolean approve) {
        try {
            OutputView checked = outputs.check(output, new NewCheck(approve, note));
            FieldMessages.info("Output " + output + (approve ? " approved" : " rejected") + ": it is now " + checked.status() + ".");
            note = null;
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        open();
    }

    public List<OutputView> getWaiting() { return waiting; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
