package uk.nhs.icr.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.Paged;

/**
 * Paging by {@code Link} headers (RFC 8288), as NHS England's API platform pages: every page of a list also answers
 * where the first, previous, next and last pages are ({@code rel} first, prev, next, last), the request's own address
 * with {@code page} and {@code size} set, so that a client follows them without building addresses itself. The body
 * keeps {@code page}, {@code size}, {@code totalItems} and {@code totalPages}.
 */
@Provider
public class PagingLinks implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.OK.getStatusCode() && response.getEntity() instanceof Paged paged) {
            UriBuilder here = request.getUriInfo().getRequestUriBuilder();
            links(here, paged).forEach(link -> response.getHeaders().add("Link", link.toString()));
        }
    }

    static List<Link> links(UriBuilder here, Paged paged) {
        long last = Math.max(paged.totalPages() - 1, 0);
        List<Link> links = new ArrayList<>();
        links.add(link(here, 0, paged.size(), "first"));
        if (paged.page() > 0) {
            links.add(link(here, Math.min(paged.page() - 1, last), paged.size(), "prev"));
        }
        if (paged.page() < last) {
            links.add(link(here, paged.page() + 1, paged.size(), "next"));
        }
        links.add(link(here, last, paged.size(), "last"));
        return links;
    }

    private static Link link(UriBuilder here, long page, int size, String rel) {
        URI uri = here.clone().replaceQueryParam("page", page).replaceQueryParam("size", size).build();
        return Link.fromUri(uri).rel(rel).build();
    }
}
