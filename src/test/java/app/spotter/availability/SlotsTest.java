package app.spotter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Free slots as a pure function. The table's days are relative to the next Monday in Johannesburg (no DST), written
 * as wall-clock "HH:mm-HH:mm" on that Monday; the DST cases take the next real change in Europe/London.
 */
class SlotsTest {

    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.now(JOBURG).plusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    static Stream<Arguments> monday() {
        return Stream.of(
                // name, working ranges, blocked, duration, step, expected starts
                Arguments.of("one range, nothing blocked", "09:00-12:00", "", 60, 60, "09:00 10:00 11:00"),
                Arguments.of("a session in the middle", "09:00-12:00", "10:00-11:00", 60, 60, "09:00 11:00"),
                Arguments.of("half-hour steps skip the overlap", "09:00-12:00", "10:15-10:45", 60, 30, "09:00 11:00"),
                Arguments.of("two ranges a day", "06:00-08:00 16:00-18:00", "", 60, 60, "06:00 07:00 16:00 17:00"),
                Arguments.of("a session ending at the start is no clash", "09:00-11:00", "08:00-09:00", 60, 60,
                        "09:00 10:00"),
                Arguments.of("the last slot must end by the range's end", "09:00-10:30", "", 60, 30, "09:00 09:30"),
                Arguments.of("a range shorter than the session offers none", "09:00-09:45", "", 60, 15, ""),
                Arguments.of("time off over the whole range", "09:00-12:00", "08:00-13:00", 30, 30, ""),
                Arguments.of("touching blocks merge", "09:00-12:00", "09:00-10:00 10:00-11:00", 60, 60, "11:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monday")
    void freeStartsOnAMonday(String name, String ranges, String blocked, int duration, int step, String expected) {
        WorkingHours hours = new WorkingHours(Map.of(DayOfWeek.MONDAY, ranges(ranges)), 0, 0, false);
        Instant from = MONDAY.atStartOfDay(JOBURG).toInstant();
        Instant to = MONDAY.plusDays(1).atStartOfDay(JOBURG).toInstant();
        List<ZonedDateTime> slots = Slots.free(new Slots.Query(hours, JOBURG, from, to, Duration.ofMinutes(duration),
                Duration.ofMinutes(step), Instant.EPOCH), intervals(MONDAY, JOBURG, blocked));
        assertThat(times(slots)).isEqualTo(expected);
    }

    @Test
    void nothingIsOfferedSoonerThanTheMinimumNotice() {
        WorkingHours hours = new WorkingHours(Map.of(DayOfWeek.MONDAY, ranges("09:00-12:00")), 0, 120, false);
        Instant earliest = MONDAY.atTime(10, 10).atZone(JOBURG).toInstant();
        List<ZonedDateTime> slots = Slots.free(new Slots.Query(hours, JOBURG, MONDAY.atStartOfDay(JOBURG).toInstant(),
                MONDAY.plusDays(1).atStartOfDay(JOBURG).toInstant(), Duration.ofMinutes(30), Duration.ofMinutes(30),
                earliest), List.of());
        assertThat(times(slots)).isEqualTo("10:30 11:00 11:30");
    }

    @Test
    void daysWithoutHoursOfferNothingAndNoHoursAtAllOfferNothing() {
        WorkingHours tuesdays = new WorkingHours(Map.of(DayOfWeek.TUESDAY, ranges("09:00-10:00")), 0, 0, false);
        Instant from = MONDAY.atStartOfDay(JOBURG).toInstant();
        Instant to = MONDAY.plusDays(7).atStartOfDay(JOBURG).toInstant();
        assertThat(Slots.free(new Slots.Query(tuesdays, JOBURG, from, to, Duration.ofMinutes(60),
                Duration.ofMinutes(60), Instant.EPOCH), List.of()))
                .singleElement().satisfies(s -> assertThat(s.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
        assertThat(Slots.free(new Slots.Query(WorkingHours.NONE, JOBURG, from, to, Duration.ofMinutes(60),
                Duration.ofMinutes(60), Instant.EPOCH), List.of())).isEmpty();
    }

    /** The next clock change in London, whichever direction: 09:00 stays 09:00 on the wall, the offset moves. */
    @Test
    void aLondonTrainersNineOClockStaysNineOClockAcrossTheClockChange() {
        ZoneOffsetTransition change = LONDON.getRules().nextTransition(Instant.now());
        LocalDate before = change.getInstant().atZone(LONDON).toLocalDate().minusDays(2);
        Map<DayOfWeek, List<WorkingHours.Range>> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            everyDay.put(d, ranges("09:00-10:00"));
        }
        WorkingHours hours = new WorkingHours(everyDay, 0, 0, false);
        List<ZonedDateTime> slots = Slots.free(new Slots.Query(hours, LONDON, before.atStartOfDay(LONDON).toInstant(),
                before.plusDays(4).atStartOfDay(LONDON).toInstant(), Duration.ofMinutes(60), Duration.ofMinutes(60),
                Instant.EPOCH), List.of());

        assertThat(slots).hasSize(4).allSatisfy(s -> assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
        assertThat(slots.getFirst().getOffset()).isEqualTo(change.getOffsetBefore());
        assertThat(slots.getLast().getOffset()).isEqualTo(change.getOffsetAfter());
        // an hour more or less of real time between the two middle days' slots
        assertThat(Duration.between(slots.get(1).toInstant(), slots.get(2).toInstant()))
                .isEqualTo(Duration.ofDays(1).minus(change.getDuration()));
    }

    /** On the change day itself a range spanning the missing or repeated hour has one slot fewer or more. */
    @Test
    void aRangeOverTheChangeHourHasTheRealNumberOfHours() {
        ZoneOffsetTransition change = LONDON.getRules().nextTransition(Instant.now());
        LocalDate day = change.getInstant().atZone(LONDON).toLocalDate();
        WorkingHours hours = new WorkingHours(Map.of(day.getDayOfWeek(), ranges("00:00-04:00")), 0, 0, false);
        List<ZonedDateTime> slots = Slots.free(new Slots.Query(hours, LONDON, day.atStartOfDay(LONDON).toInstant(),
                day.plusDays(1).atStartOfDay(LONDON).toInstant(), Duration.ofMinutes(60), Duration.ofMinutes(60),
                Instant.EPOCH), List.of());
        long realHours = Duration.between(day.atStartOfDay(LONDON), day.atTime(4, 0).atZone(LONDON)).toHours();
        assertThat(slots).hasSize((int) realHours);
        assertThat(realHours).isNotEqualTo(4);
    }

    @Test
    void mergingJoinsOverlapsAndKeepsGaps() {
        List<Interval> merged = Slots.merge(intervals(MONDAY, JOBURG, "10:00-11:00 09:00-10:30 12:00-13:00"));
        assertThat(merged).hasSize(2);
        assertThat(merged.getFirst().start()).isEqualTo(MONDAY.atTime(9, 0).atZone(JOBURG).toInstant());
        assertThat(merged.getFirst().end()).isEqualTo(MONDAY.atTime(11, 0).atZone(JOBURG).toInstant());
    }

    static List<WorkingHours.Range> ranges(String text) {
        List<WorkingHours.Range> ranges = new ArrayList<>();
        for (String r : text.split(" ")) {
            String[] p = r.split("-");
            ranges.add(new WorkingHours.Range(LocalTime.parse(p[0]), LocalTime.parse(p[1])));
        }
        return ranges;
    }

    static List<Interval> intervals(LocalDate day, ZoneId zone, String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(" ")).map(r -> {
            String[] p = r.split("-");
            return new Interval(day.atTime(LocalTime.parse(p[0])).atZone(zone).toInstant(),
                    day.atTime(LocalTime.parse(p[1])).atZone(zone).toInstant());
        }).toList();
    }

    private static String times(List<ZonedDateTime> slots) {
        return String.join(" ", slots.stream().map(s -> s.format(DateTimeFormatter.ofPattern("HH:mm"))).toList());
    }
}
