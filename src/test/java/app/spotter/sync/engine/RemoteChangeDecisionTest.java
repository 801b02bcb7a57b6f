package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.sync.ReadResult;
import app.spotter.sync.RemoteSnapshot;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decide, then apply: every (booking now, what the calendar holds now) pair and what Spotter does about it. */
class RemoteChangeDecisionTest {

    static final Instant NINE = Instant.parse("2031-03-04T07:00:00Z");
    static final Instant TEN = NINE.plusSeconds(3600);
    static final Instant TWO = NINE.plusSeconds(5 * 3600);
    static final Instant THREE = TWO.plusSeconds(3600);

    static final RemoteChangeDecision.BookingNow BOOKED = new RemoteChangeDecision.BookingNow(true, NINE, TEN, false,
            false);
    static final RemoteChangeDecision.BookingNow CANCELLED = new RemoteChangeDecision.BookingNow(false, NINE, TEN,
            false, false);
    static final RemoteChangeDecision.BookingNow SERIES = new RemoteChangeDecision.BookingNow(true, NINE, TEN, true,
            false);
    static final RemoteChangeDecision.BookingNow SERIES_CHANGING = new RemoteChangeDecision.BookingNow(true, NINE, TEN,
            true, true);
    static final RemoteChangeDecision.BookingNow SERIES_ENDED = new RemoteChangeDecision.BookingNow(false, NINE, TEN,
            true, false);
    static final RemoteChangeDecision.BookingNow CHANGING = new RemoteChangeDecision.BookingNow(true, NINE, TEN,
            false, true);

    static ReadResult there(Instant start, Instant end) {
        return new ReadResult.Found(new RemoteSnapshot("\"e2\"", start, end, false, false, "1:1 session"));
    }

    static ReadResult cancelledThere() {
        return new ReadResult.Found(new RemoteSnapshot("\"e2\"", NINE, TEN, true, false, "1:1 session"));
    }

    static ReadResult repeatingThere(Instant start, Instant end) {
        return new ReadResult.Found(new RemoteSnapshot("\"e2\"", start, end, false, true, "1:1 session"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("moved there", BOOKED, there(TWO, THREE), RemoteChange.Reschedule.class),
                Arguments.of("only the end moved there", BOOKED, there(NINE, THREE), RemoteChange.Reschedule.class),
                Arguments.of("same time, title or colour edited", BOOKED, there(NINE, TEN),
                        RemoteChange.PutBack.class),
                Arguments.of("moved there while a change in Spotter is unsent", CHANGING, there(TWO, THREE),
                        RemoteChange.PutBack.class),
                Arguments.of("moved there to an end before its start", BOOKED, there(THREE, TWO),
                        RemoteChange.PutBack.class),
                Arguments.of("unreadable there", BOOKED, null, RemoteChange.PutBack.class),
                Arguments.of("deleted there", BOOKED, new ReadResult.Gone(), RemoteChange.FlagRemoved.class),
                Arguments.of("cancelled there (STATUS:CANCELLED)", BOOKED, cancelledThere(),
                        RemoteChange.FlagRemoved.class),
                Arguments.of("deleted there, session cancelled in Spotter", CANCELLED, new ReadResult.Gone(),
                        RemoteChange.Forget.class),
                Arguments.of("deleted there, booking gone from Spotter", RemoteChangeDecision.BookingNow.ABSENT,
                        new ReadResult.Gone(), RemoteChange.Forget.class),
                Arguments.of("edited there, session cancelled in Spotter", CANCELLED, there(TWO, THREE),
                        RemoteChange.Ignore.class),
                Arguments.of("a series moved there", SERIES, there(TWO, THREE), RemoteChange.PutBack.class),
                Arguments.of("a whole series deleted there", SERIES, new ReadResult.Gone(),
                        RemoteChange.FlagSeriesRemoved.class),
                Arguments.of("a whole series cancelled there (Google's master cancelled)", SERIES, cancelledThere(),
                        RemoteChange.FlagSeriesRemoved.class),
                Arguments.of("a whole series deleted there while a change of it in Spotter is unsent",
                        SERIES_CHANGING, new ReadResult.Gone(), RemoteChange.PutBack.class),
                Arguments.of("a whole series deleted there, none of its sessions scheduled any more", SERIES_ENDED,
                        new ReadResult.Gone(), RemoteChange.Forget.class),
                Arguments.of("a single session given a rule there", BOOKED, repeatingThere(TWO, THREE),
                        RemoteChange.PutBack.class));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("cases")
    void eachRemoteChangeGetsExactlyOneAnswer(String situation, RemoteChangeDecision.BookingNow booking,
            ReadResult remote, Class<? extends RemoteChange> expected) {
        assertThat(RemoteChangeDecision.decide(booking, remote, "Apple Calendar")).isInstanceOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMoveIsTakenAtTheTimeItWasMovedTo(String situation, RemoteChangeDecision.BookingNow booking,
            ReadResult remote, Class<? extends RemoteChange> expected) {
        if (RemoteChangeDecision.decide(booking, remote, "Apple Calendar") instanceof RemoteChange.Reschedule r) {
            RemoteSnapshot s = ((ReadResult.Found) remote).snapshot();
            assertThat(r.start()).isEqualTo(s.start());
            assertThat(r.end()).isEqualTo(s.end());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPutBackTellsTheTrainerWhereAndWhy(String situation, RemoteChangeDecision.BookingNow booking,
            ReadResult remote, Class<? extends RemoteChange> expected) {
        if (RemoteChangeDecision.decide(booking, remote, "Apple Calendar") instanceof RemoteChange.PutBack p) {
            assertThat(p.reason()).contains("Apple Calendar").containsIgnoringCase("put back")
                    .doesNotContain("null");
        }
    }
}
