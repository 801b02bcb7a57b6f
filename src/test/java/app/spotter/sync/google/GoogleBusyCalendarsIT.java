package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.sync.BusyCalendarReader;
import app.spotter.sync.BusyRead;
import app.spotter.sync.ExternalCalendar;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.google.fake.FakeGoogle;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Google adapter's busy calendars against the fake Google's calendarList and freebusy.query. */
class GoogleBusyCalendarsIT {

    private static final String WORK = "c_work123@group.calendar.google.com";

    private final GoogleFixture f = fixture();
    private final BusyCalendarReader reader = f.provider.busyCalendars().orElseThrow();
    private final Instant day = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));

    private static GoogleFixture fixture() {
        try {
            return new GoogleFixture();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void calendarListNamesEveryCalendarAndTheOneSpotterWritesToIsNeverBusy() throws SyncFailure {
        f.google.addCalendar(FakeGoogle.PRIMARY_ID, "Thandi Nkosi", true);
        f.google.addCalendar(WORK, "Work", false);

        List<ExternalCalendar> calendars = reader.calendars(f.connection);

        assertThat(calendars).extracting(ExternalCalendar::name).containsExactly("Thandi Nkosi", "Work");
        // Spotter writes to "primary" by default: that calendar is Spotter's, so it is not the default busy one
        assertThat(calendars.getFirst().spotters()).isTrue();
        assertThat(calendars.getFirst().primary()).isFalse();
        assertThat(calendars.get(1).spotters()).isFalse();
    }

    @Test
    void freeBusyGivesOpaqueEventsOnlyMergedAndWithoutTitles() throws SyncFailure {
        f.google.addCalendar(WORK, "Work", false);
        seed("meeting01", at(9), at(10), "");
        seed("meeting02", at(9, 30), at(11), "");
        seed("reminder01", at(13), at(14), ",\"transparency\":\"transparent\"");
        seed("cancelled01", at(15), at(16), ",\"status\":\"cancelled\"");
        seed("declined01", at(17), at(18),
                ",\"attendees\":[{\"email\":\"trainer@example.com\",\"self\":true,\"responseStatus\":\"declined\"}]");
        int before = f.google.apiRequests();

        BusyRead read = reader.busy(f.connection, new ExternalCalendar(WORK, "Work", false, false, null),
                day, day.plus(Duration.ofDays(1)), GoogleFixture.JOBURG);

        assertThat(f.google.apiRequests() - before).as("one freebusy.query").isEqualTo(1);
        assertThat(read.intervals()).containsExactly(new BusyRead.Busy(at(9), at(11), false));
    }

    @Test
    void aCalendarGoogleCannotReadIsAFailureNotAnEmptyCalendar() {
        assertThatThrownBy(() -> reader.busy(f.connection, new ExternalCalendar("gone@group.calendar.google.com",
                "Gone", false, false, null), day, day.plus(Duration.ofDays(1)), GoogleFixture.JOBURG))
                .isInstanceOf(SyncFailure.class).hasMessageContaining("notFound");
    }

    private Instant at(int hour) {
        return at(hour, 0);
    }

    private Instant at(int hour, int minute) {
        return day.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    private void seed(String id, Instant start, Instant end, String extra) {
        JsonObject json = JsonParser.parseString("""
                {"summary":"Private title","status":"confirmed","start":{"dateTime":"%s"},"end":{"dateTime":"%s"}%s}"""
                .formatted(start, end, extra)).getAsJsonObject();
        f.google.seed(WORK, id, json);
    }
}
