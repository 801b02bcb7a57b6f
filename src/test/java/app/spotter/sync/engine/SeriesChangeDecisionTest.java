package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.RemoteSeries;
import app.spotter.sync.RemoteSnapshot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decide, then apply, for a series object: every (series in Spotter, series object in the calendar) pair and what
 * Spotter does about each occurrence. The series: weekly, four sessions of an hour, a month ahead of the clock.
 */
class SeriesChangeDecisionTest {

    static final ZoneId ZONE = ZoneId.of("Africa/Johannesburg");
    static final Instant W0 = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30)).plus(
            Duration.ofHours(7));
    static final Instant W1 = W0.plus(Duration.ofDays(7));
    static final Instant W2 = W0.plus(Duration.ofDays(14));
    static final Instant W3 = W0.plus(Duration.ofDays(21));
    static final Duration HOUR = Duration.ofHours(1);
    static final List<UUID> IDS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    static final RemoteSeries.Rule RULE = new RemoteSeries.Rule("WEEKLY", 1, Set.of(DayOfWeek.TUESDAY), null, 4,
            "");

    /** Spotter's series: every session at the rule's time unless moved; {@code cancelled} sessions excluded. */
    static SeriesChangeDecision.SeriesNow ours(Map<Instant, Instant> movedTo, Set<Instant> cancelled,
            boolean changing) {
        Map<Instant, SeriesChangeDecision.Session> sessions = new HashMap<>();
        List<Instant> starts = List.of(W0, W1, W2, W3);
        for (int i = 0; i < starts.size(); i++) {
            Instant rid = starts.get(i);
            if (!cancelled.contains(rid)) {
                Instant start = movedTo.getOrDefault(rid, rid);
                sessions.put(rid, new SeriesChangeDecision.Session(IDS.get(i), start, start.plus(HOUR)));
            }
        }
        return new SeriesChangeDecision.SeriesNow(W0, W0.plus(HOUR), RULE, cancelled, sessions, changing, ZONE);
    }

    static final SeriesChangeDecision.SeriesNow PLAIN = ours(Map.of(), Set.of(), false);
    static final SeriesChangeDecision.SeriesNow CHANGING = ours(Map.of(), Set.of(), true);
    /** W1 moved to 11:00 and W3 cancelled, in Spotter. */
    static final SeriesChangeDecision.SeriesNow WITH_EXCEPTIONS = ours(Map.of(W1, W1.plus(Duration.ofHours(2))),
            Set.of(W3), false);

    static RemoteSnapshot there(Instant start, RemoteSeries.Rule rule, Set<Instant> exdates,
            Map<Instant, RemoteSeries.Occurrence> overrides) {
        return new RemoteSnapshot("\"e2\"", start, start.plus(HOUR), false, true, "1:1 session",
                new RemoteSeries(rule, exdates, overrides));
    }

    static RemoteSnapshot there(Set<Instant> exdates, Map<Instant, RemoteSeries.Occurrence> overrides) {
        return there(W0, RULE, exdates, overrides);
    }

    static RemoteSeries.Occurrence at(Instant start, Instant end) {
        return new RemoteSeries.Occurrence(start, end, false);
    }

    static Stream<Arguments> cases() {
        Instant w1AtTwo = W1.plus(Duration.ofHours(5));
        return Stream.of(
                Arguments.of("nothing but the content differs", PLAIN, there(Set.of(), Map.of()),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("one occurrence moved there (an override added)", PLAIN,
                        there(Set.of(), Map.of(W1, at(w1AtTwo, w1AtTwo.plus(HOUR)))),
                        List.of(RemoteChange.RescheduleOccurrence.class)),
                Arguments.of("only the end of one occurrence moved there", PLAIN,
                        there(Set.of(), Map.of(W2, at(W2, W2.plus(Duration.ofMinutes(90))))),
                        List.of(RemoteChange.RescheduleOccurrence.class)),
                Arguments.of("an occurrence moved in Spotter moved back to the rule's time there (override removed)",
                        WITH_EXCEPTIONS, there(Set.of(W3), Map.of()),
                        List.of(RemoteChange.RescheduleOccurrence.class)),
                Arguments.of("an occurrence moved in Spotter moved again there", WITH_EXCEPTIONS,
                        there(Set.of(W3), Map.of(W1, at(w1AtTwo, w1AtTwo.plus(HOUR)))),
                        List.of(RemoteChange.RescheduleOccurrence.class)),
                Arguments.of("an override added at the occurrence's own time (content only)", PLAIN,
                        there(Set.of(), Map.of(W1, at(W1, W1.plus(HOUR)))), List.of(RemoteChange.PutBack.class)),
                Arguments.of("Spotter's own exceptions, unchanged", WITH_EXCEPTIONS,
                        there(Set.of(W3), Map.of(W1, at(W1.plus(Duration.ofHours(2)), W1.plus(Duration.ofHours(3))))),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("two occurrences moved there", PLAIN,
                        there(Set.of(), Map.of(W1, at(w1AtTwo, w1AtTwo.plus(HOUR)),
                                W3, at(W3.plus(HOUR), W3.plus(Duration.ofHours(2))))),
                        List.of(RemoteChange.RescheduleOccurrence.class, RemoteChange.RescheduleOccurrence.class)),
                Arguments.of("an occurrence moved there while the series changes in Spotter", CHANGING,
                        there(Set.of(), Map.of(W1, at(w1AtTwo, w1AtTwo.plus(HOUR)))),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("an occurrence moved there to an end before its start", PLAIN,
                        there(Set.of(), Map.of(W1, at(w1AtTwo, w1AtTwo.minus(HOUR)))),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("an occurrence deleted there (EXDATE added)", PLAIN, there(Set.of(W2), Map.of()),
                        List.of(RemoteChange.FlagOccurrenceRemoved.class)),
                Arguments.of("an occurrence cancelled there (override STATUS:CANCELLED)", PLAIN,
                        there(Set.of(), Map.of(W2, new RemoteSeries.Occurrence(W2, W2.plus(HOUR), true))),
                        List.of(RemoteChange.FlagOccurrenceRemoved.class)),
                Arguments.of("an occurrence moved and another deleted there", PLAIN,
                        there(Set.of(W3), Map.of(W1, at(w1AtTwo, w1AtTwo.plus(HOUR)))),
                        List.of(RemoteChange.RescheduleOccurrence.class, RemoteChange.FlagOccurrenceRemoved.class)),
                Arguments.of("an occurrence deleted there while the series changes in Spotter", CHANGING,
                        there(Set.of(W2), Map.of()), List.of(RemoteChange.FlagOccurrenceRemoved.class)),
                Arguments.of("an occurrence flagged as deleted there, still out there (Spotter writes it out)",
                        ours(Map.of(), Set.of(W2), false), there(Set.of(W2), Map.of()),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("a session cancelled in Spotter brought back there (EXDATE removed)", WITH_EXCEPTIONS,
                        there(Set.of(), Map.of(W1, at(W1.plus(Duration.ofHours(2)), W1.plus(Duration.ofHours(3))))),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("an occurrence Spotter has not booked yet moved there", PLAIN,
                        there(Set.of(), Map.of(W3.plus(Duration.ofDays(7)), at(W3.plus(Duration.ofDays(8)),
                                W3.plus(Duration.ofDays(8)).plus(HOUR)))),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("the rule changed there (another day)", PLAIN,
                        there(W0, new RemoteSeries.Rule("WEEKLY", 1, Set.of(DayOfWeek.WEDNESDAY), null, 4, ""),
                                Set.of(), Map.of()),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("the rule changed there (ended early: UNTIL)", PLAIN,
                        there(W0, new RemoteSeries.Rule("WEEKLY", 1, Set.of(DayOfWeek.TUESDAY), W1, null, ""),
                                Set.of(), Map.of()),
                        List.of(RemoteChange.PutBack.class)),
                Arguments.of("the whole series moved there (the master's time)", PLAIN,
                        there(W0.plus(HOUR), RULE, Set.of(), Map.of(W1, at(w1AtTwo, w1AtTwo.plus(HOUR)))),
                        List.of(RemoteChange.PutBack.class)));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("cases")
    void eachChangeToASeriesGetsExactlyTheseAnswers(String situation, SeriesChangeDecision.SeriesNow ours,
            RemoteSnapshot there, List<Class<? extends RemoteChange>> expected) {
        assertThat(SeriesChangeDecision.decide(ours, there, "Apple Calendar")).map(Object::getClass)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMovedOccurrenceMovesItsOwnSessionToTheTimeThere(String situation, SeriesChangeDecision.SeriesNow ours,
            RemoteSnapshot there, List<Class<? extends RemoteChange>> expected) {
        for (RemoteChange change : SeriesChangeDecision.decide(ours, there, "Apple Calendar")) {
            if (change instanceof RemoteChange.RescheduleOccurrence move) {
                SeriesChangeDecision.Session session = ours.sessions().get(move.occurrence());
                assertThat(move.session()).isEqualTo(session.bookingId());
                RemoteSeries.Occurrence o = there.series().overrides().get(move.occurrence());
                Instant start = o == null ? move.occurrence() : o.start();
                Instant end = o == null ? move.occurrence().plus(HOUR) : o.end();
                assertThat(List.of(move.start(), move.end())).containsExactly(start, end)
                        .isNotEqualTo(List.of(session.start(), session.end()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPutBackTellsTheTrainerWhereAndWhyAndAboutWhichSession(String situation,
            SeriesChangeDecision.SeriesNow ours, RemoteSnapshot there, List<Class<? extends RemoteChange>> expected) {
        for (RemoteChange change : SeriesChangeDecision.decide(ours, there, "Apple Calendar")) {
            if (change instanceof RemoteChange.PutBack p) {
                assertThat(p.reason()).contains("Apple Calendar").containsIgnoringCase("put back")
                        .doesNotContain("null");
                if (p.session() != null) {
                    Instant occurrence = ours.sessions().entrySet().stream()
                            .filter(e -> e.getValue().bookingId().equals(p.session())).findFirst().orElseThrow()
                            .getKey();
                    assertThat(p.reason()).as("names the session's date")
                            .contains(SeriesChangeDecision.when(occurrence, ZONE));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aDeletedOccurrenceIsFlaggedOnItsOwnSessionNeverCancelled(String situation,
            SeriesChangeDecision.SeriesNow ours, RemoteSnapshot there, List<Class<? extends RemoteChange>> expected) {
        Set<Instant> deletedThere = new java.util.HashSet<>(there.series().exdates());
        there.series().overrides().forEach((rid, o) -> {
            if (o.cancelled()) {
                deletedThere.add(rid);
            }
        });
        deletedThere.removeAll(ours.exdates());
        List<RemoteChange> changes = SeriesChangeDecision.decide(ours, there, "Apple Calendar");
        List<RemoteChange> flagged = changes.stream().filter(RemoteChange.FlagOccurrenceRemoved.class::isInstance)
                .toList();
        assertThat(flagged).hasSize(deletedThere.size());
        for (Instant rid : deletedThere) {
            assertThat(flagged).contains(new RemoteChange.FlagOccurrenceRemoved(ours.sessions().get(rid).bookingId(),
                    rid));
        }
    }
}
