package app.spotter.sync.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.BusyRead;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusyExpansionTest {

    private final PersonalCalendar data = new PersonalCalendar(LocalDate.now(PersonalCalendar.ZONE).plusDays(7),
            "trainer@example.com");
    private final BusyExpansion expansion = new BusyExpansion("@spotter.app", Set.of("trainer@example.com"),
            PersonalCalendar.ZONE);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void recurringEventsAreExpandedWithTheirMovedAndCancelledInstancesAndFreeEventsLeftOut() {
        List<BusyRead.Busy> busy = expansion.intervals(new ArrayList<>(data.objects().values()), now,
                now.plus(90, ChronoUnit.DAYS));

        assertThat(pairs(busy.stream().filter(b -> !b.allDay()).toList())).containsExactlyElementsOf(
                data.expected(false).stream().map(p -> p[0] + "/" + p[1]).toList());
        assertThat(busy.stream().filter(BusyRead.Busy::allDay)).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(data.base.plusDays(2).atStartOfDay(PersonalCalendar.ZONE).toInstant());
            assertThat(b.end()).isEqualTo(data.base.plusDays(3).atStartOfDay(PersonalCalendar.ZONE).toInstant());
        });
    }

    @Test
    void onlyInstancesOverlappingTheWindowAreReturned() {
        Instant from = data.instant(20, "00:00");
        Instant to = data.instant(29, "00:00");
        assertThat(pairs(expansion.intervals(new ArrayList<>(data.objects().values()), from, to))).containsExactly(
                data.instant(21, "07:00") + "/" + data.instant(21, "08:00"),
                data.instant(28, "07:00") + "/" + data.instant(28, "08:00"));
    }

    @Test
    void spottersOwnEventsAndUnreadableObjectsBlockNothing() {
        String ours = data.objects().get("dentist.ics").replace("UID:dentist", "UID:0b7e@spotter.app");
        assertThat(expansion.intervals(List.of(ours, "BEGIN:VCALENDAR\r\nthis is not iCalendar"), now,
                now.plus(90, ChronoUnit.DAYS))).isEmpty();
    }

    private static List<String> pairs(List<BusyRead.Busy> busy) {
        return busy.stream().map(b -> b.start() + "/" + b.end()).toList();
    }
}
