package app.spotter.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesSummaryTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 3, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "MONDAY THURSDAY | 1 | 2027-06-30 | null | 06:00 | Every Mon and Thu at 06:00 until 30 Jun",
            "TUESDAY | 1 | null | null | 18:30 | Every Tue at 18:30, no end date",
            "MONDAY WEDNESDAY FRIDAY | 2 | null | 10 | 05:45 | Every 2 weeks on Mon, Wed and Fri at 05:45, 10 sessions",
            "SATURDAY | 1 | null | 1 | 07:00 | Every Sat at 07:00, 1 session",
            "THURSDAY MONDAY | 3 | 2028-01-31 | null | 06:00 | Every 3 weeks on Mon and Thu at 06:00 until 31 Jan 2028",
            "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY | 1 | null | 5 | 06:00 | Every day at 06:00, 5 sessions",
            "SUNDAY MONDAY | 1 | 2027-12-31 | null | 20:00 | Every Mon and Sun at 20:00 until 31 Dec"})
    void aSeriesReadsAsOnePlainSentence(String days, int interval, LocalDate until, Integer count, LocalTime time,
            String expected) {
        Set<DayOfWeek> set = Arrays.stream(days.split(" ")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        assertThat(SeriesSummary.of(new Recurrence(interval, set, until, count), FIRST, time)).isEqualTo(expected);
    }
}
