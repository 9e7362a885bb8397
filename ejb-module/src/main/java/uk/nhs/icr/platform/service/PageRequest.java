package uk.nhs.icr.platform.service;

/** Which page of a result the caller wants: page numbers start at 0, sizes run from 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) implements java.io.Serializable {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
    }

    public int firstResult() {
        return page * size;
    }
}
