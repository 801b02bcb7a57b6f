package app.spotter.sync.engine;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.spotter.preferences.CalendarView;
import app.spotter.preferences.Preferences;
import app.spotter.preferences.SyncFrequency;
import app.spotter.preferences.SyncPreferences;
import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Connection;
import app.spotter.sync.Provider;
import app.spotter.sync.RemoteChanges;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.PendingStore;
import app.spotter.sync.store.StatusStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A round dates the work it finds by Spotter's clock, like every other part of the engine (tests pin it). */
class SyncRoundTest {

    static final Instant PINNED = Instant.parse("2031-03-04T05:06:07Z");
    static final UUID TRAINER = UUID.randomUUID();
    static final UUID BOOKING = UUID.randomUUID();

    final ConnectionStore connections = mock(ConnectionStore.class);
    final MirrorStore mirrors = mock(MirrorStore.class);
    final PendingStore pending = mock(PendingStore.class);
    final SyncQueue queue = mock(SyncQueue.class);
    final Preferences preferences = mock(Preferences.class);
    final CalendarProvider apple = mock(CalendarProvider.class);

    @Test
    void anEventDeletedInTheCalendarIsRequestedAgainAtTheClocksNowNotTheMachines() throws Exception {
        SyncPreferences prefs = new SyncPreferences(TRAINER, false, true, false, SyncFrequency.REALTIME,
                CalendarView.MONTH, true, Map.of(), ZoneId.of("Africa/Johannesburg"));
        when(preferences.get(TRAINER)).thenReturn(prefs);
        when(apple.provider()).thenReturn(Provider.APPLE);
        when(apple.enabled(prefs)).thenReturn(true);
        when(connections.find(TRAINER, Provider.APPLE)).thenReturn(Optional.of(new ConnectionStore.Stored(
                new Connection(TRAINER, Provider.APPLE, Map.of(), "pw"), ConnectionStore.State.ACTIVE, "t1")));
        when(apple.changesSince(any(), any())).thenReturn(new RemoteChanges("t2", Map.of(), Set.of("gone"), false));
        when(mirrors.etags(TRAINER, Provider.APPLE, Set.of("gone"))).thenReturn(Map.of("gone", "e1"));
        when(mirrors.bookingFor(TRAINER, Provider.APPLE, "gone")).thenReturn(BOOKING);
        SyncRound round = new SyncRound(connections, mirrors, mock(StatusStore.class),
                new ProviderRegistry(List.of(apple), List.of(), List.of()), pending, queue, preferences,
                Clock.fixed(PINNED, ZoneOffset.UTC));

        round.run(TRAINER, Provider.APPLE);

        verify(pending).request(TRAINER, BOOKING, PINNED);
        verify(queue).schedule(TRAINER, BOOKING, PINNED);
    }
}
