package uk.nhs.icr.access.service;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, set once by the edge that authenticated it (the portal's sign-in
 * filter or the API's bearer-token filter). Services read it; nobody else writes it. Unset means
 * anonymous, and every patient-data access then fails closed.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller authenticated) {
        this.caller = authenticated;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    public Caller require() {
        if (caller == null) {
            throw new NotSignedInException();
        }
        return caller;
    }
}
