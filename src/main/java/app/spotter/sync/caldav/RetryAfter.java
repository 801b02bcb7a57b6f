package app.spotter.sync.caldav;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code Retry-After} (RFC 9110 10.2.3): either delay-seconds or an HTTP-date. RFC 9110 5.6.7 requires
 * recipients to accept all three date formats, the obsolete RFC 850 and asctime ones included.
 */
final class RetryAfter {

    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private RetryAfter() {}

    /** The delay to wait, never negative; empty when the header is absent or unreadable (then normal backoff). */
    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        return httpDate(value, clock).map(date -> {
            Duration delay = Duration.between(clock.instant(), date);
            // A date already past means "now"; a negative wait would confuse the backoff.
            return delay.isNegative() ? Duration.ZERO : delay;
        });
    }

    private static Optional<Instant> httpDate(String value, Clock clock) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notImfFixdate) {
            // try the obsolete formats
        }
        // RFC 850's weekday is dropped: checking it against a two-digit year would pick the wrong century first.
        String rfc850 = value.substring(value.indexOf(',') + 1).strip();
        for (DateTimeFormatter format : List.of(RFC_850, ASCTIME)) {
            try {
                LocalDateTime date = LocalDateTime.parse(format == RFC_850 ? rfc850 : value, format);
                // RFC 9110 5.6.7: a two-digit year more than 50 years ahead means the previous century.
                if (date.getYear() > LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).getYear() + 50) {
                    date = date.minusYears(100);
                }
                return Optional.of(date.toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
