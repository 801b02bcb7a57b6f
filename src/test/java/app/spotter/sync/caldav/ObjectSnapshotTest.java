package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.calendar.CalendarObjects;
import app.spotter.calendar.Repeating;
import app.spotter.sync.RemoteSeries;
import app.spotter.sync.RemoteSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A series object read back, as the sync round reads what another client left on the server: the rule, exclusions
 * and overrides Spotter wrote read back as exactly what Spotter holds (or every round would see a changed rule), and
 * another client's moved or deleted occurrence reads as just that.
 */
class ObjectSnapshotTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration HOUR = Duration.ofHours(1);
    /** Mondays and Thursdays 06:00 London, from a Monday a month ahead of the clock (across a DST change or not). */
    static final LocalDate FIRST = LocalDate.now(LONDON).plusDays(30).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    static final Instant W0 = ZonedDateTime.of(FIRST, LocalTime.of(6, 0), LONDON).toInstant();
    static final Instant TH0 = ZonedDateTime.of(FIRST.plusDays(3), LocalTime.of(6, 0), LONDON).toInstant();
    static final Instant W1 = ZonedDateTime.of(FIRST.plusWeeks(1), LocalTime.of(6, 0), LONDON).toInstant();
    static final Instant W2 = ZonedDateTime.of(FIRST.plusWeeks(2), LocalTime.of(6, 0), LONDON).toInstant();

    final CalendarObjects objects = new CalendarObjects(Clock.systemUTC());

    static CalendarEvent series(int interval, Instant until, Integer count, List<Instant> exdates,
            List<Repeating.Override> overrides) {
        return new CalendarEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "s@spotter.app",
                "1:1 session", SessionType.ONE_ON_ONE, "Studio", W0, W0.plus(HOUR), LONDON, null, 3, false,
                new Repeating(interval, List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), until, count, exdates,
                        overrides));
    }

    static CalendarEvent moved(Instant start) {
        return new CalendarEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "s@spotter.app",
                "1:1 session", SessionType.ONE_ON_ONE, "Studio", start, start.plus(HOUR), LONDON, null, 0, false);
    }

    RemoteSnapshot read(String ics) {
        return ObjectSnapshot.of(ics.getBytes(StandardCharsets.UTF_8), "\"e\"").orElseThrow();
    }

    @Test
    void aSeriesSpotterWroteReadsBackAsTheRuleExclusionsAndOverridesItHolds() {
        Instant movedTo = W1.plus(Duration.ofMinutes(90));
        Instant until = W0.plus(Duration.ofDays(70));
        String ics = objects.storedObject(series(1, until, null, List.of(TH0),
                List.of(new Repeating.Override(W1, moved(movedTo)))));

        RemoteSnapshot there = read(ics);

        assertThat(there.repeating()).isTrue();
        assertThat(List.of(there.start(), there.end())).containsExactly(W0, W0.plus(HOUR));
        assertThat(there.series().rule()).isEqualTo(new RemoteSeries.Rule("WEEKLY", 1,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), until, null, ""));
        assertThat(there.series().exdates()).containsExactly(TH0);
        assertThat(there.series().overrides()).containsExactlyEntriesOf(
                Map.of(W1, new RemoteSeries.Occurrence(movedTo, movedTo.plus(HOUR), false)));
    }

    @Test
    void aCountedRuleEveryOtherWeekReadsBackAsItWasWritten() {
        RemoteSnapshot there = read(objects.storedObject(series(2, null, 10, List.of(), List.of())));

        assertThat(there.series().rule()).isEqualTo(new RemoteSeries.Rule("WEEKLY", 2,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, 10, ""));
        assertThat(there.series().exdates()).isEmpty();
        assertThat(there.series().overrides()).isEmpty();
    }

    @Test
    void anOccurrenceAnotherClientMovedReadsAsAnOverrideAtItsNewTime() {
        String ics = objects.storedObject(series(1, null, 10, List.of(), List.of()));
        Instant to = W2.plus(Duration.ofHours(8));

        RemoteSnapshot there = read(OtherClient.moveOccurrence(ics, W2, to, to.plus(HOUR)));

        assertThat(there.series().overrides()).containsExactlyEntriesOf(
                Map.of(W2, new RemoteSeries.Occurrence(to, to.plus(HOUR), false)));
        assertThat(there.series().rule().count()).as("the rule is untouched").isEqualTo(10);
        assertThat(there.start()).isEqualTo(W0);
    }

    @Test
    void anOccurrenceAnotherClientDeletedReadsAsAnExclusionOrACancelledOverride() {
        String ics = objects.storedObject(series(1, null, 10, List.of(TH0), List.of()));

        assertThat(read(OtherClient.excludeOccurrence(ics, W1)).series().exdates()).containsExactlyInAnyOrder(TH0,
                W1);
        assertThat(read(OtherClient.cancelOccurrence(ics, W1)).series().overrides().get(W1).cancelled()).isTrue();
    }

    @Test
    void aThisAndFutureOverrideIsNotReadAsOneOccurrence() {
        String ics = OtherClient.moveOccurrence(objects.storedObject(series(1, null, 10, List.of(), List.of())), W1,
                W1.plus(HOUR), W1.plus(HOUR).plus(HOUR));
        String ranged = ics.replaceFirst("RECURRENCE-ID;TZID=", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=");
        assertThat(ranged).isNotEqualTo(ics);

        assertThat(ObjectSnapshot.of(ranged.getBytes(StandardCharsets.UTF_8), "\"e\"")).isEmpty();
    }

    @Test
    void aSingleEventHasNoSeries() {
        RemoteSnapshot there = read(objects.storedObject(moved(W0)));

        assertThat(there.repeating()).isFalse();
        assertThat(there.series()).isNull();
    }

    @Test
    void aSeriesSpotterWroteShowsThatSeriesAndAnotherClientsMoveDoesNot() {
        CalendarEvent series = series(1, null, 10, List.of(TH0),
                List.of(new Repeating.Override(W1, moved(W1.plus(HOUR)))));
        String ics = objects.storedObject(series);

        assertThat(SeriesMatch.shows(read(ics), series)).isTrue();
        assertThat(SeriesMatch.shows(read(OtherClient.moveOccurrence(ics, W2, W2.plus(HOUR), W2.plus(HOUR).plus(HOUR))),
                series)).isFalse();
        assertThat(SeriesMatch.shows(read(OtherClient.excludeOccurrence(ics, W2)), series)).isFalse();
        assertThat(SeriesMatch.shows(read(ics), series(1, null, 11, List.of(TH0),
                List.of(new Repeating.Override(W1, moved(W1.plus(HOUR))))))).as("another rule").isFalse();
    }
}
