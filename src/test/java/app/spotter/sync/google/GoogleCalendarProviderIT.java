package app.spotter.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.booking.SessionType;
import app.spotter.calendar.CalendarEvent;
import app.spotter.sync.RemoteEvent;
import app.spotter.sync.SyncFailure;
import app.spotter.sync.SyncFailure.Kind;
import app.spotter.sync.google.fake.Fault;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoogleCalendarProviderIT {

    private final GoogleFixture f;

    GoogleCalendarProviderIT() throws Exception {
        f = new GoogleFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aNewBookingBecomesAnEventWhoseIdIsTheBookingsHexDigits() throws SyncFailure {
        CalendarEvent booking = f.booking();

        RemoteEvent remote = f.provider.upsert(f.connection, booking, null);

        JsonObject stored = f.stored(booking);
        assertThat(remote.externalId()).isEqualTo(booking.bookingHex()).hasSize(32);
        assertThat(remote.etag()).isEqualTo(stored.get("etag").getAsString());
        assertThat(stored.get("status").getAsString()).isEqualTo("confirmed");
        assertThat(stored.get("iCalUID").getAsString()).isEqualTo(booking.uid());
        assertThat(stored.get("sequence").getAsInt()).isZero();
        assertThat(stored.getAsJsonObject("start").get("dateTime").getAsString()).isEqualTo("2026-03-02T09:00:00.000+02:00");
        assertThat(stored.getAsJsonObject("start").get("timeZone").getAsString()).isEqualTo("Africa/Johannesburg");
        assertThat(stored.getAsJsonObject("end").get("dateTime").getAsString()).isEqualTo("2026-03-02T10:00:00.000+02:00");
        assertThat(stored.getAsJsonObject("reminders").get("useDefault").getAsBoolean()).isTrue();
        JsonObject marker = stored.getAsJsonObject("extendedProperties").getAsJsonObject("private");
        assertThat(marker.get("spotter").getAsString()).isEqualTo("1");
        assertThat(marker.get("spotterBooking").getAsString()).isEqualTo(booking.bookingId().toString());
        assertThat(f.google.events("primary")).hasSize(1);
    }

    @Test
    void aRescheduledBookingMovesTheSameEventAndRaisesItsSequence() throws SyncFailure {
        CalendarEvent booking = f.booking();
        RemoteEvent first = f.provider.upsert(f.connection, booking, null);

        CalendarEvent moved = f.booking(booking.bookingId(), GoogleFixture.NINE_AM.plus(Duration.ofHours(26)), 1);
        RemoteEvent second = f.provider.upsert(f.connection, moved, first);

        JsonObject stored = f.stored(booking);
        assertThat(f.google.events("primary")).hasSize(1);
        assertThat(stored.getAsJsonObject("start").get("dateTime").getAsString()).isEqualTo("2026-03-03T11:00:00.000+02:00");
        assertThat(stored.get("sequence").getAsInt()).isEqualTo(1);
        assertThat(second.etag()).isNotEqualTo(first.etag()).isEqualTo(stored.get("etag").getAsString());
    }

    @Test
    void aCancelledBookingIsRemovedAndRemovingItAgainStillSucceeds() throws SyncFailure {
        CalendarEvent booking = f.booking();
        RemoteEvent remote = f.provider.upsert(f.connection, booking, null);

        f.provider.remove(f.connection, booking, remote);
        f.provider.remove(f.connection, booking, remote); // Google answers 410 now

        assertThat(f.stored(booking).get("status").getAsString()).isEqualTo("cancelled");
    }

    @Test
    void removingAnEventGoogleNeverHadSucceeds() throws SyncFailure {
        f.provider.remove(f.connection, f.booking(), null); // Google answers 404

        assertThat(f.google.events("primary")).isEmpty();
    }

    @Test
    void theEventCarriesTheSummaryAsGivenAndNothingElseAboutTheClient() throws SyncFailure {
        UUID id = UUID.randomUUID();
        CalendarEvent anonymous = new CalendarEvent(id, f.trainerId, UUID.randomUUID(), id + "@spotter.app",
                "Assessment", SessionType.ASSESSMENT, null, GoogleFixture.NINE_AM,
                GoogleFixture.NINE_AM.plusSeconds(1800), GoogleFixture.JOBURG, null, 0, false);

        f.provider.upsert(f.connection, anonymous, null);

        JsonObject stored = f.stored(anonymous);
        assertThat(stored.get("summary").getAsString()).isEqualTo("Assessment");
        assertThat(stored.has("description")).isFalse();
        assertThat(stored.has("attendees")).isFalse();
        assertThat(stored.keySet()).containsOnly("kind", "id", "etag", "status", "iCalUID", "sequence", "updated",
                "summary", "start", "end", "reminders", "extendedProperties");
    }

    @Test
    void theBookingColourArrivesAsTheNearestGoogleColorId() throws SyncFailure {
        CalendarEvent red = f.booking(); // #dc2127 is Google's Tomato

        f.provider.upsert(f.connection, red, null);

        assertThat(f.stored(red).get("colorId").getAsString()).isEqualTo("11");
    }

    @Test
    void anInsertWhoseAnswerWasLostIsRetriedWithoutCreatingADuplicate() throws SyncFailure {
        CalendarEvent booking = f.booking();
        f.google.failNext(1, Fault.APPLY_THEN_DROP);

        assertThatThrownBy(() -> f.provider.upsert(f.connection, booking, null))
                .isInstanceOfSatisfying(SyncFailure.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        RemoteEvent remote = f.provider.upsert(f.connection, booking, null); // the engine's retry: 409 -> update

        assertThat(f.google.events("primary")).hasSize(1);
        assertThat(remote.etag()).isEqualTo(f.stored(booking).get("etag").getAsString());
    }

    @Test
    void insertingOntoAnEventDeletedInGoogleBringsItBack() throws SyncFailure {
        CalendarEvent booking = f.booking();
        f.provider.upsert(f.connection, booking, null);
        f.google.deleteInGoogle("primary", booking.bookingHex());

        f.provider.upsert(f.connection, booking, null); // 409 duplicate on the cancelled event -> update

        assertThat(f.google.events("primary")).hasSize(1);
        assertThat(f.stored(booking).get("status").getAsString()).isEqualTo("confirmed");
    }

    @Test
    void anUpdateThatLosesARaceWithAnEditInGoogleRereadsAndAppliesOurs() throws SyncFailure {
        CalendarEvent booking = f.booking();
        RemoteEvent ours = f.provider.upsert(f.connection, booking, null);
        f.google.editInGoogle("primary", booking.bookingHex(), "summary", "Dentist");

        RemoteEvent after = f.provider.upsert(f.connection, f.booking(booking.bookingId(), GoogleFixture.NINE_AM, 1), ours);

        JsonObject stored = f.stored(booking);
        assertThat(stored.get("summary").getAsString()).isEqualTo("1:1 session · Thandi Nkosi");
        assertThat(after.etag()).isEqualTo(stored.get("etag").getAsString());
    }

    @Test
    void aRateLimit403IsTransient() {
        f.google.failNext(1, Fault.RATE_LIMIT_403);

        assertThatThrownBy(() -> f.provider.upsert(f.connection, f.booking(), null))
                .isInstanceOfSatisfying(SyncFailure.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(f.google.events("primary")).isEmpty();
    }

    @Test
    void a429IsTransientAndCarriesGooglesRetryAfter() {
        f.google.failNext(1, Fault.TOO_MANY_REQUESTS_429);

        assertThatThrownBy(() -> f.provider.upsert(f.connection, f.booking(), null))
                .isInstanceOfSatisfying(SyncFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(f.google.events("primary")).isEmpty();
    }

    @Test
    void aServerErrorIsTransient() {
        f.google.failNext(1, Fault.SERVER_ERROR_500);

        assertThatThrownBy(() -> f.provider.upsert(f.connection, f.booking(), null))
                .isInstanceOfSatisfying(SyncFailure.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheWriteGoesThrough() throws SyncFailure {
        f.provider.upsert(f.connection, f.booking(), null);
        int refreshes = f.google.tokenRequests();
        f.google.expireAccessTokens();

        CalendarEvent next = f.booking();
        f.provider.upsert(f.connection, next, null);

        assertThat(f.google.tokenRequests()).isEqualTo(refreshes + 1);
        assertThat(f.stored(next).get("status").getAsString()).isEqualTo("confirmed");
    }

    @Test
    void a401ThatOutlastsATokenRefreshAsksTheTrainerToReconnect() {
        f.google.failNext(2, Fault.UNAUTHORIZED_401);

        assertThatThrownBy(() -> f.provider.upsert(f.connection, f.booking(), null))
                .isInstanceOfSatisfying(SyncFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH);
                    assertThat(e.getMessage()).isEqualTo("Google access was revoked; reconnect Google");
                });
    }

    @Test
    void aRevokedGrantIsAnAuthFailureInPlainWords() {
        f.google.revokeAccess();

        assertThatThrownBy(() -> f.provider.upsert(f.connection, f.booking(), null))
                .isInstanceOfSatisfying(SyncFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTH);
                    assertThat(e.getMessage()).isEqualTo("Google access was revoked or has expired; reconnect Google");
                });
        assertThat(f.google.events("primary")).isEmpty();
    }

    @Test
    void theCalendarComesFromTheConnectionSettings() throws SyncFailure {
        var work = new app.spotter.sync.Connection(f.trainerId, app.spotter.sync.Provider.GOOGLE,
                java.util.Map.of("calendarId", "sessions@group.calendar.google.com"), f.connection.secret());
        CalendarEvent booking = f.booking();

        f.provider.upsert(work, booking, null);

        assertThat(f.google.event("sessions@group.calendar.google.com", booking.bookingHex())).isPresent();
        assertThat(f.google.events("primary")).isEmpty();
    }
}
