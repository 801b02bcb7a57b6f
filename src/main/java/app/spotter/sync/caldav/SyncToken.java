package app.spotter.sync.caldav;

import java.util.Objects;

/**
 * An RFC 6578 sync token: an opaque URI the server handed out, stored by the engine and sent back unchanged.
 */
public record SyncToken(String value) {

    public SyncToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a sync token is never blank");
        }
    }

    static SyncToken ofNullable(String text) {
        return text == null || text.isBlank() ? null : new SyncToken(text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
