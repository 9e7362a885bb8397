package uk.nhs.icr.portal.research;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.research.service.ResearchProjectService;
import uk.nhs.icr.research.service.ResearchProjectService.RegisterEntry;

/** The public register of research projects: what each is for, who sponsors it, on what basis, its approval. */
@Named
@RequestScoped
public class RegisterView {

    @Inject
    ResearchProjectService projects;

    private List<RegisterEntry> entries;

    public List<RegisterEntry> getEntries() {
        if (entries == null) {
            entries = projects.register();
        }
        return entries;
    }
}
