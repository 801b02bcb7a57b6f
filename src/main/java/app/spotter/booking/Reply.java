package app.spotter.booking;

import java.util.Locale;
import java.util.Optional;

/** A client's answer to their invitation: the iCalendar PARTSTAT values of a REPLY (RFC 5545 3.2.12). */
public enum Reply {
    ACCEPTED, DECLINED, TENTATIVE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The answer a PARTSTAT names; empty for NEEDS-ACTION, DELEGATED and anything else a REPLY may carry. */
    public static Optional<Reply> ofPartStat(String partStat) {
        if (partStat == null) {
            return Optional.empty();
        }
        return switch (partStat.strip().toUpperCase(Locale.ROOT)) {
            case "ACCEPTED" -> Optional.of(ACCEPTED);
            case "DECLINED" -> Optional.of(DECLINED);
            case "TENTATIVE" -> Optional.of(TENTATIVE);
            default -> Optional.empty();
        };
    }

    static Reply of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
