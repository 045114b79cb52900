package io.broadsheet.system;

/**
 * The {@code ?page=N} parameter of every paginated listing, counted from 1 as readers see it.
 * Anything that is not a whole number from 1 to {@link #LAST} is a bad request, never a server error.
 */
public record PageNumber(int value) {

    /** Far beyond any real archive, and small enough that value * page size cannot overflow. */
    public static final int LAST = 1_000_000;

    public static PageNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new PageNumber(1);
        }
        if (raw.length() > 7 || !raw.chars().allMatch(Character::isDigit)) {
            throw new BadRequestException("page must be a whole number from 1 to " + LAST);
        }
        int value = Integer.parseInt(raw);
        if (value < 1 || value > LAST) {
            throw new BadRequestException("page must be a whole number from 1 to " + LAST);
        }
        return new PageNumber(value);
    }

    /** Zero-based, as Spring Data counts. */
    public int index() {
        return value - 1;
    }

    public boolean isFirst() {
        return value == 1;
    }
}
