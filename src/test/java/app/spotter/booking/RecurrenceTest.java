package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: a rule, a start, a zone -> exactly these instants (RFC 5545 3.3.10 weekly expansion). */
class RecurrenceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId JOBURG = ZoneId.of("Africa/Johannesburg");
    private static final Set<DayOfWeek> MO_TH = Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("Mondays and Thursdays, four sessions",
                        new Recurrence(1, MO_TH, null, 4), LocalDate.of(2030, 1, 7), LocalTime.of(6, 0), JOBURG,
                        List.of("2030-01-07T04:00:00Z", "2030-01-10T04:00:00Z", "2030-01-14T04:00:00Z",
                                "2030-01-17T04:00:00Z")),
                Arguments.of("every second week counts weeks from the first session's week",
                        new Recurrence(2, MO_TH, null, 4), LocalDate.of(2030, 1, 10), LocalTime.of(6, 0), JOBURG,
                        List.of("2030-01-10T04:00:00Z", "2030-01-21T04:00:00Z", "2030-01-24T04:00:00Z",
                                "2030-02-04T04:00:00Z")),
                Arguments.of("until is inclusive",
                        new Recurrence(1, Set.of(DayOfWeek.WEDNESDAY), LocalDate.of(2030, 1, 16), null),
                        LocalDate.of(2030, 1, 2), LocalTime.of(18, 30), JOBURG,
                        List.of("2030-01-02T16:30:00Z", "2030-01-09T16:30:00Z", "2030-01-16T16:30:00Z")),
                Arguments.of("06:00 in London stays 06:00 across the October change (BST -> GMT)",
                        new Recurrence(1, Set.of(DayOfWeek.MONDAY), null, 3), LocalDate.of(2030, 10, 21),
                        LocalTime.of(6, 0), LONDON,
                        List.of("2030-10-21T05:00:00Z", "2030-10-28T06:00:00Z", "2030-11-04T06:00:00Z")),
                Arguments.of("and across the March change (GMT -> BST)",
                        new Recurrence(1, Set.of(DayOfWeek.MONDAY), null, 2), LocalDate.of(2031, 3, 24),
                        LocalTime.of(6, 0), LONDON,
                        List.of("2031-03-24T06:00:00Z", "2031-03-31T05:00:00Z")),
                Arguments.of("a time in the spring gap moves forward by the gap (RFC 5545 3.3.5)",
                        new Recurrence(1, Set.of(DayOfWeek.SUNDAY), null, 2), LocalDate.of(2031, 3, 23),
                        LocalTime.of(1, 30), LONDON,
                        List.of("2031-03-23T01:30:00Z", "2031-03-30T01:30:00Z")),
                Arguments.of("a time in the autumn overlap is its first occurrence (RFC 5545 3.3.5)",
                        new Recurrence(1, Set.of(DayOfWeek.SUNDAY), null, 1), LocalDate.of(2030, 10, 27),
                        LocalTime.of(1, 30), LONDON,
                        List.of("2030-10-27T00:30:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRuleGivesExactlyTheseInstants(String name, Recurrence rule, LocalDate start, LocalTime time, ZoneId zone,
            List<String> expected) {
        assertThat(rule.starts(start, time, zone, Instant.parse("2040-01-01T00:00:00Z")))
                .containsExactlyElementsOf(expected.stream().map(Instant::parse).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void anOpenEndedRuleStopsAtTheHorizon(String name, Recurrence rule, LocalDate start, LocalTime time, ZoneId zone,
            List<String> expected) {
        Recurrence open = new Recurrence(rule.interval(), rule.days(), null, null);
        Instant horizon = Instant.parse(expected.getLast()).plusSeconds(1);
        assertThat(open.starts(start, time, zone, horizon)).hasSize(expected.size())
                .last().isEqualTo(Instant.parse(expected.getLast()));
    }

    static Stream<Arguments> firstDates() {
        return Stream.of(
                Arguments.of("2030-01-07", MO_TH, "2030-01-07"), // a Monday
                Arguments.of("2030-01-08", MO_TH, "2030-01-10"), // Tuesday -> Thursday
                Arguments.of("2030-01-11", MO_TH, "2030-01-14"), // Friday -> next Monday
                Arguments.of("2030-01-13", Set.of(DayOfWeek.SUNDAY), "2030-01-13"));
    }

    @ParameterizedTest(name = "from {0} the first session is on {2}")
    @MethodSource("firstDates")
    void theFirstSessionIsTheFirstOfTheDaysOnOrAfterTheDateAsked(String from, Set<DayOfWeek> days, String first) {
        assertThat(new Recurrence(1, days, null, null).firstDate(LocalDate.parse(from)))
                .isEqualTo(LocalDate.parse(first));
    }
}
