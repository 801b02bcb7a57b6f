package app.spotter.sync.engine;

import app.spotter.sync.CalendarProvider;
import app.spotter.sync.Provider;
import app.spotter.sync.store.ConnectionStore;
import app.spotter.sync.store.MirrorStore;
import app.spotter.sync.store.StatusStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.preferences.CalendarView;
import app.spotter.preferences.SyncFrequency;
import app.spotter.preferences.SyncPreferences;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reconcile job runs once per booking and asks every provider; a calendar the trainer has not switched on must
 * cost no database round trip (bulk pushes are bound by round trips per booking, see docs/BENCHMARKS.md).
 */
class ProviderStepTest {

    private static final UUID TRAINER = UUID.fromString("0f8b7a52-3c1e-4d0a-9a63-1b2c3d4e5f60");
    private static final UUID BOOKING = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");

    private final ConnectionStore connections = mock(ConnectionStore.class);
    private final MirrorStore mirrors = mock(MirrorStore.class);
    private final StatusStore status = mock(StatusStore.class);
    private final CalendarProvider google = mock(CalendarProvider.class);
    private final Breaker breaker = new Breaker(connections, mock(app.spotter.sync.store.PendingStore.class), status,
            mock(SyncQueue.class), java.time.Clock.systemUTC(), 5, java.time.Duration.ofSeconds(30),
            java.time.Duration.ofMinutes(30));

    @Test
    void aCalendarThatIsOffIsNeitherLookedUpNorTouched() {
        org.mockito.Mockito.when(google.provider()).thenReturn(Provider.GOOGLE);
        org.mockito.Mockito.when(google.enabled(org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> call.<SyncPreferences>getArgument(0).googleCalendarEnabled());
        ProviderStep step = new ProviderStep(connections, mirrors, status, new ProviderRegistry(List.of(google), List.of(), List.of()), breaker,
                org.mockito.Mockito.mock(app.spotter.booking.BookingActivity.class), java.time.Clock.systemUTC());

        var retry = step.reconcile(TRAINER, BOOKING, Provider.GOOGLE, event(), preferences(false), 0);

        assertThat(retry).isEqualTo(StepResult.SETTLED);
        verifyNoInteractions(connections, mirrors, status);
    }

    @Test
    void aProviderWithoutAnAdapterIsNeitherLookedUpNorTouched() {
        ProviderStep step = new ProviderStep(connections, mirrors, status, new ProviderRegistry(List.of(), List.of(), List.of()), breaker,
                org.mockito.Mockito.mock(app.spotter.booking.BookingActivity.class), java.time.Clock.systemUTC());

        assertThat(step.reconcile(TRAINER, BOOKING, Provider.GOOGLE, event(), preferences(true), 0)).isEqualTo(StepResult.SETTLED);
        verifyNoInteractions(connections, mirrors, status);
    }

    @Test
    void aPushWhoseCalendarIsDisconnectedMeanwhileEndsQuietlyWithoutRetryOrStatus() throws Exception {
        org.mockito.Mockito.when(google.provider()).thenReturn(Provider.GOOGLE);
        org.mockito.Mockito.when(google.enabled(org.mockito.ArgumentMatchers.any())).thenReturn(true);
        org.mockito.Mockito.when(google.fingerprint(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any())).thenReturn("f");
        org.mockito.Mockito.when(connections.find(TRAINER, Provider.GOOGLE)).thenReturn(java.util.Optional.of(
                new ConnectionStore.Stored(new app.spotter.sync.Connection(TRAINER, Provider.GOOGLE, Map.of(), "t"),
                        ConnectionStore.State.ACTIVE, null)));
        org.mockito.Mockito.when(mirrors.find(TRAINER, BOOKING, Provider.GOOGLE)).thenReturn(java.util.Optional.empty());
        org.mockito.Mockito.doThrow(new MirrorStore.ConnectionGone(null)).when(mirrors)
                .reserve(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        ProviderStep step = new ProviderStep(connections, mirrors, status,
                new ProviderRegistry(List.of(google), List.of(), List.of()), breaker,
                org.mockito.Mockito.mock(app.spotter.booking.BookingActivity.class), java.time.Clock.systemUTC());

        assertThat(step.reconcile(TRAINER, BOOKING, Provider.GOOGLE, event(), preferences(true), 0)).isEqualTo(StepResult.SETTLED);
        verifyNoInteractions(status);
    }

    private static SyncPreferences preferences(boolean googleOn) {
        return new SyncPreferences(TRAINER, googleOn, false, false, SyncFrequency.REALTIME, CalendarView.MONTH, true,
                Map.of(), ZoneId.of("Africa/Johannesburg"));
    }

    private static CalendarEvent event() {
        return new CalendarEvent(BOOKING, TRAINER, UUID.randomUUID(), BOOKING + "@spotter.app", "1:1 session",
                SessionType.ONE_ON_ONE, null, Instant.parse("2026-12-01T07:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("Africa/Johannesburg"), null, 1, false);
    }
}
