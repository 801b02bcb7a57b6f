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

/**
 * A round dates the work it finds by Spotter's clock, like every other part of the engine (tests pin it), and a
 * deletion in the calendar never recreates a booked session behind the trainer's back.
 */
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

    final app.spotter.booking.Bookings bookings = mock(app.spotter.booking.Bookings.class);
    final app.spotter.booking.BookingActivity activity = mock(app.spotter.booking.BookingActivity.class);

    @Test
    void anEventDeletedInTheCalendarOfACancelledSessionIsForgottenAtTheClocksNowNotTheMachines() throws Exception {
        SyncRound round = roundWithOneEventGone();
        when(bookings.findIncludingDeleted(TRAINER, BOOKING)).thenReturn(Optional.empty());

        round.run(TRAINER, Provider.APPLE);

        verify(mirrors).delete(TRAINER, BOOKING, Provider.APPLE);
        verify(pending).request(TRAINER, BOOKING, PINNED);
        verify(queue).schedule(TRAINER, BOOKING, PINNED);
    }

    @Test
    void anEventDeletedInTheCalendarOfABookedSessionIsFlaggedAtTheClocksNowAndNotRecreated() throws Exception {
        SyncRound round = roundWithOneEventGone();
        app.spotter.booking.Booking booked = mock(app.spotter.booking.Booking.class);
        when(booked.status()).thenReturn(app.spotter.booking.BookingStatus.SCHEDULED);
        when(booked.details()).thenReturn(new app.spotter.booking.BookingDetails(UUID.randomUUID(), PINNED,
                PINNED.plusSeconds(3600), app.spotter.booking.SessionType.ONE_ON_ONE, null, null, null));
        when(bookings.findIncludingDeleted(TRAINER, BOOKING)).thenReturn(Optional.of(booked));

        round.run(TRAINER, Provider.APPLE);

        verify(mirrors).flagRemoved(TRAINER, Provider.APPLE, "gone", PINNED);
        verify(activity).record(org.mockito.ArgumentMatchers.eq(TRAINER), org.mockito.ArgumentMatchers.eq(BOOKING),
                org.mockito.ArgumentMatchers.eq(app.spotter.booking.BookingActivity.Kind.REMOVED_IN_CALENDAR),
                org.mockito.ArgumentMatchers.eq("apple"), any(), org.mockito.ArgumentMatchers.eq(true),
                org.mockito.ArgumentMatchers.eq(PINNED));
        verify(mirrors, org.mockito.Mockito.never()).delete(TRAINER, BOOKING, Provider.APPLE);
        verify(queue, org.mockito.Mockito.never()).schedule(any(UUID.class), any(UUID.class), any(Instant.class));
    }

    private SyncRound roundWithOneEventGone() throws Exception {
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
        when(mirrors.find(TRAINER, BOOKING, Provider.APPLE)).thenReturn(Optional.of(new app.spotter.sync.store.Mirror(
                new app.spotter.sync.RemoteEvent("gone", "e1", null), "hash", 1)));
        when(pending.generation(TRAINER, BOOKING)).thenReturn(java.util.OptionalLong.empty());
        return new SyncRound(connections, mirrors, mock(StatusStore.class),
                new ProviderRegistry(List.of(apple), List.of(), List.of()), pending, queue, preferences,
                Clock.fixed(PINNED, ZoneOffset.UTC), bookings, mock(app.spotter.booking.Conflicts.class), activity);
    }
}
