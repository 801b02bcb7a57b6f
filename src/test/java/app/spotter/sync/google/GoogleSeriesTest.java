package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.RemoteSeries;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleSeriesTest {

    // a Monday 09:00 in Johannesburg some weeks ahead: relative to the clock, never a fixed date
    private final Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(21));
    private final Instant end = first.plus(Duration.ofHours(1));
    private final Event master = master("RRULE:FREQ=WEEKLY;COUNT=4");

    @Test
    void aMovedInstanceIsAnOverrideAtItsNewTimeAndADeletedOneACancelledOverride() {
        Instant second = first.plus(Duration.ofDays(7));
        Instant third = first.plus(Duration.ofDays(14));
        var series = GoogleSeries.of(master, first, end, List.of(
                instance("a", first, first, "confirmed"),
                instance("b", second, second.plus(Duration.ofHours(5)), "confirmed"),
                instance("c", third, third, "cancelled"))).orElseThrow();

        assertThat(series.rule().frequency()).isEqualTo("WEEKLY");
        assertThat(series.rule().count()).isEqualTo(4);
        assertThat(series.overrides()).containsOnlyKeys(second, third);
        assertThat(series.overrides().get(second)).isEqualTo(new RemoteSeries.Occurrence(
                second.plus(Duration.ofHours(5)), second.plus(Duration.ofHours(6)), false));
        assertThat(series.overrides().get(third).cancelled()).isTrue();
    }

    @Test
    void exclusionsAreReadWithTheirZoneAndARuleSpotterCannotReadIsUnreadable() {
        Event withExdate = master("RRULE:FREQ=WEEKLY;COUNT=4",
                "EXDATE;TZID=Africa/Johannesburg:20300107T090000,20300114T090000");
        assertThat(GoogleSeries.of(withExdate, first, end, List.of()).orElseThrow().exdates()).containsExactlyInAnyOrder(
                Instant.parse("2030-01-07T07:00:00Z"), Instant.parse("2030-01-14T07:00:00Z"));

        for (String line : List.of("RDATE;TZID=Africa/Johannesburg:20300107T090000", "EXDATE;VALUE=DATE:20300107",
                "EXDATE:20300107T090000")) {
            Event other = master("RRULE:FREQ=WEEKLY;COUNT=4", line);
            assertThat(GoogleSeries.of(other, first, end, List.of())).as(line).isEmpty();
        }
    }

    @Test
    void theSeriesVersionChangesWithAnyInstanceAndKeepsTheMastersEtagForIfMatch() {
        var a = instance("a", first, first, "confirmed").setEtag("\"10\"");
        var b = instance("b", first, first, "confirmed").setEtag("\"11\"");
        String version = GoogleSeries.etag("\"1\"", List.of(a, b));

        assertThat(GoogleSeries.etag("\"1\"", List.of(b, a))).as("in any order").isEqualTo(version);
        assertThat(GoogleSeries.etag("\"1\"", List.of(a,
                instance("b", first, first, "confirmed").setEtag("\"12\"")))).isNotEqualTo(version);
        assertThat(GoogleSeries.masterEtag(version)).isEqualTo("\"1\"");
        assertThat(GoogleSeries.masterEtag("\"1\"")).isEqualTo("\"1\"");
    }

    private static Event master(String... recurrence) {
        return new Event().setId("master0001").setEtag("\"1\"")
                .setRecurrence(new java.util.ArrayList<>(List.of(recurrence)));
    }

    /** An instance the rule put at {@code original}, now starting at {@code start} for as long as the series. */
    private Event instance(String id, Instant original, Instant start, String status) {
        return new Event().setId(id).setEtag("\"" + id + "\"").setStatus(status)
                .setOriginalStartTime(at(original)).setStart(at(start))
                .setEnd(at(start.plus(Duration.between(first, end))));
    }

    private static EventDateTime at(Instant instant) {
        return new EventDateTime().setDateTime(new DateTime(instant.toEpochMilli()));
    }
}
