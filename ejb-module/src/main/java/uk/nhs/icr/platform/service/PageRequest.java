package uk.nhs.icr.platform.service;

/** Which page of a result the caller wants: page numbers start at 0, sizes run from 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
    }

    /** Reads page and size as a client typed them (blank means the default); refuses naming each bad one. */
    public static PageRequest of(String page, String size) {
        FieldErrors errors = new FieldErrors();
        PageRequest request = parse(page, size, errors);
        errors.throwIfAny();
        return request;
    }

    /** Reads page and size as a client typed them (blank means the default), recording what is wrong. */
    public static PageRequest parse(String page, String size, FieldErrors errors) {
        int pageNumber = parseInt(page, 0, "page", 0, Integer.MAX_VALUE / MAX_SIZE, errors);
        int pageSize = parseInt(size, DEFAULT_SIZE, "size", 1, MAX_SIZE, errors);
        return new PageRequest(Math.max(pageNumber, 0), Math.min(Math.max(pageSize, 1), MAX_SIZE));
    }

    private static int parseInt(String text, int fallback, String field, int min, int max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, field + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    public int firstResult() {
        return page * size;
    }
}
