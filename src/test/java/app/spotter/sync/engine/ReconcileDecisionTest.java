package app.spotter.sync.engine;

import app.spotter.sync.ContentHash;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.store.Mirror;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decide, then apply: every (booking, calendar copy, calendar on?) combination and the action it gets. */
class ReconcileDecisionTest {

    private static final UUID BOOKING = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");

    private static CalendarEvent event(String summary, boolean cancelled) {
        return new CalendarEvent(BOOKING, UUID.randomUUID(), UUID.randomUUID(), BOOKING + "@spotter.app", summary,
                SessionType.ONE_ON_ONE, null, Instant.parse("2026-12-01T07:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("Africa/Johannesburg"), null, 1, cancelled);
    }

    private static final CalendarEvent SCHEDULED = event("1:1 session · Naledi Dube", false);
    private static final CalendarEvent RENAMED = event("1:1 session", false);
    private static final CalendarEvent CANCELLED = event("1:1 session · Naledi Dube", true);
    private static final Mirror CURRENT = new Mirror(new RemoteEvent("x.ics", "\"1\"", null),
            ContentHash.of(SCHEDULED), 1);

    private static final Mirror REMOVED_THERE = new Mirror(CURRENT.remote(), CURRENT.contentHash(), 1, true, null);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("new booking, calendar on", SCHEDULED, null, true, SyncAction.Create.class),
                Arguments.of("unchanged booking", SCHEDULED, CURRENT, true, SyncAction.Nothing.class),
                Arguments.of("changed content", RENAMED, CURRENT, true, SyncAction.Update.class),
                Arguments.of("cancelled, calendar has it", CANCELLED, CURRENT, true, SyncAction.Remove.class),
                Arguments.of("cancelled, never written", CANCELLED, null, true, SyncAction.Nothing.class),
                Arguments.of("booking gone, calendar has it", null, CURRENT, true, SyncAction.Remove.class),
                Arguments.of("booking gone, never written", null, null, true, SyncAction.Nothing.class),
                Arguments.of("calendar off: nothing pushed", SCHEDULED, null, false, SyncAction.Nothing.class),
                Arguments.of("calendar off: nothing removed", CANCELLED, CURRENT, false, SyncAction.Nothing.class),
                Arguments.of("mirror drifted (hash cleared)", SCHEDULED,
                        new Mirror(CURRENT.remote(), null, 1), true, SyncAction.Update.class),
                Arguments.of("deleted there by the trainer: not recreated", SCHEDULED, REMOVED_THERE, true,
                        SyncAction.Nothing.class),
                Arguments.of("deleted there, booking changed meanwhile: still not recreated", RENAMED, REMOVED_THERE,
                        true, SyncAction.Nothing.class),
                Arguments.of("deleted there, then cancelled: let go", CANCELLED, REMOVED_THERE, true,
                        SyncAction.Remove.class));
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("cases")
    void eachSituationGetsExactlyOneAction(String situation, CalendarEvent desired, Mirror mirror, boolean active,
            Class<? extends SyncAction> expected) {
        assertThat(ReconcileDecision.decide(desired, mirror, active)).isInstanceOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidingTwiceOnTheResultOfAnUpsertDoesNothing(String situation, CalendarEvent desired, Mirror mirror,
            boolean active, Class<? extends SyncAction> expected) {
        SyncAction first = ReconcileDecision.decide(desired, mirror, active);
        Mirror after = switch (first) {
            case SyncAction.Create c -> new Mirror(new RemoteEvent("x.ics", "\"2\"", null), c.contentHash(), 1);
            case SyncAction.Update u -> new Mirror(u.previous().remote(), u.contentHash(), 1);
            case SyncAction.Remove r -> null;
            case SyncAction.Nothing n -> mirror;
        };
        assertThat(ReconcileDecision.decide(desired, after, active)).isInstanceOf(SyncAction.Nothing.class);
    }

    @org.junit.jupiter.api.Test
    void aChangeOnlyInTheSequenceCostsNoRequest() {
        CalendarEvent notesEdited = new CalendarEvent(BOOKING, SCHEDULED.trainerId(), SCHEDULED.clientId(),
                SCHEDULED.uid(), SCHEDULED.summary(), SCHEDULED.sessionType(), null, SCHEDULED.start(),
                SCHEDULED.end(), SCHEDULED.zone(), null, 7, false);
        assertThat(ReconcileDecision.decide(notesEdited, CURRENT, true)).isInstanceOf(SyncAction.Nothing.class);
    }
}
