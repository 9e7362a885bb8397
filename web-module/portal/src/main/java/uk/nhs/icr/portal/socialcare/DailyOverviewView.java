package uk.nhs.icr.portal.socialcare;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.socialcare.service.DailyOverviewService;
import uk.nhs.icr.socialcare.service.DailyOverviewService.ResidentDay;

/** A day at the care home, resident by resident: drinks against the target, doses recorded and overdue, the latest note. */
@Named
@ViewScoped
public class DailyOverviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DailyOverviewService overview;

    @Inject
    SignedInUser user;

    @Inject
    UkClock clock;

    private LocalDate day;
    private int page;
    private Page<ResidentDay> residents = new Page<>(List.of(), 0, PAGE_SIZE, 0);

    static final int PAGE_SIZE = 50;

    public void load() {
        if (day == null) {
            day = clock.today();
        }
        try {
            residents = overview.overview(user.getProfile().organisation(), day, new PageRequest(page, PAGE_SIZE));
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void next() {
        if (page + 1 < residents.totalPages()) {
            page++;
        }
        load();
    }

    public void previous() {
        page = Math.max(0, page - 1);
        load();
    }

    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public List<ResidentDay> getResidents() { return residents.items(); }
    public Page<ResidentDay> getPage() { return residents; }
}
