package app.spotter.sync.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Per recipient: what the copy should be, what was last sent there, and the emails that follow. */
class CopyDecisionTest {

    private static final UUID LERATO = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SIPHO = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static Copy copy(UUID client, String address, String fingerprint) {
        return new Copy(new Recipient(address, "Name", "1:1 session · Name", client != null), client, fingerprint);
    }

    private static SentCopy sent(UUID client, String address, String fingerprint, int sequence) {
        return new SentCopy(client != null, client, address, fingerprint, sequence);
    }

    private static final Instant MON = Instant.parse("2027-03-01T04:00:00Z");
    private static final Instant THU = Instant.parse("2027-03-04T04:00:00Z");

    private static SeriesParts parts(String master, Map<Instant, String> overrides, Set<Instant> exdates) {
        return SeriesParts.of(master, overrides, exdates);
    }

    private static Copy series(String fingerprint, SeriesParts parts) {
        return new Copy(new Recipient("l@x.test", "Name", "1:1 session · Name", true), LERATO, fingerprint, parts);
    }

    private static SentCopy sentSeries(String fingerprint, int sequence, SeriesParts parts) {
        return new SentCopy(true, LERATO, "l@x.test", fingerprint, sequence, parts);
    }

    static Stream<Arguments> cases() {
        return Stream.concat(singles(), series());
    }

    /** A series' copy: a change of exceptions only is one message per exception; anything else the whole series. */
    static Stream<Arguments> series() {
        SeriesParts plain = parts("M1", Map.of(), Set.of());
        return Stream.of(
                Arguments.of("series: first copy", series("A", plain), null, 0, List.of("REQUEST l@x.test 0")),
                Arguments.of("series: one session moved", series("B", parts("M1", Map.of(MON, "h1"), Set.of())),
                        sentSeries("A", 2, plain), 2, List.of("REQUEST-ONE l@x.test " + MON + " 3")),
                Arguments.of("series: one session cancelled", series("B", parts("M1", Map.of(), Set.of(THU))),
                        sentSeries("A", 2, plain), 2, List.of("CANCEL-ONE l@x.test " + THU + " 3")),
                Arguments.of("series: a moved session moved again",
                        series("C", parts("M1", Map.of(MON, "h2"), Set.of())),
                        sentSeries("B", 3, parts("M1", Map.of(MON, "h1"), Set.of())), 3,
                        List.of("REQUEST-ONE l@x.test " + MON + " 4")),
                Arguments.of("series: a moved session then cancelled",
                        series("C", parts("M1", Map.of(), Set.of(MON))),
                        sentSeries("B", 3, parts("M1", Map.of(MON, "h1"), Set.of())), 3,
                        List.of("CANCEL-ONE l@x.test " + MON + " 4")),
                Arguments.of("series: two exceptions at once, in date order",
                        series("B", parts("M1", Map.of(THU, "h1"), Set.of(MON))), sentSeries("A", 2, plain), 2,
                        List.of("CANCEL-ONE l@x.test " + MON + " 3", "REQUEST-ONE l@x.test " + THU + " 4")),
                Arguments.of("series: the whole series changed (rule, time, place)",
                        series("B", parts("M2", Map.of(), Set.of())), sentSeries("A", 2, plain), 2,
                        List.of("REQUEST l@x.test 3")),
                Arguments.of("series: a cancelled session restored", series("A", plain),
                        sentSeries("B", 3, parts("M1", Map.of(), Set.of(THU))), 3, List.of("REQUEST l@x.test 4")),
                Arguments.of("series: a moved session moved back onto the rule", series("A", plain),
                        sentSeries("B", 3, parts("M1", Map.of(MON, "h1"), Set.of())), 3,
                        List.of("REQUEST l@x.test 4")),
                Arguments.of("series: sent before its parts were remembered",
                        series("B", parts("M1", Map.of(MON, "h1"), Set.of())), sentSeries("A", 2, null), 2,
                        List.of("REQUEST l@x.test 3")),
                Arguments.of("series: unchanged", series("A", plain), sentSeries("A", 2, plain), 2, List.of()));
    }

    static Stream<Arguments> singles() {
        return Stream.of(
                Arguments.of("nothing wanted, nothing sent", null, null, 0, List.of()),
                Arguments.of("first copy", copy(LERATO, "l@x.test", "A"), null, 0, List.of("REQUEST l@x.test 0")),
                Arguments.of("unchanged copy", copy(LERATO, "l@x.test", "A"), sent(LERATO, "l@x.test", "A", 0), 0,
                        List.of()),
                Arguments.of("same address in other letter case", copy(LERATO, "L@X.test", "A"),
                        sent(LERATO, "l@x.test", "A", 0), 0, List.of()),
                Arguments.of("booking changed (sequence raised)", copy(LERATO, "l@x.test", "B"),
                        sent(LERATO, "l@x.test", "A", 0), 1, List.of("REQUEST l@x.test 1")),
                Arguments.of("copy changed, booking not (trainer's zone)", copy(null, "t@x.test", "B"),
                        sent(null, "t@x.test", "A", 3), 3, List.of("REQUEST t@x.test 4")),
                Arguments.of("address added", copy(LERATO, "l@x.test", "A"), null, 5, List.of("REQUEST l@x.test 5")),
                Arguments.of("address changed", copy(LERATO, "new@x.test", "A"), sent(LERATO, "l@x.test", "A", 2), 2,
                        List.of("CANCEL l@x.test 3", "REQUEST new@x.test 2")),
                Arguments.of("booking moved to another client", copy(SIPHO, "s@x.test", "B"),
                        sent(LERATO, "l@x.test", "A", 0), 1, List.of("CANCEL l@x.test 1", "REQUEST s@x.test 1")),
                Arguments.of("moved to a client sharing the address", copy(SIPHO, "l@x.test", "B"),
                        sent(LERATO, "l@x.test", "A", 0), 1, List.of("CANCEL l@x.test 1", "REQUEST l@x.test 1")),
                Arguments.of("address removed", null, sent(LERATO, "l@x.test", "A", 1), 1,
                        List.of("CANCEL l@x.test 2")),
                Arguments.of("booking cancelled (sequence raised)", null, sent(LERATO, "l@x.test", "A", 1), 2,
                        List.of("CANCEL l@x.test 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachChangeSendsExactlyTheEmailsThatCopyNeeds(String situation, Copy desired, SentCopy sent, int sequence,
            List<String> expected) {
        assertThat(CopyDecision.decide(desired, sent, sequence).stream().map(CopyDecisionTest::describe))
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidingAgainAfterSendingSendsNothing(String situation, Copy desired, SentCopy sent, int sequence,
            List<String> expected) {
        SentCopy after = sent;
        for (CopyStep step : CopyDecision.decide(desired, sent, sequence)) {
            after = switch (step) {
                case CopyStep.Cancel c -> null;
                case CopyStep.Request r -> new SentCopy(r.copy().client(), r.copy().clientId(), r.copy().address(),
                        r.copy().fingerprint(), r.sequence(), r.copy().parts());
                case CopyStep.Occurrence o -> o.after();
            };
        }
        assertThat(CopyDecision.decide(desired, after, sequence)).isEmpty();
    }

    private static String describe(CopyStep step) {
        return switch (step) {
            case CopyStep.Cancel c -> "CANCEL " + c.old().address() + " " + c.sequence();
            case CopyStep.Request r -> "REQUEST " + r.copy().address() + " " + r.sequence();
            case CopyStep.Occurrence o -> (o.cancel() ? "CANCEL-ONE " : "REQUEST-ONE ") + o.copy().address() + " "
                    + o.recurrenceId() + " " + o.sequence();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void aSeriesCopyIsRememberedPartByPartAcrossARestart(String situation, Copy desired, SentCopy sent,
            int sequence, List<String> expected) {
        assertThat(SeriesParts.decode(desired.parts().encode())).isEqualTo(desired.parts());
    }

    @org.junit.jupiter.api.Test
    void unreadablePartsMeanTheWholeSeriesIsSentAgain() {
        assertThat(SeriesParts.decode(null)).isNull();
        assertThat(SeriesParts.decode("Q nonsense")).isNull();
        assertThat(SeriesParts.decode("M a\nO not-an-instant h")).isNull();
    }
}
