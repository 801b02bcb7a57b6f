package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SeriesPlan.Clash;
import app.spotter.booking.SeriesPlan.Decision;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: occurrences, clashes, skip_conflicts -> refuse (naming every clash) or create (listing skipped). */
class SeriesPlanTest {

    private static final Instant A = Instant.parse("2030-01-07T04:00:00Z");
    private static final Instant B = Instant.parse("2030-01-10T04:00:00Z");
    private static final Instant C = Instant.parse("2030-01-14T04:00:00Z");

    static Stream<Arguments> table() {
        Clash b = new Clash(B, "overlaps");
        Clash c = new Clash(C, "overlaps");
        return Stream.of(
                Arguments.of("no clash: every date is booked", List.of(A, B, C), List.of(), false,
                        new Decision.Create(List.of(A, B, C), List.of())),
                Arguments.of("a clash without skip_conflicts refuses the series", List.of(A, B, C), List.of(b), false,
                        new Decision.Refuse(List.of(b))),
                Arguments.of("the refusal names every clashing date, in order", List.of(A, B, C), List.of(c, b), false,
                        new Decision.Refuse(List.of(b, c))),
                Arguments.of("with skip_conflicts the clashing dates are left out and listed", List.of(A, B, C),
                        List.of(c, b), true, new Decision.Create(List.of(A), List.of(b, c))),
                Arguments.of("a series whose every date clashes is refused even with skip_conflicts", List.of(B, C),
                        List.of(b, c), true, new Decision.Refuse(List.of(b, c))),
                Arguments.of("a rule that gives no date is refused", List.of(), List.of(), true,
                        new Decision.Refuse(List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, List<Instant> starts, List<Clash> clashes, boolean skip, Decision expected) {
        assertThat(SeriesPlan.decide(starts, clashes, skip)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aHorizonExtensionNeverRefusesButRecordsEveryClash(String name, List<Instant> starts, List<Clash> clashes,
            boolean skip, Decision ignored) {
        Decision.Create extension = SeriesPlan.extend(starts, clashes);
        assertThat(extension.starts()).noneMatch(s -> clashes.stream().anyMatch(c -> c.startsAt().equals(s)));
        assertThat(extension.starts().size() + extension.skipped().size()).isEqualTo(starts.size());
    }
}
