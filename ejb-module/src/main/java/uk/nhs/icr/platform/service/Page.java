package uk.nhs.icr.platform.service;

import java.io.Serializable;
import java.util.List;

/** One page of results, numbered from 0, with the total across all pages. */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) implements Paged, Serializable {

    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, int page, int size, long totalItems) {
        this(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
