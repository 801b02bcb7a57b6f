package app.spotter.sync.caldav;

import java.util.Objects;

/**
 * An entity tag exactly as the server sent it, quotes and any {@code W/} prefix included, because
 * {@code If-Match} must echo it byte for byte (RFC 9110 8.8.3, 13.1.1). Never parse or re-quote it.
 */
public record ETag(String value) {

    public ETag {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an ETag is never blank");
        }
    }

    /** Null or blank header values mean "the server sent none", which callers treat as unknown. */
    static ETag ofNullable(String headerValue) {
        return headerValue == null || headerValue.isBlank() ? null : new ETag(headerValue.strip());
    }

    /**
     * A weak tag cannot be used for {@code If-Match}, which compares strongly (RFC 9110 13.1.1); RFC 4791 5.3.4
     * lets a server that rewrote the object answer with a weak one or none.
     */
    public boolean weak() {
        return value.startsWith("W/");
    }

    @Override
    public String toString() {
        return value;
    }
}
