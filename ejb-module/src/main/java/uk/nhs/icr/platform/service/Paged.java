package uk.nhs.icr.platform.service;

/** One page of a longer list: which page (from 0), how long a page is, and how many pages there are in all. */
public interface Paged {

    int page();

    int size();

    long totalPages();
}
