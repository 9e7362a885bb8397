package uk.nhs.icr.portal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The error summary at the top of a page that refused a form (NHS service manual pattern): every field's error at
 * once, each a link to its field, so nobody fixes one field only to meet the next error on the next try.
 */
@Named
@RequestScoped
public class ErrorSummary {

    /** One refused field: where it is on the page and what is wrong with it. */
    public record Item(String clientId, String message) {
    }

    public List<Item> getItems() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<Item> items = new ArrayList<>();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext();) {
            String clientId = ids.next();
            if (clientId == null) {
                continue;
            }
            for (Iterator<FacesMessage> messages = faces.getMessages(clientId); messages.hasNext();) {
                FacesMessage message = messages.next();
                if (message.getSeverity() == FacesMessage.SEVERITY_ERROR) {
                    items.add(new Item(clientId, message.getSummary()));
                }
            }
        }
        return items;
    }
}
