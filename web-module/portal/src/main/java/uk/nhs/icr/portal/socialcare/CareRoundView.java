package uk.nhs.icr.portal.socialcare;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.socialcare.service.HomeCareService;
import uk.nhs.icr.socialcare.service.HomeCareService.VisitView;

/** The care worker's round today, in travel order: each visit opens the visit page. */
@Named
@ViewScoped
public class CareRoundView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HomeCareService homeCare;

    @Inject
    UkClock clock;

    private LocalDate day;
    private List<VisitView> visits = List.of();
    private List<HomeCareService.ResidentView> residents = List.of();

    public void load() {
        day = clock.today();
        try {
            visits = homeCare.myRound(day);
            residents = homeCare.myResidents();
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public LocalDate getDay() { return day; }
    public List<VisitView> getVisits() { return visits; }
    public List<HomeCareService.ResidentView> getResidents() { return residents; }
}
